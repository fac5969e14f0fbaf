"""What works for you: the morning-after rating after runs with a practice, against runs without.

A run's practices are what was ticked for it plus every routine finished on
its plan day, each counted as one practice (see practices.py). Its outcome
is the first rating after the night that follows it (outcome.py). Each
practice's difference is adjusted for the kind of run, how sore she already
was and the run's load (model.py), then pooled with the other practices'
(pooling.py), per score: the overall rating, and each area's.
A verdict needs a comparison that could show a 1-point difference; until
then `needed` says about how many more runs it takes.
"""

from __future__ import annotations

import math
from collections.abc import Callable
from dataclasses import dataclass
from datetime import time
from operator import itemgetter

from tui.core.insights.facts import INSIGHT_AREAS, MAIN_AREAS, RATING_AREAS, RATING_OVERALL, Facts, RatingFact
from tui.core.insights.model import MIN_RUNS, Comparison, compare, t_975
from tui.core.insights.outcome import DEFAULT_BEDTIME
from tui.core.insights.pairing import OUTCOME, PRACTICES, Outcome, Pairing, pair_runs
from tui.core.insights.pooling import pool
from tui.core.insights.stats import TOO_FEW, UNCLEAR, Adjusted
from tui.core.plan.practices import PracticeNames

__all__ = ["MIN_RUNS", "NOT_PROOF", "Insight", "area_insights", "insights", "pair_runs", "to_json"]

JSON_KEYS = ("practice", "name", "with_n", "with_mean", "without_n", "without_mean",
             "difference", "adjusted", "interval", "verdict", "unpooled", "needed")
NOT_PROOF = "A pattern in your own records, not proof of cause."


@dataclass(frozen=True)
class Insight:
    practice: str
    name: str
    with_n: int
    with_mean: float | None  # None without a run on that side
    without_n: int
    without_mean: float | None
    difference: float | None  # raw: with_mean - without_mean; None below MIN_RUNS a side
    adjusted: Adjusted | None  # None below MIN_RUNS a side, or when only the kind of run tells them apart
    needed: int  # about how many more runs before a verdict; 0 when enough

    @property
    def verdict(self) -> str:
        if self.needed:
            return TOO_FEW
        return self.adjusted.verdict if self.adjusted is not None else UNCLEAR

    def to_dict(self) -> dict:
        adjusted = self.adjusted
        return {
            "practice": self.practice, "name": self.name,
            "with_n": self.with_n, "with_mean": _round(self.with_mean),
            "without_n": self.without_n, "without_mean": _round(self.without_mean),
            "difference": _round(self.difference),
            "adjusted": _round(adjusted.difference) if adjusted else None,
            "interval": [_round(adjusted.interval[0]), _round(adjusted.interval[1])] if adjusted else None,
            "verdict": self.verdict,
            "unpooled": _round(adjusted.unpooled) if adjusted else None,
            "needed": self.needed,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2) + 0.0  # + 0.0: never "-0.0"


def _insights(name: Callable[[str], str], found: dict[str, Comparison]) -> list[Insight]:
    """The comparisons of one score, their estimates pooled with each other."""
    estimated = [(practice, c.estimate) for practice, c in found.items() if c.estimate is not None]
    pooled = dict(zip((p for p, _ in estimated),
                      pool([(e.difference, e.variance) for _, e in estimated]), strict=True))
    result = []
    for practice, c in found.items():
        adjusted = None
        if c.estimate is not None:
            shrunk = pooled[practice]
            half = t_975(c.estimate.df) * math.sqrt(shrunk.variance)
            adjusted = Adjusted(shrunk.mean, (shrunk.mean - half, shrunk.mean + half), c.estimate.difference)
        short = c.with_.n < MIN_RUNS or c.without.n < MIN_RUNS
        with_mean, without_mean = c.with_.mean(), c.without.mean()
        raw = None if short or with_mean is None or without_mean is None else with_mean - without_mean
        result.append(Insight(practice, name(practice), c.with_.n, c.with_.mean(), c.without.n,
                              c.without.mean(), raw, adjusted, c.needed))
    return result


def _rank(found: list[Insight]) -> list[Insight]:
    """Verdicts first, most negative adjusted difference first; then those still short of runs, closest first."""
    def key(insight: Insight) -> tuple[bool, float, int, str]:
        value = insight.adjusted.difference if insight.adjusted is not None and not insight.needed else None
        return value is None, value or 0.0, insight.needed, insight.name.lower()

    return sorted(found, key=key)


def _practices(runs: list[Outcome]) -> list[str]:
    return sorted(set().union(*(run[PRACTICES] for run in runs)))


def insights(facts: Facts, names: PracticeNames, pairing: Pairing | None = None,
             bedtime: time | None = DEFAULT_BEDTIME) -> list[Insight]:
    """Every practice seen in any run, ranked on the overall rating. Pass
    `pairing` (from pair_runs) to pair runs with ratings only once."""
    runs = (pairing or pair_runs(facts, names, bedtime)).runs
    return _rank(_insights(names.name, compare(runs, _practices(runs), itemgetter(RATING_OVERALL))))


def area_insights(facts: Facts, names: PracticeNames, pairing: Pairing | None = None,
                  bedtime: time | None = DEFAULT_BEDTIME) -> dict[str, Insight | None]:
    """Per area, the practice that helps most there (its interval below 0);
    None while no practice does. Each area's estimates are pooled with each other."""
    runs = (pairing or pair_runs(facts, names, bedtime)).runs
    practices = _practices(runs)
    by_area: dict[str, dict[str, Comparison]] = {}
    for index, area in enumerate(INSIGHT_AREAS):
        if area not in MAIN_AREAS and all(r[OUTCOME] is None or r[OUTCOME][RATING_AREAS][index] is None
                                          for r in runs):
            continue  # knees, Achilles, ...: only once rated after a run
        by_area[area] = compare(runs, practices, area_score(index))
    return {area: next((i for i in _rank(_insights(names.name, found)) if i.verdict == "helps"), None)
            for area, found in by_area.items()}


def to_json(found: list[Insight]) -> list[dict]:
    return [insight.to_dict() for insight in found]


def area_score(index: int) -> Callable[[RatingFact], int | None]:
    """A rating's score for the area at `index` of INSIGHT_AREAS."""
    return lambda rating: rating[RATING_AREAS][index]

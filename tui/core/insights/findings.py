"""What works for you: next-day soreness after runs with a practice, against runs without.

A run's practices are what was ticked for it plus every routine finished on
its plan day, each counted as one practice (see practices.py). Its outcome is
the first soreness rating 12-72 h after it ended. Runs and ratings are paired
in one pass over both, sorted by time (linear, after the sort).

Practices often go with the kind of run (an ice bath after a long run, which
makes anyone sorer), so the comparison is made within kinds and averaged
(insight_stats.py). A practice gets a number once it has MIN_RUNS rated runs
with it and MIN_RUNS without; until then `needed` says how many more it takes.
"""

from __future__ import annotations

from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from itertools import chain
from operator import itemgetter

from tui.core.insights.facts import (
    INSIGHT_AREAS,
    MAIN_AREAS,
    RATING_AREAS,
    RATING_ID,
    RATING_OVERALL,
    RATING_TIME,
    RUN_ENDED,
    RUN_ID,
    Facts,
    RatingFact,
)
from tui.core.insights.stats import UNCLEAR, Adjusted, Tally, adjusted_difference
from tui.core.journal.soreness import DOMS_FROM, DOMS_UNTIL
from tui.core.plan.practices import PracticeNames

MIN_RUNS = 3
JSON_KEYS = ("practice", "name", "with_n", "with_mean", "without_n", "without_mean",
             "difference", "adjusted", "interval", "verdict")
NOT_PROOF = "A pattern in your own records, not proof of cause."


# One run: (its kind, its practices, the rating that followed it or None if
# none came in time). A plain tuple: there is one per run of a hundred years.
Outcome = tuple[str | None, set[str], RatingFact | None]


@dataclass(frozen=True)
class Insight:
    practice: str
    name: str
    with_n: int
    with_mean: float | None  # None without a run on that side
    without_n: int
    without_mean: float | None
    difference: float | None  # raw: with_mean - without_mean; None until `needed` is 0
    adjusted: Adjusted | None  # within kinds of run; None until `needed` is 0, or with no kind on both sides
    needed: int  # more runs it takes: up to MIN_RUNS with it and MIN_RUNS without

    @property
    def verdict(self) -> str:
        return self.adjusted.verdict if self.adjusted is not None else UNCLEAR

    def to_dict(self) -> dict:
        interval = self.adjusted.interval if self.adjusted is not None else None
        return {
            "practice": self.practice, "name": self.name,
            "with_n": self.with_n, "with_mean": _round(self.with_mean),
            "without_n": self.without_n, "without_mean": _round(self.without_mean),
            "difference": _round(self.difference),
            "adjusted": _round(self.adjusted.difference) if self.adjusted is not None else None,
            "interval": [_round(interval[0]), _round(interval[1])] if interval is not None else None,
            "verdict": self.verdict,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2) + 0.0  # + 0.0: never "-0.0"


def signed(value: float) -> str:
    """-0.04 -> "+0.0", not "-0.0"; -0.26 -> "-0.3"."""
    return f"{round(value, 1) + 0.0:+.1f}"


def outcomes(facts: Facts, names: PracticeNames) -> list[Outcome]:
    """Every run, oldest first, with the first rating 12-72 h after it: a
    single merge of runs against ratings, both sorted by time."""
    runs = sorted(facts.runs, key=itemgetter(RUN_ENDED, RUN_ID))
    ratings = sorted(facts.ratings, key=itemgetter(RATING_TIME, RATING_ID))
    times = [rating[RATING_TIME] for rating in ratings]
    soonest, latest = DOMS_FROM.total_seconds(), DOMS_UNTIL.total_seconds()
    found, next_rating, count = [], 0, len(times)
    practices_of = names.practices
    for _id, ended, kind, practices in runs:  # RUN_COLUMNS
        while next_rating < count and times[next_rating] < ended + soonest:
            next_rating += 1
        in_time = next_rating < count and times[next_rating] <= ended + latest
        found.append((kind, practices_of(practices), ratings[next_rating] if in_time else None))
    return found


def compare(runs: list[Outcome], practices: list[str], names: PracticeNames,
            score: Callable[[RatingFact], int | None]) -> list[Insight]:
    """Each practice against runs without it. Scores are small integers, so
    runs are filed by (kind, score) in one pass, and each file counts its
    practices at once: the tallies follow from those counts."""
    by_score: dict[tuple[str | None, int], list[set[str]]] = defaultdict(list)
    for kind, done, rating in runs:
        value = score(rating) if rating is not None else None
        if value is not None:
            by_score[kind, value].append(done)
    totals: dict[str | None, Tally] = defaultdict(Tally)
    tallies: dict[str, dict[str | None, Tally]] = {practice: defaultdict(Tally) for practice in practices}
    for (kind, value), sets in by_score.items():
        totals[kind] += Tally.repeated(value, len(sets))
        for practice, count in Counter(chain.from_iterable(sets)).items():
            tallies[practice][kind] += Tally.repeated(value, count)
    overall = sum(totals.values(), Tally())
    return [_insight(practice, names.name(practice), tallies[practice], totals, overall) for practice in practices]


def _insight(practice: str, name: str, with_by_kind: dict[str | None, Tally],
             totals: dict[str | None, Tally], overall: Tally) -> Insight:
    with_ = sum(with_by_kind.values(), Tally())
    without = overall.minus(with_)
    needed = max(0, MIN_RUNS - with_.n) + max(0, MIN_RUNS - without.n)
    difference = adjusted = None
    if needed == 0:
        difference = with_.average() - without.average()
        adjusted = adjusted_difference(
            [(with_by_kind.get(kind, Tally()), total.minus(with_by_kind.get(kind, Tally())))
             for kind, total in totals.items()])
    return Insight(practice, name, with_.n, with_.mean(), without.n, without.mean(), difference, adjusted, needed)


def _rank(found: list[Insight]) -> list[Insight]:
    """Most negative adjusted difference first; then those still short of data, closest first."""
    def key(insight: Insight) -> tuple[bool, float, int, str]:
        value = insight.adjusted.difference if insight.adjusted is not None else None
        return value is None, value or 0.0, insight.needed, insight.name.lower()

    return sorted(found, key=key)


def _practices(runs: list[Outcome]) -> list[str]:
    return sorted(set().union(*(practices for _kind, practices, _rating in runs)))


def insights(facts: Facts, names: PracticeNames, runs: list[Outcome] | None = None) -> list[Insight]:
    """Every practice seen in any run, ranked on the overall rating. Pass
    `runs` (from outcomes) to pair runs with ratings only once."""
    runs = outcomes(facts, names) if runs is None else runs
    return _rank(compare(runs, _practices(runs), names, itemgetter(RATING_OVERALL)))


def area_insights(facts: Facts, names: PracticeNames,
                  runs: list[Outcome] | None = None) -> dict[str, Insight | None]:
    """Per area, the practice that helps most there (its interval below 0);
    None while no practice does."""
    runs = outcomes(facts, names) if runs is None else runs
    practices = _practices(runs)
    best: dict[str, Insight | None] = {}
    for index, area in enumerate(INSIGHT_AREAS):
        if area not in MAIN_AREAS and all(r is None or r[RATING_AREAS][index] is None for _k, _p, r in runs):
            continue  # knees, Achilles, ...: only once rated after a run
        ranked = _rank(compare(runs, practices, names, area_score(index)))
        best[area] = next((i for i in ranked if i.verdict == "helps"), None)
    return best


def area_score(index: int) -> Callable[[RatingFact], int | None]:
    """A rating's score for the area at `index` of INSIGHT_AREAS."""
    return lambda rating: rating[RATING_AREAS][index]


def adjusted_text(insight: Insight) -> str:
    """"-0.8 (-1.4 to -0.2)": the adjusted difference and its interval, for
    people. Only for an insight that has one (ValueError otherwise)."""
    adjusted = insight.adjusted
    if adjusted is None:
        raise ValueError(f"{insight.name}: no adjusted difference yet")
    if adjusted.interval is None:
        return f"{signed(adjusted.difference)} (no interval: too few runs vary)"
    low, high = adjusted.interval
    return f"{signed(adjusted.difference)} ({signed(low)} to {signed(high)})"


def raw_text(insight: Insight) -> str:
    """Means with and without, and their difference; ValueError before there is one."""
    if insight.difference is None:
        raise ValueError(f"{insight.name}: no difference yet")
    return (f"{insight.with_mean:.1f} with, {insight.without_mean:.1f} without, "
            f"raw {signed(insight.difference)}")


def to_json(found: list[Insight]) -> list[dict]:
    return [insight.to_dict() for insight in found]

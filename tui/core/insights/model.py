"""The adjusted difference a practice makes: least squares on a few columns.

For one score (the overall rating, or one area's), the morning-after
rating of each run is fitted on: its kind (one column per kind, runs of no
kind being one), how sore she already was (the rating before the night, and
a column marking runs without one), its load (and a column for runs without
one), and whether the practice was done. The practice's coefficient is its
adjusted difference (Frisch-Waugh-Lovell: from the cross products of the
common columns once, and per practice its own sums).

Scores are small integers and most runs share a few kinds and scores, so
runs are filed by (columns, score) in one pass and each file counts its
practices at once: the sums follow from those counts.

- The spread of the ratings comes from the residuals, with a weak prior of
  PRIOR_SD (1.5 points) worth PRIOR_DF runs: four runs that all scored 2
  against four that scored 4 do not make an interval of no width.
- Day-to-day ratings are correlated: the variance is multiplied by
  (1 + r) / (1 - r), r the lag-1 autocorrelation of the residuals in run
  order (when above 0, at most 0.9): for AR(1) days this bounds what
  correlation does to the variance, so the interval is never too narrow.
- `needed`: a practice shows a verdict once its comparison could find a
  1-point difference (DETECT) 4 times in 5 at the 5% level; until then, about
  how many more runs that takes, at its present mix of runs with and without.
"""

from __future__ import annotations

import math
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass
from functools import lru_cache
from itertools import chain, pairwise
from typing import Any

from tui.core.insights.linear import dot, generalized_inverse, times
from tui.core.insights.pairing import KIND, LOAD, OUTCOME, PRACTICES, SORE_BEFORE, Outcome
from tui.core.insights.stats import Tally
from tui.core.insights.student_t import t_quantile

MIN_RUNS = 3  # a side, before any number is shown
PRIOR_SD, PRIOR_DF = 1.5, 4
DETECT = 1.0  # points: the smallest difference worth a verdict
POWER_Z = 0.8416  # the normal quantile of 80% power
MAX_CORRELATION = 0.9
EXTRA = ("sore before", "no rating before", "load", "no load")

Score = Callable[[Any], Any]  # a rating -> its score (an int), or None where not rated


@lru_cache(maxsize=256)
def t_975(df: float) -> float:
    """Student's t at 97.5%: the comparisons of one score mostly share their degrees of freedom."""
    return t_quantile(0.975, df)


@dataclass(frozen=True)
class Estimate:
    difference: float  # adjusted, before pooling
    variance: float  # of the difference, widened for correlated days
    df: float  # degrees of freedom for Student's t


@dataclass(frozen=True)
class Comparison:
    with_: Tally
    without: Tally
    estimate: Estimate | None  # None below MIN_RUNS a side, or when nothing separates with from without
    needed: int  # more runs before a verdict; 0 when enough


@dataclass(frozen=True)
class Common:
    """What every practice's fit shares for one score."""

    inverse: list[list[float]]
    gamma: list[float]  # the common columns' coefficients
    rss: float  # residual sum of squares of the common columns
    n: int
    rank: int
    inflation: float

    def sigma2(self, extra_columns: int = 0) -> float:
        df = self.n - self.rank - extra_columns
        return (max(self.rss, 0.0) + PRIOR_DF * PRIOR_SD**2) / (max(df, 0) + PRIOR_DF)


def _columns(key: tuple, kinds: dict) -> list[tuple[int, float]]:
    """The non-zero columns of a run filed under key (kind, sore before, load)."""
    kind, before, load = key
    base = len(kinds)
    row = [(kinds[kind], 1.0)]
    row.append((base, float(before)) if before is not None else (base + 1, 1.0))
    row.append((base + 2, float(load)) if load is not None else (base + 3, 1.0))
    return [(i, v) for i, v in row if v]


def compare(runs: list[Outcome], practices: list[str], score: Score) -> dict[str, Comparison]:
    """Each practice against runs without it, adjusted, for one score."""
    files: dict[tuple, list[set[str]]] = defaultdict(list)
    order: list[tuple] = []  # (columns key, score) of the scored runs, oldest first
    for run in runs:
        rating = run[OUTCOME]
        value = score(rating) if rating is not None else None
        if value is None:
            continue
        before = run[SORE_BEFORE]
        key = ((run[KIND], score(before) if before is not None else None, run[LOAD]), value)
        files[key].append(run[PRACTICES])
        order.append(key)
    kinds = {kind: i for i, kind in enumerate(sorted({key[0][0] for key in files}, key=str))}
    common, per_key = _common(files, kinds, order)
    tallies: dict[str, Tally] = defaultdict(Tally)
    by_key: dict[str, Counter] = defaultdict(Counter)
    total = Tally()
    for (key, value), sets in files.items():
        total += Tally.repeated(value, len(sets))
        for practice, count in Counter(chain.from_iterable(sets)).items():
            tallies[practice] += Tally.repeated(value, count)
            by_key[practice][key] += count
    return {practice: _comparison(tallies[practice], total, by_key[practice], per_key, common, len(kinds))
            for practice in practices}


def _common(files: dict, kinds: dict, order: list[tuple]) -> tuple[Common, dict]:
    size = len(kinds) + len(EXTRA)
    cross = [[0.0] * size for _ in range(size)]
    zy = [0.0] * size
    yy, n = 0.0, 0
    per_key: dict[tuple, list[tuple[int, float]]] = {}
    for (key, value), sets in files.items():
        columns = per_key.get(key)
        if columns is None:
            columns = per_key[key] = _columns(key, kinds)
        count = len(sets)
        n += count
        yy += count * value * value
        for i, x in columns:
            zy[i] += count * x * value
            row = cross[i]
            for j, x2 in columns:
                row[j] += count * x * x2
    inverse, rank = generalized_inverse(cross)
    gamma = times(inverse, zy)
    rss = yy - dot(zy, gamma)
    fitted = {key: sum(gamma[i] * x for i, x in columns) for key, columns in per_key.items()}
    residuals = [value - fitted[key] for key, value in order]
    common = Common(inverse, gamma, rss, n, rank, _inflation(residuals))
    return common, per_key


def _inflation(residuals: list[float]) -> float:
    """(1 + r) / (1 - r) for the lag-1 autocorrelation r of the residuals, if above 0."""
    squares = sum(e * e for e in residuals)
    if squares <= 1e-12 or len(residuals) < 3:
        return 1.0
    r = sum(a * b for a, b in pairwise(residuals)) / squares
    r = min(r, MAX_CORRELATION)
    return (1 + r) / (1 - r) if r > 0 else 1.0


def runs_a_side_needed(variance: float = PRIOR_SD**2) -> int:
    """Runs a side that can show a DETECT-point difference 4 times in 5 at
    the 5% level, for ratings that vary this much (by default as the prior
    assumes, before any rating is in)."""
    return max(MIN_RUNS, math.ceil(2 * (1.96 + POWER_Z) ** 2 * variance / DETECT**2))


def _comparison(with_: Tally, total: Tally, counts: Counter, per_key: dict, common: Common,
                kinds: int) -> Comparison:
    without = total.minus(with_)
    if with_.n < MIN_RUNS or without.n < MIN_RUNS:
        per_side = runs_a_side_needed(common.sigma2() * common.inflation)
        return Comparison(with_, without, None, max(0, per_side - with_.n) + max(0, per_side - without.n))
    size = kinds + len(EXTRA)
    zd = [0.0] * size
    for key, count in counts.items():
        for i, x in per_key[key]:
            zd[i] += count * x
    gzd = times(common.inverse, zd)
    denominator = with_.n - dot(zd, gzd)
    if denominator <= 1e-9 * with_.n:  # with and without differ only in kind: nothing left to compare
        return Comparison(with_, without, None, 0)
    numerator = with_.total - dot(zd, common.gamma)
    difference = numerator / denominator
    rss = common.rss - numerator * numerator / denominator
    df = max(common.n - common.rank - 1, 0) + PRIOR_DF
    sigma2 = (max(rss, 0.0) + PRIOR_DF * PRIOR_SD**2) / df
    variance = sigma2 / denominator * common.inflation
    detectable = (t_975(df) + POWER_Z) * math.sqrt(variance)
    scored = with_.n + without.n
    # the variance falls as 1 / runs at this mix; Student's t then nears the normal's 1.96
    needed = 0 if detectable <= DETECT else \
        max(1, math.ceil(scored * ((1.96 + POWER_Z) * math.sqrt(variance) / DETECT) ** 2 - scored))
    return Comparison(with_, without, Estimate(difference, variance, df), needed)

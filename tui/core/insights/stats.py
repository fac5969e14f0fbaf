"""A difference in means, compared within groups, with a 95% Welch interval.

Runs are grouped by kind ("long", "easy", ... and one group for runs of no
kind). Within each kind with runs on both sides, the difference is the mean
with the practice minus the mean without; the adjusted difference is the
average of those differences weighted by the runs in each kind.

The interval is Welch's: the variance of the adjusted difference is the sum
of w_k^2 * s^2 / n over every side of every kind used (w_k the kind's
weight), its degrees of freedom come from Welch-Satterthwaite, and the
half-width is Student's t at 97.5% times its square root. A side with a
single run has no variance of its own: it takes the pooled variance of the
sides that have one (with that pool's degrees of freedom).
"""

from __future__ import annotations

import math
from dataclasses import dataclass

from tui.core.insights.student_t import t_quantile

CONFIDENCE = 0.95
HELPS, WORSE, UNCLEAR = "helps", "worse", "no clear difference"


@dataclass
class Tally:
    """Count, sum and sum of squares of integer scores: exact, and subtractable."""

    n: int = 0
    total: int = 0
    squares: int = 0

    @classmethod
    def repeated(cls, value: int, times: int) -> Tally:
        """`times` runs that all scored `value`."""
        return cls(times, value * times, value * value * times)

    def __add__(self, other: Tally) -> Tally:
        return Tally(self.n + other.n, self.total + other.total, self.squares + other.squares)

    def minus(self, other: Tally) -> Tally:
        return Tally(self.n - other.n, self.total - other.total, self.squares - other.squares)

    def mean(self) -> float | None:
        return self.average() if self.n else None

    def average(self) -> float:
        """The mean of a tally known to hold a score."""
        return self.total / self.n

    def deviations(self) -> float:
        """The sum of squared deviations from the mean."""
        return self.squares - self.total * self.total / self.n if self.n else 0.0


@dataclass(frozen=True)
class Adjusted:
    difference: float
    interval: tuple[float, float] | None  # None when no side has a variance to go on

    @property
    def verdict(self) -> str:
        if self.interval is None:
            return UNCLEAR
        low, high = self.interval
        return HELPS if high < 0 else WORSE if low > 0 else UNCLEAR


def adjusted_difference(by_kind: list[tuple[Tally, Tally]]) -> Adjusted | None:
    """From (with, without) tallies per kind; None if no kind has runs on both sides."""
    used = [(with_, without) for with_, without in by_kind if with_.n and without.n]
    if not used:
        return None
    weight = sum(w.n + wo.n for w, wo in used)
    sides = [((w.n + wo.n) / weight, side) for w, wo in used for side in (w, wo)]
    difference = sum((w.n + wo.n) / weight * (w.average() - wo.average()) for w, wo in used)
    pooled_df = sum(side.n - 1 for _, side in sides)
    if pooled_df == 0:
        return Adjusted(difference, None)
    pooled = sum(side.deviations() for _, side in sides) / pooled_df
    terms = []  # (w^2 s^2 / n, its degrees of freedom)
    for share, side in sides:
        variance, df = (side.deviations() / (side.n - 1), side.n - 1) if side.n > 1 else (pooled, pooled_df)
        terms.append((share * share * max(variance, 0.0) / side.n, df))
    variance = sum(term for term, _ in terms)
    if variance <= 0:  # every rating alike on each side: nothing varies
        return Adjusted(difference, (difference, difference))
    welch_df = variance * variance / sum(term * term / df for term, df in terms)
    half = t_quantile(0.5 + CONFIDENCE / 2, welch_df) * math.sqrt(variance)
    return Adjusted(difference, (difference - half, difference + half))

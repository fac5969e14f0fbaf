"""Exact tallies of integer scores, and what an adjusted difference says.

How the adjusted difference and its interval are made: model.py (the
adjustment) and pooling.py (partial pooling); docs/insights.md for people.
"""

from __future__ import annotations

from dataclasses import dataclass

HELPS, WORSE, UNCLEAR, TOO_FEW = "helps", "worse", "no clear difference", "too few runs"


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
        return self.total / self.n if self.n else None


@dataclass(frozen=True)
class Adjusted:
    difference: float  # adjusted for kind, soreness before and load, then pooled
    interval: tuple[float, float]  # its 95% interval
    unpooled: float  # the adjusted difference before pooling

    @property
    def verdict(self) -> str:
        low, high = self.interval
        return HELPS if high < 0 else WORSE if low > 0 else UNCLEAR

"""The exact randomisation test over the scheme the experiment used.

The coin chose, in each pair, which run got the practice. Had the practice
made no difference, each run's outcome would have been the same whichever
way that pair's coin fell: flipping a pair only changes the sign of its
difference (with minus without). So the test enumerates all 2^pairs ways
the coins could have fallen, and the p-value is the share of them whose
mean difference is at least as far from 0 as the one observed (two-sided,
the observed one included). Nothing is assumed about how ratings spread.

With few pairs the smallest p-value there can be is large: 2 / 2^pairs
(0.125 with 4 pairs). The 95% interval is the paired t interval of the
mean difference (Student's t from insights), beside it.
"""

from __future__ import annotations

import math
from collections import Counter

from tui.core.insights.student_t import t_quantile

DIGITS = 9  # sums of ratings are exact; rounding only absorbs float error
TOLERANCE = 1e-9
CONFIDENCE = 0.95


def exact_p_value(differences: list[float]) -> float | None:
    """Two-sided p of the mean of within-pair differences over every flip; None without pairs.

    The 2^pairs flips are counted by their sum, one pair at a time (sums of
    ratings repeat a lot, so this stays small where listing every flip
    would not), then those as far from 0 as the observed sum are added up."""
    if not differences:
        return None
    sums: Counter[float] = Counter({0.0: 1})
    for difference in differences:
        flipped: Counter[float] = Counter()
        for total, ways in sums.items():
            flipped[round(total + difference, DIGITS)] += ways
            flipped[round(total - difference, DIGITS)] += ways
        sums = flipped
    observed = abs(round(sum(differences), DIGITS))
    as_far = sum(ways for total, ways in sums.items() if abs(total) >= observed - TOLERANCE)
    return float(as_far / 2 ** len(differences))


def smallest_p(pairs: int) -> float:
    """The smallest p-value the test can give with this many pairs."""
    return 2 / 2**pairs if pairs else 1.0


def paired_interval(differences: list[float]) -> tuple[float, float] | None:
    """The 95% t interval of the mean difference; None with fewer than 2 pairs
    or when the pairs do not vary at all."""
    n = len(differences)
    if n < 2:
        return None
    mean = sum(differences) / n
    variance = sum((d - mean) ** 2 for d in differences) / (n - 1)
    if variance == 0:
        return None  # every pair differs alike: a zero-width interval would claim a certainty there is not
    half = t_quantile(0.5 + CONFIDENCE / 2, n - 1) * math.sqrt(variance / n)
    return mean - half, mean + half

"""Partial pooling: estimates shrunk toward each other, and toward no difference.

Fourteen practices and a dozen areas make some 170 comparisons, and by
chance alone a few look like a difference. Rather than widen every interval
for the number of comparisons (Bonferroni's intervals would be 3-4 times as
wide and hide real effects too), the estimates of one score (the overall
rating, or one area's) are taken as draws from a normal spread of true
effects, N(0, tau^2), and tau is learnt from the estimates themselves: when
they differ no more than their noise says they would, tau is small and
every estimate is pulled toward 0; one that stands out by far more than its
noise keeps nearly all of its size. Each estimate moves by the share of its
variance v that is noise, v / (v + tau^2).

The spread is centred on 0 ("on average a practice makes no difference"),
not on the estimates' own mean: that mean is one more comparison chance can
win, and every practice would follow it. tau is not fixed at one estimate
but averaged over its posterior on a grid (uniform prior), so a tau of
about 0 does not make an interval of no width (Gelman et al., Bayesian Data
Analysis, 3rd ed., section 5.4, with the mean held at 0; Gelman, Hill and
Yajima 2012 on why this answers multiple comparisons). With fewer than
MIN_ESTIMATES there is no spread to learn from: estimates are left as they are.
"""

from __future__ import annotations

import math
from dataclasses import dataclass

MIN_ESTIMATES = 3
GRID = 80


@dataclass(frozen=True)
class Pooled:
    mean: float
    variance: float
    shrinkage: float  # 0: left as it was; 1: all the way to 0


def pool(estimates: list[tuple[float, float]]) -> list[Pooled]:
    """(estimate, variance) pairs, each variance above 0, pooled as the module says."""
    if len(estimates) < MIN_ESTIMATES:
        return [Pooled(value, variance, 0.0) for value, variance in estimates]
    top = 2 * max(abs(value) for value, _ in estimates) + 3 * math.sqrt(max(v for _, v in estimates))
    taus = [top * (i + 0.5) / GRID for i in range(GRID)]
    logs = [-0.5 * sum(math.log(v + tau * tau) + value * value / (v + tau * tau) for value, v in estimates)
            for tau in taus]
    best = max(logs)
    weights = [math.exp(log - best) for log in logs]
    total = sum(weights)
    pooled = []
    for value, variance in estimates:
        mean = second = 0.0
        for tau, weight in zip(taus, weights, strict=True):
            keep = tau * tau / (tau * tau + variance)
            mean += weight * keep * value
            second += weight * (keep * variance + (keep * value) ** 2)
        mean, second = mean / total, second / total
        pooled.append(Pooled(mean, max(second - mean * mean, 0.0), 1 - mean / value if value else 1.0))
    return pooled

"""Partial pooling: estimates shrunk toward each other (empirical Bayes).

Fourteen practices and a dozen areas make some 170 comparisons, and by
chance alone a few look like a difference. Rather than widen every interval
for the number of comparisons (Bonferroni would hide real effects behind
intervals 3-4 times as wide), each estimate is treated as one draw from a
normal spread of true effects, N(mu, tau^2), estimated from the estimates
themselves (DerSimonian-Laird's moments for tau^2). An estimate then moves
toward mu by the share of its variance that is noise, v / (v + tau^2): a
noisy one a long way, a precise one hardly at all. When the estimates
differ no more than their noise says they would, tau^2 is 0 and they all
become mu. Its variance, v (1 - B) + B^2 Var(mu), counts the uncertainty in
mu too (Morris 1983; Gelman, Hill and Yajima 2012 on why this answers the
multiple-comparisons problem). With fewer than MIN_ESTIMATES there is no
spread to learn from, and estimates are left as they are.
"""

from __future__ import annotations

from dataclasses import dataclass

MIN_ESTIMATES = 3


@dataclass(frozen=True)
class Pooled:
    mean: float
    variance: float
    shrinkage: float  # B: 0 = left as it was, 1 = all the way to mu


def pool(estimates: list[tuple[float, float]]) -> list[Pooled]:
    """(estimate, variance) pairs, each variance above 0, shrunk toward their common mean."""
    if len(estimates) < MIN_ESTIMATES:
        return [Pooled(value, variance, 0.0) for value, variance in estimates]
    weights = [1.0 / variance for _, variance in estimates]
    total = sum(weights)
    fixed = sum(w * value for w, (value, _) in zip(weights, estimates, strict=True)) / total
    q = sum(w * (value - fixed) ** 2 for w, (value, _) in zip(weights, estimates, strict=True))
    spread = max(0.0, (q - (len(estimates) - 1)) / (total - sum(w * w for w in weights) / total))
    random_weights = [1.0 / (variance + spread) for _, variance in estimates]
    mu_variance = 1.0 / sum(random_weights)
    mu = sum(w * value for w, (value, _) in zip(random_weights, estimates, strict=True)) * mu_variance
    pooled = []
    for value, variance in estimates:
        shrink = variance / (variance + spread)
        pooled.append(Pooled(value - shrink * (value - mu), variance * (1 - shrink) + shrink**2 * mu_variance,
                             shrink))
    return pooled

"""A generalised inverse of a small symmetric cross-product matrix, by sweeping.

The adjustment (model.py) is a least-squares fit on a handful of columns
(kinds of run, soreness before, load), made from their cross products Z'Z.
A column that adds nothing (every run of one kind; no run with a load) makes
Z'Z singular: sweeping skips a pivot that is nearly zero, which leaves that
column out of the fit, as R's lm() does with an aliased coefficient.
(Goodnight 1979, "A tutorial on the SWEEP operator".)
"""

from __future__ import annotations

TOLERANCE = 1e-9


def generalized_inverse(matrix: list[list[float]]) -> tuple[list[list[float]], int]:
    """(G, rank) with Z'Z G Z'Z = Z'Z: the columns left out have rows and columns of 0."""
    size = len(matrix)
    a = [row[:] for row in matrix]
    swept = [False] * size
    scale = [abs(a[i][i]) for i in range(size)]
    for k in range(size):
        pivot = a[k][k]
        if scale[k] == 0 or abs(pivot) <= TOLERANCE * scale[k]:
            continue  # a column the others already explain
        swept[k] = True
        row_k = a[k]
        for i in range(size):
            if i == k:
                continue
            factor = a[i][k] / pivot
            if factor:
                row_i = a[i]
                for j in range(size):
                    if j != k:
                        row_i[j] -= factor * row_k[j]
                row_i[k] = factor
        for j in range(size):
            row_k[j] = row_k[j] / pivot if j != k else -1.0 / pivot
    # Sweeping leaves -G on the swept block; the others are not part of the fit.
    inverse = [[-a[i][j] if swept[i] and swept[j] else 0.0 for j in range(size)] for i in range(size)]
    return inverse, sum(swept)


def dot(left: list[float], right: list[float]) -> float:
    return sum(x * y for x, y in zip(left, right, strict=True))


def times(matrix: list[list[float]], vector: list[float]) -> list[float]:
    return [dot(row, vector) for row in matrix]

"""Insights in words: one plain line per practice, and numbers that never
hide a sign ("-0.04", not "+0.0", for an interval that leaves out 0)."""

from __future__ import annotations

from collections import Counter

from tui.core.insights.findings import Insight
from tui.core.insights.stats import HELPS, TOO_FEW, WORSE

RULE = ("Each run is judged by your first soreness rating after the night that follows it "
        "(at least 6 h after the run and 4 h after your bedtime, and before your next run).")
COLUMNS = ("Raw: mean rating (0-10) with minus without. Adjusted: the same allowing for the kind of run, "
           "how sore you were before the night and the run's load, pulled toward the other practices. "
           "95% interval: where the true difference likely lies; a verdict only when it leaves out 0.")


def signed(value: float) -> str:
    """-0.26 -> "-0.3"; a value that rounds to 0 -> "+0.0" (see `end` for interval ends)."""
    return f"{round(value, 1) + 0.0:+.1f}"


def end(value: float, excludes_zero: bool) -> str:
    """An interval's end: one decimal, or as many as it takes (up to 3) not to
    read 0 when the interval leaves out 0: "-0.04"."""
    for digits in (1, 2, 3):
        if not excludes_zero or round(value, digits) != 0:
            return f"{round(value, digits) + 0.0:+.{digits}f}"
    return f"{value:+.0e}"


def interval_text(low: float, high: float) -> str:
    excludes = high < 0 or low > 0
    return f"{end(low, excludes)} to {end(high, excludes)}"


def adjusted_text(insight: Insight) -> str:
    """"-0.8 (-1.4 to -0.2)": the adjusted difference and its interval."""
    adjusted = insight.adjusted
    assert adjusted is not None, "only an insight with a number has an adjusted text"
    return f"{signed(adjusted.difference)} ({interval_text(*adjusted.interval)})"


def runs(n: int) -> str:
    return f"{n} run{'s' if n != 1 else ''}"


def amount(value: float) -> str:
    """0.45 -> "about half a point", 1.2 -> "about 1 point", 2.6 -> "about 2.5 points"."""
    halves = round(abs(value) * 2) / 2
    if halves == 0.5:
        return "less than half a point" if abs(value) < 0.4 else "about half a point"
    if halves == 0:
        return "less than half a point"
    number = f"{halves:g}"
    return f"about {number} point{'s' if halves != 1 else ''}"


def _in_sentence(name: str) -> str:
    return name[:1].lower() + name[1:] if name[1:2].islower() else name


def sentence(insight: Insight) -> str:
    """One plain line: what the next mornings looked like after runs with it."""
    what = _in_sentence(insight.name)
    if insight.verdict == TOO_FEW:
        more = f"{insight.needed} more run{'s' if insight.needed != 1 else ''}"
        return (f"{insight.name}: too few rated runs to tell yet; about {more} "
                f"({insight.with_n} with it, {insight.without_n} without so far).")
    if insight.adjusted is None:
        return f"{insight.name}: every run with it differs from those without only in kind, so nothing to compare."
    value = insight.adjusted.difference
    direction = "lower" if value < 0 else "higher"
    if insight.verdict in (HELPS, WORSE):
        return f"After runs with {what} you rated {amount(value)} {direction} the next morning."
    if round(abs(value) * 2) == 0 and abs(value) < 0.2:
        return f"After runs with {what} your next-morning ratings were about the same as without it."
    return (f"After runs with {what} you rated {amount(value)} {direction} the next morning, "
            "which could be chance: no clear difference.")


def left_out_text(ratings: Counter, runs_without: Counter) -> str:
    """One line: the ratings no run used and the runs with no outcome, with why; "" if none."""
    parts = [f"{count} rating{'s' if count != 1 else ''} {reason}" for reason, count in ratings.items()]
    parts += [f"{runs(count)}: {reason}" for reason, count in runs_without.items()]
    return "Left out: " + "; ".join(parts) + "." if parts else ""

"""Each practice's adjusted difference and its 95% interval as a small bar.

All bars share one scale around a zero line. The interval is a line from its
low to its high end, the adjusted difference a dot on it. Less soreness with
a practice (an interval below 0) is green, more is red; "no clear
difference" (an interval across 0) is greyed out, like its table row.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.cells import cell_len
from rich.text import Text

from tui.core.insights.findings import Insight
from tui.core.insights.stats import HELPS, WORSE
from tui.core.insights.words import interval_text
from tui.widgets.drawn_text import fitted

LABEL_WIDTH = 19
NARROW_HALF = 7  # 15 cells of bar, so that bar and interval fit 36 columns


def verdict_style(verdict: str) -> str:
    return "green" if verdict == HELPS else "red" if verdict == WORSE else "dim"


def clip(label: str, width: int = LABEL_WIDTH) -> str:
    """The label padded to `width` cells, cut with "…" to leave one free (cells, not
    characters: a wide character takes two, a combining mark none)."""
    shown = fitted(label, width - 1)
    return shown + " " * (width - cell_len(shown))


def interval_bar(low: float, point: float, high: float, scale: float, half: int) -> str:
    """2 * half + 1 cells: ─ outside the interval, ━ inside, ● at the point, │ at 0 if free."""
    def cell(value: float) -> int:
        return max(0, min(2 * half, half + round(value / scale * half)))

    cells = ["─"] * (2 * half + 1)
    for i in range(cell(low), cell(high) + 1):
        cells[i] = "━"
    if cells[half] == "─":
        cells[half] = "│"
    cells[cell(point)] = "●"
    return "".join(cells)


def interval_chart(found: Iterable[Insight], half: int = 10, narrow: bool = False) -> Text:
    """One line per practice with a verdict, in the order given; narrow, the
    practice and its verdict on a line above a shorter bar."""
    if narrow:
        half = NARROW_HALF
    shown = [(i, i.adjusted) for i in found if i.adjusted is not None and not i.needed]
    text = Text()
    if not shown:
        return text
    scale = max(max(abs(low), abs(high)) for _, a in shown for low, high in [a.interval or (0.0, 0.0)]) or 1.0
    text.append(" " * (0 if narrow else LABEL_WIDTH))
    less, more = "◀ less", "more ▶"
    text.append(less, style="green")
    text.append(" " * (half - len(less)) + "0" + " " * (half - len(more)))
    text.append(more, style="red")
    text.append("  ")
    text.append("95% interval\n" if narrow else "95% interval, verdict\n", style="dim")
    for insight, adjusted in shown:
        low, high = adjusted.interval or (0.0, 0.0)
        style = verdict_style(insight.verdict)
        if narrow:
            text.append(insight.name, style="bold" if style != "dim" else "dim")
            text.append(f": {insight.verdict}\n", style=style)
        else:
            text.append(clip(insight.name), style="bold" if style != "dim" else "dim")
        text.append(interval_bar(low, adjusted.difference, high, scale, half), style=style)
        text.append("  ")
        text.append(interval_text(low, high) + ("\n" if narrow else f"  {insight.verdict}\n"), style=style)
    text.rstrip()
    return text

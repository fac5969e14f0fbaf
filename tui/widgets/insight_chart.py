"""Differences in next-day soreness as bars either side of a zero line.

Less soreness with a practice (a negative difference) grows left in green,
more grows right in red, so the good news reads at a glance on any theme.
"""

from __future__ import annotations

from collections.abc import Iterable

from rich.text import Text

from tui.core.insights import signed

from tui.core.insights import Insight

LABEL_WIDTH = 20


def colour(difference: float) -> str:
    return "green" if difference < 0 else "red" if difference > 0 else "dim"


def clip(label: str) -> str:
    return label if len(label) < LABEL_WIDTH else label[: LABEL_WIDTH - 2] + "…"


def bar_cells(difference: float, scale: float, half: int) -> int:
    """How many cells a difference fills; any non-zero difference shows at least one."""
    if difference == 0 or scale <= 0:
        return 0
    return max(1, min(half, round(abs(difference) / scale * half)))


def difference_bars(found: Iterable[Insight], half: int = 12) -> Text:
    """One line per practice with a difference; the longest bar is the largest difference."""
    shown = [i for i in found if i.difference is not None]
    text = Text()
    if not shown:
        return text
    scale = max(abs(i.difference) for i in shown) or 1.0
    text.append(" " * LABEL_WIDTH)
    text.append(f"{'◀ less sore':>{half}}", style="green")
    text.append("│")
    text.append(f"{'more sore ▶':<{half}}\n", style="red")
    for insight in shown:
        cells = bar_cells(insight.difference, scale, half)
        text.append(f"{clip(insight.practice):<{LABEL_WIDTH}}", style="bold")
        if insight.difference < 0:
            text.append(" " * (half - cells))
            text.append("█" * cells, style="green")
            text.append("│" + " " * half)
        else:
            text.append(" " * half + "│")
            text.append("█" * cells, style="red")
            text.append(" " * (half - cells))
        text.append(f" {signed(insight.difference)}\n", style=colour(insight.difference))
    text.rstrip()
    return text

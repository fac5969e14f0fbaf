"""Soreness trends as one line of blocks per area; a gap is a day without a rating.

Every area she rated in the window gets a line. When the window is wide
enough, the lines are laid out in columns (top to bottom, then left to
right), so that all twelve areas and the overall rating fit above the table.
"""

from __future__ import annotations

import math

from rich.text import Text

from tui.core.common.ids import area_label

BLOCKS = "▁▂▃▄▅▆▇█"
LABEL = 11
GAP = 3


def spark(values: list[float | None]) -> str:
    """0-10 ratings as blocks, a space for a day without one."""
    cells = []
    for value in values:
        if value is None:
            cells.append(" ")
        else:
            cells.append(BLOCKS[min(len(BLOCKS) - 1, round(value / 10 * (len(BLOCKS) - 1)))])
    return "".join(cells)


def _line(name: str, values: list[float | None], latest: int) -> Text:
    line = Text(f"{area_label(name):<{LABEL}}", style="bold")
    line.append(spark(values), style="cyan")
    line.append(f"  latest {latest}", style="dim")
    return line


def trend_table(trends: dict[str, list[float | None]], latest: dict[str, int], width: int = 0) -> Text:
    """Only rows with at least one rating. A day's block is its mean rating;
    "latest" at the end is the latest rating itself (`latest`, by row name).
    `width`: the cells there are, for as many columns as fit (0: one column)."""
    lines = [_line(name, values, latest[name]) for name, values in trends.items()
             if any(v is not None for v in values)]
    if not lines:
        return Text("No soreness ratings in the last 28 days.", style="dim")
    cell = max(len(line) for line in lines)
    columns = max(1, min(len(lines), (width + GAP) // (cell + GAP)))
    rows = math.ceil(len(lines) / columns)
    text = Text()
    for row in range(rows):
        for column, line in enumerate(lines[row::rows]):
            if column:
                text.append(" " * GAP)
            text.append_text(line)
            text.append(" " * (cell - len(line)))
        text.rstrip()
        text.append("\n")
    text.rstrip()
    return text

"""Soreness trends as one line of blocks per area; a gap is a day without a rating."""

from __future__ import annotations

from rich.text import Text

from tui.core.common.ids import area_label

BLOCKS = "▁▂▃▄▅▆▇█"


def spark(values: list[float | None]) -> str:
    """0-10 ratings as blocks, a space for a day without one."""
    cells = []
    for value in values:
        if value is None:
            cells.append(" ")
        else:
            cells.append(BLOCKS[min(len(BLOCKS) - 1, round(value / 10 * (len(BLOCKS) - 1)))])
    return "".join(cells)


def trend_table(trends: dict[str, list[float | None]], latest: dict[str, int]) -> Text:
    """Only rows with at least one rating. A day's block is its mean rating;
    "latest" at the end is the latest rating itself (`latest`, by row name)."""
    text = Text()
    for name, values in trends.items():
        if all(v is None for v in values):
            continue
        text.append(f"{area_label(name):<11}", style="bold")
        text.append(spark(values), style="cyan")
        text.append(f"  latest {latest[name]}\n", style="dim")
    if not text:
        text.append("No soreness ratings in the last 28 days.", style="dim")
    return text

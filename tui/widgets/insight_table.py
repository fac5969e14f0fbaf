"""The Insights table's columns and rows, and the per-area lines, wide and narrow.

Narrow (a phone held upright, under NARROW_BELOW columns) the table keeps what
a verdict rests on, the practice, its runs with and without and the adjusted
difference, and leaves the means and the raw difference to the plain
sentences below it; each area's numbers go under its best practice.
"""

from __future__ import annotations

from rich.text import Text

from tui.core.common.ids import area_label
from tui.core.insights import words
from tui.core.insights.findings import Insight
from tui.widgets.insight_chart import verdict_style

WIDE_COLUMNS = ("Practice", "With", "Without", "Raw", "Adjusted")
NARROW_COLUMNS = ("Practice", "Runs ±", "Adjusted")
NARROW_HINT = "Runs ±: rated runs with the practice / without it."


def columns(narrow: bool) -> tuple[str, ...]:
    return NARROW_COLUMNS if narrow else WIDE_COLUMNS


def insight_row(insight: Insight, narrow: bool = False) -> tuple[Text, ...]:
    """One row of `columns(narrow)`; a row short of runs says about how many more."""
    with_, without = insight.with_n, insight.without_n
    if insight.adjusted is None or insight.needed:
        if narrow:  # "39 more": the sentence below says "about 39 more runs"
            needed = f"{insight.needed} more" if insight.needed else "kind only"
            return (Text(insight.name), Text(f"{with_}/{without}", style="dim"), Text(needed, style="dim"))
        needed = f"about {insight.needed} more" if insight.needed else "only kind differs"
        raw = "" if insight.difference is None else f" (raw {words.signed(insight.difference)})"
        return (Text(insight.name), Text(words.runs(with_), style="dim"),
                Text(words.runs(without), style="dim"), Text(needed + raw, style="dim"), Text(""))
    style = verdict_style(insight.verdict)
    muted = "dim" if style == "dim" else ""
    name = Text(insight.name, style="dim" if style == "dim" else "bold")
    adjusted = Text(words.signed(insight.adjusted.difference), style=style)
    if narrow:
        return (name, Text(f"{with_}/{without}", style=muted), adjusted)
    return (
        name,
        Text(f"{words.runs(with_)} · {insight.with_mean:.1f}", style=muted),
        Text(f"{words.runs(without)} · {insight.without_mean:.1f}", style=muted),
        Text("–" if insight.difference is None else words.signed(insight.difference), style="dim"),
        adjusted,
    )


def area_text(best: dict[str, Insight | None], narrow: bool = False) -> Text:
    text = Text("Per area: the practice that helps most there\n", style="bold")
    for area, insight in best.items():
        text.append(f"  {area_label(area)}: " if narrow else f"  {area_label(area):<12}")
        if insight is None:
            text.append("no clear difference yet\n", style="dim")
        else:
            text.append(insight.name, style="bold green")
            text.append("\n    " if narrow else "  ")
            text.append(f"{words.adjusted_text(insight)}\n", style="dim")
    text.rstrip()
    return text

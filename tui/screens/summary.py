"""What happened (exercises done, skipped and not finished, time spent), then the soreness form."""

from __future__ import annotations

from rich.text import Text

from tui.core.common.when import format_duration
from tui.core.routines.timer import Report
from tui.screens.session import SessionResult
from tui.screens.soreness import SorenessScreen


def headline(report: Report) -> str:
    """"Routine complete", "Routine finished, 2 skipped" or "Left part-way"."""
    if report.left:
        return "Left part-way"
    if report.skipped:
        return f"Routine finished, {len(report.skipped)} skipped"
    return "Routine complete"


def summary_text(result: SessionResult) -> Text:
    routine, report = result.routine, result.report
    total = len(routine.exercises)
    text = Text()
    text.append(f"{headline(report)}: {routine.name}\n", style="bold")
    text.append(f"Exercises done: {len(report.done)} of {total} · ")
    text.append(f"Time spent: {format_duration(report.seconds_spent)}\n")
    for label, indexes in (("Skipped", report.skipped), ("Not finished", report.not_finished)):
        if indexes:
            names = ", ".join(routine.exercises[i].name for i in indexes)
            text.append(f"{label}: {names}\n", style="dim")
    return text


class SummaryScreen(SorenessScreen):
    """The summary of a routine with the quick soreness form under it.

    Escape skips the rating; the session record is written either way.
    """

    def __init__(self, result: SessionResult) -> None:
        super().__init__("How do your legs feel right now? (optional)", summary_text(result))
        self.result = result

"""What happened (exercises done, skipped and not finished, time spent), then the soreness form."""

from __future__ import annotations

from rich.text import Text

from tui.app_services import AppServices
from tui.core.common.when import format_duration
from tui.core.routines.timer import Report
from tui.screens.session import SessionResult, SessionScreen
from tui.screens.soreness import SorenessScreen

NOT_RECORDED = "Nothing was held, so the routine is not recorded and does not count as a practice."


def headline(report: Report) -> str:
    """"Routine complete", "Routine finished, 2 skipped", "Left part-way" or
    "All 8 exercises skipped" (none began: `n` through every get-ready)."""
    if report.left:
        return "Left part-way"
    if not report.began:
        return f"All {len(report.skipped)} exercises skipped"
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
    if not report.began:
        text.append(NOT_RECORDED + "\n", style="dim")
        return text
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


def start(app: AppServices, routine_id: str) -> None:
    """Play a routine through (a session; "run" is only ever the workout), which
    records itself, then show its summary with the soreness form: what home,
    the palette and `recovery-tui start` do. The session is pushed at once."""
    routine = app.library.get(routine_id)
    if routine is None:
        app.notify(f"No routine called {routine_id!r}.", severity="error")
        return
    app.push_screen(SessionScreen.of(app, routine), callback=lambda result: sum_up(app, result))


async def play(app: AppServices, routine_id: str) -> SessionResult | None:
    """As `start`, from a worker that wants what happened (the plan ticks its
    step): the result, or None when nothing was recorded."""
    routine = app.library.get(routine_id)
    if routine is None:
        app.notify(f"No routine called {routine_id!r}.", severity="error")
        return None
    result = await app.push_screen_wait(SessionScreen.of(app, routine))
    sum_up(app, result)
    return result


def sum_up(app: AppServices, result: SessionResult | None) -> None:
    if result is not None:
        app.push_screen(SummaryScreen(result))  # it saves the rating itself

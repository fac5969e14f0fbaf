"""What happened (exercises done, skipped and not finished, time spent), then the soreness form."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.binding import Binding
from textual.widgets import Static
from textual.worker import WorkerCancelled, WorkerFailed

from tui.app_services import AppServices
from tui.core.common.when import format_duration
from tui.core.journal.store.errors import JournalError
from tui.core.journal.writer import NoJournal
from tui.core.routines.timer import Report
from tui.messages import JournalFailed, JournalSaved
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


def unsaved_text(problem: str) -> Text:
    return Text(f"This routine is not saved yet: {problem}\nIt is kept: press s to try again now "
                "(saving your rating saves it first).", style="bold red")


def nothing(_journal: object) -> None:
    """A change that changes nothing: writing it writes the kept changes before it."""


class SummaryScreen(SorenessScreen):
    """The summary of a routine with the quick soreness form under it.

    Escape skips the rating; the session record is written either way. When
    it could not be written (a full disk), the writer keeps it and `s` tries
    again now; a rating saved meanwhile saves it first, and links to it.
    """

    BINDINGS = [Binding("s", "save_routine", "Save routine")]

    def __init__(self, result: SessionResult) -> None:
        super().__init__("How do your legs feel right now? (optional)", summary_text(result))
        self.result = result
        self.unsaved = False  # the session's record is kept, not yet in the journal

    def on_mount(self) -> None:
        super().on_mount()
        if self.result.saving is not None:
            self.wait_for_record()

    @work(group="summary-record", exit_on_error=False)
    async def wait_for_record(self) -> None:
        """Once the session's write is over: say so if it failed (the writer keeps it)."""
        saving = self.result.saving
        assert saving is not None
        try:
            saved = await saving.wait()
        except (WorkerFailed, WorkerCancelled):
            saved = None  # said as the app says any failed worker
        if saved is None and self.app.writer.unsaved:
            failed = self.app.writer.failed
            self.show_unsaved(str(failed) if failed else "the journal could not be written")

    def show_unsaved(self, problem: str) -> None:
        self.unsaved = True
        summary = summary_text(self.result)
        summary.append_text(unsaved_text(problem))
        self.query_one("#summary-text", Static).update(summary)
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save_routine":
            return self.unsaved
        return True

    def action_save_routine(self) -> None:
        if self.unsaved:
            self.save_routine()

    @work(thread=True, group="journal-write", exit_on_error=False)
    def save_routine(self) -> None:
        """The writer writes what it kept before any change: write one that changes nothing."""
        app = self.app
        try:
            app.writer.write(nothing)
        except NoJournal:
            app.tell(self, JournalFailed("session", None))
        except (JournalError, ValueError) as error:
            app.tell(self, JournalFailed("session", error))
        else:
            app.tell(self, JournalSaved("session", {}))  # the writer does not hand the kept record back

    @on(JournalSaved)
    def routine_saved(self, message: JournalSaved) -> None:
        """The kept record is in the journal now (a rating saves it first, too)."""
        if self.unsaved and not self.app.writer.unsaved:
            self.unsaved = False
            text = summary_text(self.result)
            text.append("Routine saved.", style="bold green")
            self.query_one("#summary-text", Static).update(text)
            self.refresh_bindings()

    @on(JournalFailed)
    def routine_not_saved(self, message: JournalFailed) -> None:
        if message.what == "session" and self.unsaved:
            self.show_unsaved(message.problem)


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

"""What happened (exercises done, skipped and not finished, time spent), then the soreness form."""

from __future__ import annotations

from datetime import datetime

from rich.text import Text
from textual import getters, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from tui.app_services import AppServices
from tui.core.common.when import format_duration
from tui.core.journal.records import record_time
from tui.core.journal.soreness import RATE_AGAIN_WITHIN, describe, recent_rating
from tui.core.journal.store.errors import JournalError
from tui.core.journal.window import WINDOW_LIMIT
from tui.core.routines.timer import Report
from tui.screens.session import SessionResult, SessionScreen
from tui.screens.soreness import SorenessScreen
from tui.threads import in_thread
from tui.widgets.kept_record import KeptRecord

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

    Escape skips the rating; the session record is written either way. When
    it could not be written (a full disk), the writer keeps it and `s` tries
    again now (KeptRecord). A rating saved minutes ago (RATE_AGAIN_WITHIN) is
    offered again instead of a blank form: `r` opens the form prefilled.
    """

    BINDINGS = [Binding("s", "save_routine", "Save routine"), Binding("r", "rate_again", "Rate again")]
    kept_record = getters.query_one(KeptRecord)
    rated_line = getters.query_one("#rated-recently", Static)

    def __init__(self, result: SessionResult) -> None:
        super().__init__("How do your legs feel right now? (optional)", summary_text(result))
        self.result = result
        self.offered: dict | None = None  # the recent rating offered again, while the form is hidden

    def compose_header(self) -> ComposeResult:
        yield from super().compose_header()
        yield KeptRecord()
        yield Static(id="rated-recently")

    def on_mount(self) -> None:
        super().on_mount()
        if self.result.saving is not None:
            self.kept_record.follow(self.result.saving)
        self.look_for_recent_rating()

    @work(group="summary-read", exit_on_error=False)
    async def look_for_recent_rating(self) -> None:
        """A journal that cannot be read is said elsewhere (home, the save): here it only means a blank form."""
        journal, now = self.app.journal, self.app.now()
        if journal is None:
            return
        try:
            recent = await in_thread(
                self, lambda: recent_rating(journal.records(
                    since=now - RATE_AGAIN_WITHIN, kinds=("soreness",), each=WINDOW_LIMIT), now), JournalError)
        except JournalError:
            return
        if recent is not None and not self.form.changed():  # nothing typed meanwhile
            self.offer_again(recent, now)

    def offer_again(self, rating: dict, now: datetime) -> None:
        self.offered = rating
        minutes = int((now - record_time(rating)).total_seconds() // 60)
        when = "just now" if minutes < 1 else f"{minutes} min ago"
        self.rated_line.update(Text.assemble(
            ("You rated your legs ", ""), (describe(rating), "bold"), (f" {when}. ", ""),
            ("Press r to rate again, starting from that rating, or Escape to go on.", "")))
        self.rated_line.display = True
        self.form.display = False
        self.query_one("#soreness-screen").focus()  # not the hidden form's note: Escape goes on
        self.refresh_bindings()

    def action_rate_again(self) -> None:
        if self.offered is None:
            return
        form = self.form
        form.prefill(self.offered)
        self.offered = None
        self.rated_line.display = False
        form.display = True
        form.focus_ratings()
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action == "save_routine":
            return self.kept_record.kept
        if action == "rate_again":
            return self.offered is not None
        if action == "save":
            return self.offered is None
        return True

    def action_save_routine(self) -> None:
        if self.kept_record.kept:
            self.kept_record.retry()


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

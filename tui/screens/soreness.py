"""Rate soreness: after a routine (below its summary) or as a check-in from home."""

from __future__ import annotations

from rich.text import Text
from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static
from textual.worker import Worker

from tui.app_services import AppServices
from tui.core.journal.soreness import NOT_MEDICAL_ADVICE, WARNING_SIGNS
from tui.core.journal.store.errors import JournalError
from tui.core.journal.writer import pain_notice, rating_change
from tui.dialogs.confirm import ConfirmScreen
from tui.messages import JournalFailed, JournalSaved, JournalUnreadable
from tui.widgets.footer import Footer
from tui.widgets.packed_text import PackedText
from tui.widgets.soreness_form import SorenessEntry, SorenessForm


class SorenessScreen(Screen[None]):
    """Saves the entry and closes once it is in the journal; stays open,
    saying why, when it could not be saved. Escape skips it, asking first
    when anything was entered. No one waits for a result: the journal has the entry."""

    BINDINGS = [
        # Not a priority binding: those run before keys typed earlier reach the
        # form, so a digit and Enter arriving together saved without the digit.
        Binding("enter", "save", "Save"),
        Binding("escape", "skip", "Skip"),
    ]
    CSS_PATH = "soreness.tcss"
    app = getters.app(AppServices)
    form = getters.query_one(SorenessForm)
    error_line = getters.query_one("#soreness-error", Static)

    def __init__(self, question: str, header: Text | str | None = None) -> None:
        super().__init__()
        self.question = question
        self.header = header
        self.saving: SorenessEntry | None = None  # sent to the journal, no answer yet

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="soreness-screen"):
            yield from self.compose_header()
            yield SorenessForm(self.question, clock=self.app.clock, id="soreness-form")
            yield Static(id="soreness-error")
            yield Static(f"Not soreness? {WARNING_SIGNS} {NOT_MEDICAL_ADVICE}", id="soreness-warning")
        yield Footer()

    def compose_header(self) -> ComposeResult:
        """What stands above the form (the summary adds to it)."""
        if self.header is not None:
            yield PackedText(self.header, id="summary-text")

    def on_mount(self) -> None:
        self.form.focus_ratings()

    def action_save(self) -> None:
        entry = self.form.entry()
        if entry is None:
            self.notify("Give an overall rating first: press a number from 0 to 9 (1 then 0 for 10).",
                        severity="warning")
            return
        if self.saving is None:
            self.saving = entry
            self.save(entry)  # then saved() or not_saved()

    @work(thread=True, group="journal-write", exit_on_error=False)
    def save(self, entry: SorenessEntry) -> None:
        """Write the rating through the app's writer; this screen hears how it
        went first (it stays open if it failed), then the app, which says it."""
        app = self.app
        now = app.now()
        change = rating_change(entry.overall, entry.areas, entry.pain, entry.note, when=now)
        saved = app.write_now("rating", change, self)
        if saved is None:
            return
        try:
            notice = pain_notice(app.journal, now) if app.journal is not None else ""
        except JournalError as error:
            notice = ""
            app.post_message(JournalUnreadable(error))
        app.tell(self, JournalSaved("rating", saved, notice))

    @on(Worker.StateChanged)
    def worker_failed(self, event: Worker.StateChanged) -> None:
        """A bug in a save is said as the app says any worker's (the event does not bubble)."""
        self.app.worker_failed(event)

    @on(Input.Submitted)
    def note_submitted(self, event: Input.Submitted) -> None:
        """Enter in the note (the Input takes Enter itself) saves the form too."""
        event.stop()
        self.action_save()

    @on(JournalSaved)
    def saved(self, message: JournalSaved) -> None:
        if message.what != "rating":
            return
        self.saving = None
        if self.is_active:  # not left with Escape meanwhile
            self.dismiss()

    @on(JournalFailed)
    def not_saved(self, message: JournalFailed) -> None:
        """The form stays, with everything in it: Enter tries again."""
        if message.what != "rating":
            return
        problem = message.problem
        self.saving = None
        error = self.error_line
        error.update(Text(f"Not saved: {problem}\nYour answers are still here: press Enter to try "
                          "again, or Escape to leave without saving.", style="bold red"))
        error.display = True
        error.scroll_visible()

    def action_skip(self) -> None:
        """Leave without saving; with anything entered, only once she says so."""
        if not self.form.changed():
            self.dismiss()
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.dismiss()

        self.app.push_screen(ConfirmScreen("Discard this rating?", "What you entered here is not saved.",
                                           yes="Discard", no="Keep editing"), callback=answered)

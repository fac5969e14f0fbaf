"""Rate soreness: after a routine (below its summary) or as a check-in from home."""

from __future__ import annotations

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Input, Static

from tui.messages import JournalFailed, JournalSaved, SaveSoreness
from tui.widgets.footer import Footer
from tui.widgets.soreness_form import SorenessEntry, SorenessForm


class SorenessScreen(Screen[None]):
    """Saves the entry (it posts SaveSoreness) and closes once it is in the
    journal; stays open, saying why, when it could not be saved. Escape
    skips it. No one waits for a result: the journal has the entry."""

    BINDINGS = [
        # Not a priority binding: those run before keys typed earlier reach the
        # form, so a digit and Enter arriving together saved without the digit.
        Binding("enter", "save", "Save"),
        Binding("escape", "skip", "Skip"),
    ]
    CSS_PATH = "soreness.tcss"
    form = getters.query_one(SorenessForm)
    error_line = getters.query_one("#soreness-error", Static)

    def __init__(self, question: str, header: Text | str | None = None) -> None:
        super().__init__()
        self.question = question
        self.header = header
        self.saving: SorenessEntry | None = None  # sent to the journal, no answer yet

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="soreness-screen"):
            if self.header is not None:
                yield Static(self.header, id="summary-text")
            yield SorenessForm(self.question, clock=self.app.clock, id="soreness-form")
            yield Static(id="soreness-error")
        yield Footer()

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
            self.post_message(SaveSoreness(entry, self))  # then saved() or not_saved()

    @on(Input.Submitted)
    def note_submitted(self, event: Input.Submitted) -> None:
        """Enter in the note (the Input takes Enter itself) saves the form too."""
        event.stop()
        self.action_save()

    @on(JournalSaved)
    def saved(self) -> None:
        self.saving = None
        if self.is_active:  # not left with Escape meanwhile
            self.dismiss()

    @on(JournalFailed)
    def not_saved(self, message: JournalFailed) -> None:
        """The form stays, with everything in it: Enter tries again."""
        problem = message.problem
        self.saving = None
        error = self.error_line
        error.update(Text(f"Not saved: {problem}\nYour answers are still here: press Enter to try "
                          "again, or Escape to leave without saving.", style="bold red"))
        error.display = True
        error.scroll_visible()

    def action_skip(self) -> None:
        self.dismiss()

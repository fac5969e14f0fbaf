"""Rate soreness: after a routine (below its summary) or as a check-in from home."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import Static

from tui.widgets.footer import Footer
from tui.widgets.soreness_form import SorenessEntry, SorenessForm


class SorenessScreen(Screen[SorenessEntry | None]):
    """Dismisses with the entry to save, or None when skipped."""

    BINDINGS = [
        Binding("enter", "save", "Save", priority=True),
        Binding("escape", "skip", "Skip"),
    ]
    DEFAULT_CSS = """
    SorenessScreen #soreness-screen { padding: 0 2; }
    SorenessScreen #summary-text { margin: 1 0 0 0; }
    """

    def __init__(self, question: str, header: Text | str | None = None) -> None:
        super().__init__()
        self.question = question
        self.header = header

    def compose(self) -> ComposeResult:
        with VerticalScroll(id="soreness-screen"):
            if self.header is not None:
                yield Static(self.header, id="summary-text")
            yield SorenessForm(self.question, clock=self.app.clock, id="soreness-form")
        yield Footer()

    def on_mount(self) -> None:
        self.query_one(SorenessForm).focus_ratings()

    def action_save(self) -> None:
        entry = self.query_one(SorenessForm).entry()
        if entry is None:
            self.notify("Give an overall rating first: press a number from 0 to 9 (1 then 0 for 10).",
                        severity="warning")
            return
        self.dismiss(entry)

    def action_skip(self) -> None:
        self.dismiss(None)

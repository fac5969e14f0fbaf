"""One journal record in full, over History: every field, the whole note."""

from __future__ import annotations

from datetime import datetime
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.widgets import Label, Static

from tui.core.journal.record_view import record_fields, record_title
from tui.dialogs.base import DialogScreen
from tui.widgets.drawn_text import cut_text
from tui.widgets.footer import Footer

if TYPE_CHECKING:
    from tui.core.plan.practices import PracticeNames


def fields_table(record: dict, names: PracticeNames, now: datetime) -> Table:
    """Labels on the left, values wrapped on the right. A value past
    TEXT_CHARACTERS (a 10 MB note from a hand-edited or synced journal) is
    drawn in part, with a line that says so: wrapping all of it took minutes."""
    table = Table.grid(padding=(0, 2))
    table.add_column(style="bold", no_wrap=True)
    table.add_column(overflow="fold")
    for label, value in record_fields(record, names, now):
        shown, cut = cut_text(value)
        table.add_row(label, Text(shown))
        if cut is not None:
            table.add_row("", Text(f"{label.lower()} {cut}", style="italic"))
    return table


class RecordScreen(DialogScreen[None]):
    BINDINGS = [Binding("escape", "close", "Back to History")]
    scroll = getters.query_one("#record-scroll", VerticalScroll)

    def __init__(self, record: dict, names: PracticeNames, now: datetime) -> None:
        """`names`: the plan's names for a run's steps; `now`: its zone is the one times are shown in."""
        super().__init__()
        self.record = record
        self.names = names
        self.now = now

    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield Label(Text(record_title(self.record, self.now)), id="question")
            with VerticalScroll(id="record-scroll"):  # a note longer than the window scrolls
                yield Static(fields_table(self.record, self.names, self.now), id="record-fields")
        yield Footer()

    def on_mount(self) -> None:
        self.scroll.focus()  # the arrow keys scroll a long note

    def action_close(self) -> None:
        self.dismiss(None)

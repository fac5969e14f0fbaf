"""History's table: When, What and Details in the width of the window.

Its columns have fixed widths: Details takes what When and What leave, and
is fitted again when the window is resized. A cell too long for its column
ends in "…" rather than running past the window's edge. Narrow (a phone held
upright: the window under NARROW_BELOW columns) a record is one cell of two lines, when
and what above its details, so that the details have the whole width.
"""

from __future__ import annotations

from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.coordinate import Coordinate
from textual.widgets import DataTable
from textual.widgets.data_table import ColumnKey

from tui.widgets.drawn_text import fitted

WHEN_WIDTH = 16  # "Tue 01 Dec 22:54"
WHAT_WIDTH = 18  # "Post-run stretches"; a longer routine name gets an ellipsis
MIN_DETAILS = 12
CELL_CELLS = 1000
COLUMNS = (("When", "when", WHEN_WIDTH), ("What", "what", WHAT_WIDTH))
Row = tuple[Text, Text, Text]  # when, what, details


def cell(text: str) -> Text:
    """One line, control characters shown as escapes (\\x1b), "…" where the column ends.
    Text rather than str: DataTable reads a str as markup, and a note
    with "[/]" in it would stop History from drawing. Cut first to more than any
    window is wide: a 10 MB note made into one Text took History seconds to draw."""
    return Text(fitted(text, CELL_CELLS), no_wrap=True, overflow="ellipsis", end="")


def two_lines(row: Row) -> Text:
    """The narrow cell: "Mon 26 Oct 07:30  Soreness" over the details, each line cut with "…"."""
    when, what, details = row
    return Text.assemble(when, "  ", what, "\n", details, no_wrap=True, overflow="ellipsis", end="")


class HistoryTable(DataTable):
    BINDINGS = [Binding("enter", "select_cursor", "Open record")]

    def __init__(self, **kwargs) -> None:
        super().__init__(**kwargs)
        self.narrow = False
        self.shown_rows: list[Row] = []  # every row added, to lay them out again when `narrow` changes

    def add_history_columns(self, width: int, narrow: bool = False) -> None:
        """The three columns, Details fitted to a table `width` cells wide (one
        column, narrow). Labels as Text: a str label is read as markup, and the first
        markup read loads Rich's markup parser, about 15 ms of History's first frame."""
        self.narrow = narrow
        if self.narrow:
            self.add_column(Text("When · what, then details"), width=self.last_width(width, 0), key="details")
            return
        for label, key, column_width in COLUMNS:
            self.add_column(Text(label), width=column_width, key=key)
        self.add_column(Text("Details"), width=self.last_width(width), key="details")

    def add_history_rows(self, rows: list[Row]) -> None:
        self.shown_rows.extend(rows)
        if self.narrow:
            for row in rows:
                self.add_row(two_lines(row), height=2)
        else:
            self.add_rows(rows)

    def lay_out(self, width: int, narrow: bool) -> None:
        """Columns and rows again for a table `width` cells wide, if `narrow`
        changed; the cursor stays on its record."""
        if not self.columns or narrow == self.narrow:  # before add_history_columns, or no change
            return
        row, rows = self.cursor_row, self.shown_rows
        self.clear(columns=True)
        self.shown_rows = []
        self.add_history_columns(width, narrow)
        self.add_history_rows(rows)
        if rows:
            self.move_cursor(row=row)

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter is shown dimmed while there is no record to open."""
        if action == "select_cursor" and not self.row_count:
            return None
        return True

    def last_width(self, width: int, columns: int = len(COLUMNS)) -> int:
        """What is left of `width` for the last column after the `columns` before
        it, each column's padding on both sides and the vertical scrollbar."""
        padding = 2 * self.cell_padding * (columns + 1)
        used = sum(column_width for _, _, column_width in COLUMNS[:columns]) + padding
        return max(MIN_DETAILS, width - used - self.styles.scrollbar_size_vertical)

    def on_resize(self, event: events.Resize) -> None:
        details = self.columns.get(ColumnKey("details"))
        width = self.last_width(event.size.width, 0 if self.narrow else len(COLUMNS))
        if details is None or details.width == width:
            return
        details.width = width
        if self.row_count:
            # Rewriting a cell with update_width is DataTable's public way to
            # have it measure its columns again and redraw every cell.
            last = len(self.columns) - 1
            self.update_cell_at(Coordinate(0, last), self.get_cell_at(Coordinate(0, last)), update_width=True)

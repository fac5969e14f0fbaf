"""History's table: When, What and Details in the width of the window.

Its columns have fixed widths: Details takes what When and What leave, and
is fitted again when the window is resized. A cell too long for its column
ends in "…" rather than running past the window's edge.
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


def cell(text: str) -> Text:
    """One line, control characters shown as escapes (\\x1b), "…" where the column ends.
    Text rather than str: DataTable reads a str as markup, and a note
    with "[/]" in it would stop History from drawing. Cut first to more than any
    window is wide: a 10 MB note made into one Text took History seconds to draw."""
    return Text(fitted(text, CELL_CELLS), no_wrap=True, overflow="ellipsis", end="")


class HistoryTable(DataTable):
    BINDINGS = [Binding("enter", "select_cursor", "Open record")]

    def add_history_columns(self, width: int) -> None:
        """The three columns, Details fitted to a table `width` cells wide.
        Labels as Text: a str label is read as markup, and the first markup
        read loads Rich's markup parser, about 15 ms of History's first frame."""
        for label, key, column_width in COLUMNS:
            self.add_column(Text(label), width=column_width, key=key)
        self.add_column(Text("Details"), width=self.details_width(width), key="details")

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        """Enter is shown dimmed while there is no record to open."""
        if action == "select_cursor" and not self.row_count:
            return None
        return True

    def details_width(self, width: int) -> int:
        """What is left of `width` after When, What, each column's padding on
        both sides and the vertical scrollbar."""
        padding = 2 * self.cell_padding * (len(COLUMNS) + 1)
        used = sum(column_width for _, _, column_width in COLUMNS) + padding
        return max(MIN_DETAILS, width - used - self.styles.scrollbar_size_vertical)

    def on_resize(self, event: events.Resize) -> None:
        details = self.columns.get(ColumnKey("details"))
        width = self.details_width(event.size.width)
        if details is None or details.width == width:
            return
        details.width = width
        if self.row_count:
            # Rewriting a cell with update_width is DataTable's public way to
            # have it measure its columns again and redraw every cell.
            self.update_cell_at(Coordinate(0, 2), self.get_cell_at(Coordinate(0, 2)), update_width=True)

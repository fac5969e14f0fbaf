"""A keyboard-first grid of 0-10 ratings: overall first, then each area.

Digits rate the highlighted row (1 then 0 within a second makes 10), left/right nudge it,
`x` flags sharp pain in an area, backspace clears.
"""

from __future__ import annotations

import time
from collections.abc import Callable

from rich.text import Text
from textual.binding import Binding
from textual.events import Click
from textual.reactive import reactive
from textual.widget import Widget

from tui.core.common.ids import area_label

OVERALL = "overall"


TEN_WINDOW = 1.0  # seconds in which `1` then `0` makes 10
CELL_WIDTH = 34  # one rating: cursor, label, ten blocks, value, PAIN, a gap
LABEL_WIDTH = 11
BAR_OFFSET = 2 + LABEL_WIDTH  # where the blocks start within a cell: after "› " and the label


class RatingGrid(Widget, can_focus=True):
    """Overall on the first line; the areas under it in two columns, so the
    whole grid fits an 80x24 window. Up/down walk the rows in order."""

    DEFAULT_CSS = """
    RatingGrid {
        height: auto;
        padding: 0 1;
        text-wrap: nowrap;  /* wrapping would strip the spaces that line the columns up */
    }
    """

    BINDINGS = [
        Binding("up", "move(-1)", "Up", show=False),
        Binding("down", "move(1)", "Down", show=False),
        Binding("left", "nudge(-1)", "Less", show=False),
        Binding("right", "nudge(1)", "More", show=False),
        Binding("x", "toggle_pain", "Pain flag"),
        Binding("backspace,delete", "clear", "Clear", show=False),
    ]

    cursor = reactive(0)

    def __init__(
        self, areas: tuple[str, ...], *, clock: Callable[[], float] = time.monotonic, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.rows = (OVERALL, *areas)
        self.clock = clock
        self.ratings: dict[str, int] = {}
        self.pain: set[str] = set()
        self._last_one: tuple[str, float] | None = None  # the row a `1` was typed on, and when

    @property
    def overall(self) -> int | None:
        return self.ratings.get(OVERALL)

    @property
    def areas(self) -> dict[str, int]:
        return {row: value for row, value in self.ratings.items() if row != OVERALL}

    @staticmethod
    def columns_for(width: int) -> int:
        """Two columns of areas when they fit side by side (80 columns), else one."""
        return 2 if width >= 2 * CELL_WIDTH else 1

    @property
    def column_rows(self) -> int:
        """Lines per column of areas at the widget's width."""
        return self.rows_for(self.content_size.width)

    def rows_for(self, width: int) -> int:
        return -(-(len(self.rows) - 1) // self.columns_for(width))

    def place(self, index: int) -> tuple[int, int]:
        """(line, column) where row `index` is drawn."""
        if index == 0:
            return 0, 0
        column, line = divmod(index - 1, self.column_rows)
        return 2 + line, column * CELL_WIDTH

    def cell(self, index: int) -> Text:
        row = self.rows[index]
        value = self.ratings.get(row)
        label = "Overall" if row == OVERALL else area_label(row)
        line = Text(f"{'›' if index == self.cursor else ' '} {label:<{LABEL_WIDTH}}")
        bar = "■" * (value or 0) + "·" * (10 - (value or 0))
        line.append(bar, style="bold" if value is not None else "dim")
        line.append(f" {value if value is not None else '-':>2}")
        if row in self.pain:
            line.append("  PAIN", style="bold red")
        if index == self.cursor and self.has_focus:
            line.stylize("reverse")
        return line

    def render(self) -> Text:
        lines = [Text(), Text("  areas (optional)", style="dim italic")]
        lines += [Text() for _ in range(self.column_rows)]
        for index in range(len(self.rows)):
            line, column = self.place(index)
            target = lines[line]
            target.append(" " * (column - target.cell_len))
            target.append_text(self.cell(index))
        return Text("\n").join(lines)

    def get_content_height(self, container, viewport, width) -> int:
        return 2 + self.rows_for(width)

    def on_key(self, event) -> None:
        """The grid's keys are handled here, in order: a fast burst of keys (a
        paste, a quick typist) must not reach bindings out of turn. Keys it
        does not use do nothing here; the note takes text only when focused."""
        handlers: dict[str, Callable[[], object]] = {
            "up": lambda: self.action_move(-1),
            "down": lambda: self.action_move(1),
            "left": lambda: self.action_nudge(-1),
            "right": lambda: self.action_nudge(1),
            "x": self.action_toggle_pain,
            "backspace": self.action_clear,
            "delete": self.action_clear,
            "tab": self.screen.focus_next,
            "shift+tab": self.screen.focus_previous,
        }
        character = event.character
        handler: Callable[[], object] | None
        if character and character.isdigit():
            handler = lambda: self.rate(int(character))  # noqa: E731
        else:
            handler = handlers.get(event.key)
        if handler is not None:
            event.stop()
            event.prevent_default()
            handler()

    def rate(self, digit: int) -> None:
        """A digit rates the row; `0` within TEN_WINDOW of a `1` on it makes 10."""
        row = self.rows[self.cursor]
        now = self.clock()
        last, self._last_one = self._last_one, (row, now) if digit == 1 else None
        value = digit
        if digit == 0 and last is not None and last[0] == row and now - last[1] <= TEN_WINDOW:
            value = 10
        self.ratings[row] = value
        self.refresh()

    def action_move(self, step: int) -> None:
        self.cursor = max(0, min(len(self.rows) - 1, self.cursor + step))
        self._last_one = None

    def action_nudge(self, step: int) -> None:
        row = self.rows[self.cursor]
        current = self.ratings.get(row, 0 if step > 0 else 1)
        self.ratings[row] = max(0, min(10, current + step))
        self._last_one = None
        self.refresh()

    def action_toggle_pain(self) -> None:
        row = self.rows[self.cursor]
        if row != OVERALL:
            self.pain ^= {row}
            self.refresh()

    def action_clear(self) -> None:
        row = self.rows[self.cursor]
        self.ratings.pop(row, None)
        self.pain.discard(row)
        self.refresh()

    def row_at(self, x: int, y: int) -> int | None:
        """The row drawn at (x, y) of the content, if any."""
        for index in range(len(self.rows)):
            line, column = self.place(index)
            if line == y and column <= x < column + CELL_WIDTH:
                return index
        return None

    def on_click(self, event: Click) -> None:
        """The dot tapped is the value set (the 1st dot of a row rated 1
        makes 0); a tap elsewhere on a row moves the cursor there."""
        x = event.x - self.styles.padding.left
        index = self.row_at(x, event.y)
        if index is not None:
            self.cursor = index
            dot = x - self.place(index)[1] - BAR_OFFSET + 1
            if 1 <= dot <= 10:
                row = self.rows[index]
                self.ratings[row] = 0 if dot == 1 and self.ratings.get(row) == 1 else dot
                self._last_one = None
        self.refresh()

    def watch_cursor(self) -> None:
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

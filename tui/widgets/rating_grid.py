"""A keyboard-first grid of 0-10 ratings: overall first, then each area.

Digits rate the highlighted row (1 then 0 makes 10), left/right nudge it,
`x` flags sharp pain in an area, backspace clears.
"""

from __future__ import annotations

from rich.text import Text
from textual.binding import Binding
from textual.events import Click
from textual.reactive import reactive
from textual.widget import Widget

OVERALL = "overall"


class RatingGrid(Widget, can_focus=True):
    DEFAULT_CSS = """
    RatingGrid {
        height: auto;
        padding: 0 1;
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

    def __init__(self, areas: tuple[str, ...], *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.rows = (OVERALL, *areas)
        self.ratings: dict[str, int] = {}
        self.pain: set[str] = set()
        self._last_digit: tuple[int, str] | None = None

    @property
    def overall(self) -> int | None:
        return self.ratings.get(OVERALL)

    @property
    def areas(self) -> dict[str, int]:
        return {row: value for row, value in self.ratings.items() if row != OVERALL}

    def render(self) -> Text:
        text = Text()
        for index, row in enumerate(self.rows):
            selected = index == self.cursor and self.has_focus
            value = self.ratings.get(row)
            label = "Overall" if row == OVERALL else row.capitalize()
            line = Text(f"{'›' if index == self.cursor else ' '} {label:<11}")
            bar = "■" * (value or 0) + "·" * (10 - (value or 0))
            line.append(bar, style="bold" if value is not None else "dim")
            line.append(f" {value if value is not None else '-':>2}")
            if row in self.pain:
                line.append("  PAIN", style="bold red")
            if selected:
                line.stylize("reverse")
            text.append(line)
            text.append("\n" if index < len(self.rows) - 1 else "")
            if row == OVERALL:
                text.append(Text("  areas (optional)\n", style="dim italic"))
        return text

    def get_content_height(self, container, viewport, width) -> int:
        return len(self.rows) + 1

    def on_key(self, event) -> None:
        """Every key is handled here, in order: a fast burst of keys (a paste,
        a quick typist) must not reach bindings out of turn."""
        handlers = {
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
        if event.character and event.character.isdigit():
            handler = lambda: self.rate(int(event.character))  # noqa: E731
        else:
            handler = handlers.get(event.key)
        if handler is not None:
            event.stop()
            event.prevent_default()
            handler()

    def rate(self, digit: int) -> None:
        row = self.rows[self.cursor]
        value = digit
        if digit == 0 and self._last_digit == (1, row) and self.ratings.get(row) == 1:
            value = 10
        self._last_digit = (digit, row)
        self.ratings[row] = value
        self.refresh()

    def action_move(self, step: int) -> None:
        self.cursor = max(0, min(len(self.rows) - 1, self.cursor + step))
        self._last_digit = None

    def action_nudge(self, step: int) -> None:
        row = self.rows[self.cursor]
        current = self.ratings.get(row, 0 if step > 0 else 1)
        self.ratings[row] = max(0, min(10, current + step))
        self._last_digit = None
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

    def on_click(self, event: Click) -> None:
        line = event.y
        index = line if line < 1 else line - 1  # the "areas" caption sits after row 0
        if 0 <= index < len(self.rows) and line != 1:
            self.cursor = index
            column = event.x - 14
            if 0 <= column < 10:
                self.ratings[self.rows[index]] = column + 1
        self.refresh()

    def watch_cursor(self) -> None:
        self.refresh()

    def on_focus(self) -> None:
        self.refresh()

    def on_blur(self) -> None:
        self.refresh()

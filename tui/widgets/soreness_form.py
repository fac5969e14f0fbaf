"""The quick soreness form: an overall rating in one or two keys, the rest optional."""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass

from textual import getters
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.message import Message
from textual.widgets import Input, Label

from tui.core.common.ids import AREAS
from tui.core.journal.records import NOTE_LIMIT
from tui.widgets.packed_text import PackedText
from tui.widgets.rating_grid import OVERALL, RatingGrid

HINT = "0-9 rate (1 then 0 = 10) · ↑↓ row · ←→ adjust · x sharp pain · Tab note"
NOTE_PLACEHOLDER = "Note (optional): Tab to write"  # whole in the box at 40 columns
NOTE_CUT = f"The note holds {NOTE_LIMIT} characters: what went past that was left out."


class NoteInput(Input):
    """The note, at most NOTE_LIMIT characters: text typed or pasted past the
    limit is cut to fit, and the hint says so (Input alone drops it silently).
    Enter saves the form and says so in the footer (Input's own Enter is
    hidden there); Escape leaves the note, never the form."""

    BINDINGS = [
        Binding("enter", "submit", "Save"),
        Binding("escape", "leave_note", "Back to ratings"),
    ]

    class Cut(Message):
        """Text went past the limit and was left out."""

    class Left(Message):
        """Escape in the note: back to the ratings."""

    def action_leave_note(self) -> None:
        self.post_message(self.Left())

    def replace(self, text: str, start: int, end: int) -> None:
        room = NOTE_LIMIT - (len(self.value) - abs(end - start))
        if len(text) > room:
            text = text[:max(room, 0)]
            self.post_message(self.Cut())
        super().replace(text, start, end)


@dataclass(frozen=True)
class SorenessEntry:
    overall: int
    areas: dict[str, int]
    pain: list[str]
    note: str


class SorenessForm(Vertical):
    DEFAULT_CSS = """
    SorenessForm { height: auto; }
    SorenessForm #soreness-question { text-style: bold; width: 1fr; }
    SorenessForm #soreness-note { margin-top: 1; }
    SorenessForm #soreness-hint { color: $text-muted; width: 1fr; margin-bottom: 1; }
    """
    ratings = getters.query_one("#ratings", RatingGrid)
    note = getters.query_one("#soreness-note", Input)

    def __init__(
        self, question: str, *, clock: Callable[[], float] = time.monotonic, id: str | None = None
    ) -> None:
        super().__init__(id=id)
        self.question = question
        self.clock = clock
        self._start: tuple = ({}, set(), "")  # what the form held when it opened (see `changed`)

    def compose(self) -> ComposeResult:
        # The hint sits above the grid, so a short window shows it without scrolling.
        yield Label(self.question, id="soreness-question")
        yield PackedText(HINT, id="soreness-hint")
        yield RatingGrid(AREAS, clock=self.clock, id="ratings")
        yield NoteInput(placeholder=NOTE_PLACEHOLDER, id="soreness-note",
                        max_length=NOTE_LIMIT)

    def on_note_input_left(self) -> None:
        self.focus_ratings()

    def on_note_input_cut(self) -> None:
        self.query_one("#soreness-hint", PackedText).set_text(NOTE_CUT)
        self.app.bell()

    def focus_ratings(self) -> None:
        self.ratings.focus()

    def state(self) -> tuple[dict[str, int], set[str], str]:
        grid = self.ratings
        return dict(grid.ratings), set(grid.pain), self.note.value.strip()

    def prefill(self, rating: dict) -> None:
        """Start from a saved rating (its overall, areas, pain flags and note)."""
        grid = self.ratings
        grid.ratings = {OVERALL: rating["overall"],
                        **{area: value for area, value in rating["areas"].items() if area in grid.rows}}
        grid.pain = {area for area in rating["pain"] if area in grid.rows}
        grid.refresh()
        self.note.value = rating["note"]
        self._start = self.state()

    def changed(self) -> bool:
        """Whether anything was entered (or changed, in a prefilled form) since it opened."""
        return self.state() != self._start

    def entry(self) -> SorenessEntry | None:
        """What was entered; None when there is no rating at all.

        Without an overall rating, the highest area rating stands in for it.
        """
        grid = self.ratings
        areas = grid.areas
        overall = grid.overall
        if overall is None:
            if not areas:
                return None
            overall = max(areas.values())
        note = self.note.value.strip()
        return SorenessEntry(overall, areas, sorted(grid.pain, key=AREAS.index), note)

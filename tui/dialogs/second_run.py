"""Ask whether a time within two hours of a run of the same day is a new run
or a correction of that run's end (`plan --ended T --new / --correct` on the
command line). Asked every time: a guess either way loses a run or its ticks."""

from __future__ import annotations

from datetime import datetime

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Label

from tui.dialogs.base import DialogScreen

NEW, CORRECT = "new", "correct"


class SecondRunScreen(DialogScreen[str | None]):
    """Dismisses with NEW, CORRECT, or None when cancelled."""

    BINDINGS = [
        Binding("n", "answer('new')", "New run"),
        Binding("c", "answer('correct')", "Correct its end"),
        Binding("escape", "answer(None)", "Cancel"),
    ]
    new_button = getters.query_one("#new", Button)

    def __init__(self, earlier: datetime, ended: datetime) -> None:
        super().__init__()
        self.earlier, self.ended = earlier, ended

    @property
    def question(self) -> str:
        return f"A new run, or correct the end of the {self.earlier:%H:%M} run?"

    def compose_dialog(self) -> ComposeResult:
        yield Label(self.question, id="question")
        yield Label(f"A run ending {self.ended:%H:%M} is within two hours of the one that ended "
                    f"{self.earlier:%H:%M}. A new run gets a plan of its own; a correction moves "
                    "that run's end and keeps what you ticked.", id="detail")
        with Horizontal(id="dialog-buttons"):
            yield Button("New run (n)", variant="primary", id=NEW)
            yield Button(f"Correct the {self.earlier:%H:%M} run (c)", id=CORRECT)

    def on_mount(self) -> None:
        self.new_button.focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id)

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)

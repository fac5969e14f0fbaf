"""A yes/no question, typed by its answer."""

from __future__ import annotations

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Label

from tui.dialogs.base import DialogScreen


class ConfirmScreen(DialogScreen[bool]):
    BINDINGS = [
        Binding("y", "answer(True)", "Yes"),
        Binding("n,escape", "answer(False)", "No"),
    ]
    no_button = getters.query_one("#no", Button)

    def __init__(self, question: str, detail: str = "", *, yes: str = "Yes", no: str = "No") -> None:
        super().__init__()
        self.question = question
        self.detail = detail
        self.yes = yes
        self.no = no

    def compose_dialog(self) -> ComposeResult:
        yield Label(self.question, id="question", markup=False)
        if self.detail:
            yield Label(self.detail, id="detail", markup=False)
        with Horizontal(id="dialog-buttons"):
            yield Button(f"{self.yes} (y)", variant="primary", id="yes")
            yield Button(f"{self.no} (n)", id="no")

    def on_mount(self) -> None:
        self.no_button.focus()

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id == "yes")

    def action_answer(self, answer: bool) -> None:
        self.dismiss(answer)

"""A message the runner must read and acknowledge (the pain guard)."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Button, Label, Static

from tui.dialogs.base import DialogScreen


class NoticeScreen(DialogScreen[None]):
    BINDINGS = [Binding("escape,enter", "close", "OK")]

    def __init__(self, title: str, body: str) -> None:
        super().__init__()
        self.title_text = title
        self.body = body

    def compose_dialog(self) -> ComposeResult:
        yield Label(self.title_text, id="question", markup=False)
        yield Static(self.body, id="notice-body", markup=False)
        yield Button("OK", variant="primary", id="ok")

    def on_button_pressed(self) -> None:
        self.dismiss(None)

    def action_close(self) -> None:
        self.dismiss(None)

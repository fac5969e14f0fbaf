"""Ask which choice of an either-or plan step was done ("Ice bath or warm
bath"): the journal records the one she did, so insights and experiments
compare the ice bath with the warm bath and not a row of both."""

from __future__ import annotations

from textual import on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Label

from tui.core.plan.definition import DueStep
from tui.dialogs.base import DialogScreen


class EitherOrScreen(DialogScreen[str | None]):
    """Dismisses with the chosen step's id, or None when cancelled."""

    BINDINGS = [
        Binding("1", "choose(0)", "First choice"),
        Binding("2", "choose(1)", "Second choice"),
        Binding("escape", "choose(-1)", "Cancel"),
    ]

    def __init__(self, row: DueStep, doing: str = "did") -> None:
        super().__init__()
        self.row, self.doing = row, doing

    def compose_dialog(self) -> ComposeResult:
        yield Label(f"{self.row.title}: which one {'will you do' if self.doing == 'start' else 'did you do'}?",
                    id="question")
        with Horizontal(id="dialog-buttons"):
            for n, choice in enumerate(self.row.choices, start=1):
                yield Button(f"{choice.title} ({n})", name=str(n - 1), variant="primary" if n == 1 else "default")

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.action_choose(int(event.button.name or -1))

    def action_choose(self, index: int) -> None:
        choices = self.row.choices
        self.dismiss(choices[index].id if 0 <= index < len(choices) else None)

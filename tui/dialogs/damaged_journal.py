"""The journal cannot be read: restore the newest good backup, move the file
aside and start afresh, or leave it for now. Nothing is deleted either way."""

from __future__ import annotations

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Label

from tui.dialogs.base import DialogScreen

RESTORE, MOVE_ASIDE = "restore", "aside"


class DamagedJournalScreen(DialogScreen[str | None]):
    """Dismisses with RESTORE, MOVE_ASIDE or None (not now)."""

    BINDINGS = [
        Binding("r", "answer('restore')", "Restore backup"),  # hidden without a backup (check_action)
        Binding("m", "answer('aside')", "Move aside"),
        Binding("n,escape", "answer(None)", "Not now"),
    ]

    not_now = getters.query_one("#not-now", Button)

    def __init__(self, problem: str, backup: str | None) -> None:
        """`backup` describes the newest good backup ("the backup of 2026-11-30,
        12 records"), or is None when there is none."""
        super().__init__()
        self.problem = problem
        self.backup = backup

    def compose_dialog(self) -> ComposeResult:
        if self.backup is not None:
            offer = (f"Restore {self.backup} (recovery-tui doctor would pick the same), "
                     "or move the file aside and start a new journal? Either way its bytes are kept.")
        else:
            offer = "There is no readable backup. Move it aside (its bytes are kept) and start a new journal?"
        yield Label("The journal cannot be read", id="question", markup=False)
        yield Label(f"{self.problem}\n{offer}", id="detail", markup=False)
        with Horizontal(id="dialog-buttons"):
            if self.backup is not None:
                yield Button("Restore (r)", variant="primary", id=RESTORE)
            yield Button("Move aside (m)", variant="default" if self.backup else "primary", id=MOVE_ASIDE)
            yield Button("Not now (n)", id="not-now")

    def on_mount(self) -> None:
        self.not_now.focus()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        return not (action == "answer" and parameters == (RESTORE,) and self.backup is None)

    @on(Button.Pressed)
    def pressed(self, event: Button.Pressed) -> None:
        self.dismiss(event.button.id if event.button.id in (RESTORE, MOVE_ASIDE) else None)

    def action_answer(self, answer: str | None) -> None:
        self.dismiss(answer)

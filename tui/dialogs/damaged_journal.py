"""The journal cannot be read: restore the newest good backup, move the file
aside and start afresh, or leave it for now. Nothing is deleted either way."""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime
from typing import Any

from textual import getters, on
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Button, Label

from tui.core.journal.store.errors import JournalCorruptError, JournalError
from tui.core.journal.writer import JournalWriter
from tui.dialogs.base import DialogScreen
from tui.threads import in_thread

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


async def offer_repair(app: App[Any], writer: JournalWriter, error: JournalCorruptError,
                       now: Callable[[], datetime]) -> bool:
    """Ask what to do about the damaged journal and do it (the file's I/O off
    the UI thread); True when the journal was restored or moved aside."""
    from tui.core.journal.repair import move_damaged_aside, newest_good_backup, restore_newest

    path = None if writer.journal is None else writer.journal.path
    group = "journal-repair"
    backup = await in_thread(app, lambda: newest_good_backup(path, error.path, now().date()), group=group)
    described = None if backup is None else f"the backup of {backup.day} ({backup.records} records)"
    choice = await app.push_screen_wait(DamagedJournalScreen(str(error), described))
    try:
        if choice == RESTORE and backup is not None:
            moved = await in_thread(app, lambda: restore_newest(writer, backup, now()),
                                    OSError, JournalError, group=group)
            kept = f" The damaged file is kept at {moved}." if moved is not None else ""
            app.notify(f"Restored the journal from the backup of {backup.day} "
                       f"({backup.records} records).{kept}", timeout=15)
        elif choice == MOVE_ASIDE:
            aside = await in_thread(app, lambda: move_damaged_aside(writer, error.path, now()),
                                    OSError, JournalError, group=group)
            app.notify(f"The old journal is kept at {aside}. A new one starts now.", timeout=15)
        else:
            return False
    except (OSError, JournalError) as failure:
        what = "The backup was not restored" if choice == RESTORE else "Could not move the journal aside"
        app.notify(f"{what}: {failure}", severity="error")
        return False
    return True

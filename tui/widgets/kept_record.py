"""The line under a routine's summary while its record is kept, not yet saved.

A session's record is written in a worker as the routine ends; when that
fails (a full disk), the app's writer keeps it and writes it before the next
change. This line says so, and `retry` writes it now.
"""

from __future__ import annotations

from typing import Any

from rich.text import Text
from textual import getters, on, work
from textual.widgets import Static
from textual.worker import Worker, WorkerCancelled, WorkerFailed

from tui.app_services import AppServices
from tui.core.journal.store.errors import JournalError
from tui.core.journal.writer import NoJournal
from tui.messages import JournalFailed, JournalSaved


class KeptRecord(Static):
    """Empty while nothing is kept; posts Changed when that changes."""

    DEFAULT_CSS = "KeptRecord { height: auto; display: none; margin-bottom: 1; }"  # shown once there is something to say
    app = getters.app(AppServices)

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.kept = False

    @work(group="kept-record", exit_on_error=False)
    async def follow(self, saving: Worker[Any]) -> None:
        """Once the record's write is over: say so if the writer kept it."""
        try:
            saved = await saving.wait()
        except (WorkerFailed, WorkerCancelled):
            saved = None  # a bug in the write: said as the app says any failed worker
        if saved is None and self.app.writer.unsaved:
            failed = self.app.writer.failed
            self.show_kept(str(failed) if failed else "the journal could not be written")

    def show_kept(self, problem: str) -> None:
        self.kept = True
        self.display = True
        self.update(Text(f"This routine is not saved yet: {problem}\nIt is kept: press s to try again now "
                         "(saving your rating saves it first).", style="bold red"))
        self.screen.refresh_bindings()

    @work(thread=True, group="journal-write", exit_on_error=False)
    def retry(self) -> None:
        """Write the kept record now (said to this line, then to the app)."""
        app = self.app
        try:
            app.writer.save_pending()
        except NoJournal:
            app.tell(self, JournalFailed("session", None))
        except (JournalError, ValueError) as error:
            app.tell(self, JournalFailed("session", error))
        else:
            app.tell(self, JournalSaved("session", {}))  # the writer does not hand the kept record back

    @on(JournalSaved)
    def saved(self) -> None:
        """Any save writes the kept record first: a rating's too (it reaches the screen, not here)."""
        self.check_saved()

    def check_saved(self) -> None:
        if self.kept and not self.app.writer.unsaved:
            self.kept = False
            self.update(Text("Routine saved.", style="bold green"))
            self.screen.refresh_bindings()

    @on(JournalFailed)
    def not_saved(self, message: JournalFailed) -> None:
        if message.what == "session" and self.kept:
            self.show_kept(message.problem)

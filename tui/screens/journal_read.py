"""Reading the journal from a screen's worker thread, with one way to fail."""

from __future__ import annotations

from collections.abc import Callable

from tui.core.storage import JournalError


def read_records(app, on_error: Callable[[str], None], no_journal: str) -> list[dict] | None:
    """Every record, newest first; None after `on_error` was told why not.

    Call from a thread worker: errors go back to the UI with call_from_thread.
    """
    journal = app.journal
    if journal is None:
        app.call_from_thread(on_error, no_journal)
        return None
    try:
        return journal.records()
    except JournalError as error:
        app.call_from_thread(on_error, str(error))
        return None

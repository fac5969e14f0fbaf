"""Reading the journal from a screen's worker thread, with one way to fail."""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from tui.core.store.errors import JournalError


def read_records(app, on_error: Callable[[str], None], no_journal: str,
                 read: Callable[[Any], Any] = lambda journal: journal.records()) -> Any:
    """What `read` gets from the journal (every record, newest first, unless
    told otherwise); None after `on_error` was told why not.

    Call from a thread worker: errors go back to the UI with call_from_thread.
    """
    journal = app.journal
    if journal is None:
        app.call_from_thread(on_error, no_journal)
        return None
    try:
        return read(journal)
    except JournalError as error:
        app.call_from_thread(on_error, str(error))
        return None

"""A session that could not be saved (a full disk) is kept and saved with the
next write, once, and the rating after it links to it (issue 24, item 13)."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tui.core.journal.journal import Journal
from tui.core.journal.linking import linked_session
from tui.core.journal.store.errors import JournalError
from tui.core.journal.writer import JournalWriter, rating_change

NOW = datetime(2026, 11, 22, 21, 40, tzinfo=UTC)


def session(journal: Journal) -> dict:
    return journal.add_session("stretch", "Stretch", NOW - timedelta(minutes=14), NOW, True, 6, 0, 6, 840.0)


def test_a_failed_session_is_saved_with_the_next_write_and_the_rating_links_to_it(tmp_path) -> None:
    blocker = tmp_path / "disk"
    blocker.write_text("full")  # the journal's folder cannot be made: every write fails
    writer = JournalWriter(Journal(blocker / "journal.json", now=lambda: NOW))
    with pytest.raises(JournalError):
        writer.write(session, keep=True)
    assert len(writer.unsaved) == 1
    with pytest.raises(JournalError):  # still full: still kept, once
        writer.write(rating_change(3, {}, [], "", NOW + timedelta(minutes=1)))
    assert len(writer.unsaved) == 1

    blocker.unlink()
    rating = writer.write(rating_change(4, {}, [], "", NOW + timedelta(minutes=2)))
    assert writer.unsaved == [] and writer.failed is None
    records = Journal(blocker / "journal.json").records()
    sessions = [r for r in records if r["type"] == "session"]
    assert len(sessions) == 1
    assert linked_session(records, datetime.fromisoformat(rating["time"]))["id"] == sessions[0]["id"]

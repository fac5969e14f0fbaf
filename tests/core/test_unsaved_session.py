"""A session that could not be saved (a full disk) is kept and saved with the
next write or on a retry (JournalWriter.save_pending), once, and the rating
after it links to it (issue 24, item 13). On a real full disk: tests/reliability/test_full_disk.py."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

import pytest

from tui.core.common.paths import builtin_routine_files
from tui.core.journal.journal import Journal
from tui.core.journal.linking import linked_session
from tui.core.journal.store.errors import JournalAccessError, JournalError
from tui.core.journal.writer import JournalWriter, rating_change, session_change
from tui.core.routines.loader import load_library
from tui.core.routines.timer import Report

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


def test_save_pending_retries_now_and_says_how_many(tmp_path) -> None:
    blocker = tmp_path / "disk"
    blocker.write_text("full")
    writer = JournalWriter(Journal(blocker / "journal.json", now=lambda: NOW))
    assert writer.save_pending() == 0  # nothing pending: nothing written, nothing raised
    with pytest.raises(JournalError):
        writer.write(session, keep=True)
    with pytest.raises(JournalError):  # still full: kept, and the error remembered
        writer.save_pending()
    assert len(writer.unsaved) == 1 and writer.failed is not None
    blocker.unlink()
    assert writer.save_pending() == 1
    assert writer.unsaved == [] and writer.failed is None
    assert [r["type"] for r in Journal(blocker / "journal.json").records()] == ["session"]


def test_a_session_saved_but_not_ticked_is_not_saved_twice_on_retry(tmp_path, monkeypatch) -> None:
    """The session lands, the plan step's tick hits the full disk: the retry ticks, once."""
    journal = Journal(tmp_path / "journal.json", now=lambda: NOW)
    run = journal.add_run(NOW - timedelta(minutes=40), "easy")
    report = Report(done=(0, 1), skipped=(), seconds_spent=300.0, completed=True,
                    held_seconds=300.0, planned_hold_seconds=300.0)
    routine = load_library(builtin_routine_files(), None).get("legs-up-the-wall")
    writer = JournalWriter(journal)
    real_tick = journal.record_practices

    def full(run_id, ids):
        raise JournalAccessError(journal.path, f"Cannot write the journal at {journal.path}: the disk is full.")

    monkeypatch.setattr(journal, "record_practices", full)
    with pytest.raises(JournalError):
        writer.write(session_change(routine, report, NOW - timedelta(minutes=5), NOW), keep=True)
    monkeypatch.setattr(journal, "record_practices", real_tick)
    assert writer.save_pending() == 1
    assert [r["routine_id"] for r in journal.records() if r["type"] == "session"] == ["legs-up-the-wall"]
    assert journal.run(run["id"])["practices"] == ["legs-up-the-wall"]

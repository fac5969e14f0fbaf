"""Monthly archive files: what a save rewrites stays small, and nothing is lost,
duplicated or reordered on the way, even when the move is interrupted."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tui.core.journal import archive, storage
from tui.core.journal.journal import Journal
from tui.core.journal.pages import RecordPages
from tui.core.journal.store.errors import JournalCorruptError
from tui.core.journal.store.json_tables import read_tables

PLUS_ONE = timezone(timedelta(hours=1))
NOW = datetime(2024, 11, 22, 9, 12, tzinfo=PLUS_ONE)


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "journal.json"


def fill(path: Path, days: int, now: datetime = NOW) -> None:
    """One rating a day for `days` days up to `now`, saved oldest first."""
    with Journal(path, now=lambda: now) as journal:
        for n in reversed(range(days)):
            journal.add_soreness(n % 11, when=now - timedelta(days=n, hours=1), note=f"day {n}")


def stored(path: Path) -> dict:
    return json.loads(path.read_text())


def test_saves_keep_this_month_and_last_in_the_journal(path: Path) -> None:
    fill(path, 150)
    months = {doc["time"][:7] for doc in stored(path)["records"].values()}
    assert months == {"2024-10", "2024-11"}
    assert archive.archive_months(path) == ["2024-09", "2024-08", "2024-07", "2024-06"]
    for month in archive.archive_months(path):
        docs = read_tables(archive.archive_path(path, month))["records"]
        assert {doc["time"][:7] for doc in docs.values()} == {month}
        assert oct(archive.archive_path(path, month).stat().st_mode & 0o777) == "0o600"


def test_months_from_a_given_one_on_are_found_without_checking_the_older_ones(path: Path) -> None:
    fill(path, 150)
    for name in ("journal-2024-13.json", "journal-2024-1x.json", "journal-2025-01.json.tmp", "notes.txt"):
        (archive.archive_folder(path) / name).write_text("{}")
    assert archive.archive_months(path, earliest="2024-08") == ["2024-09", "2024-08"]
    assert archive.archive_months(path, earliest="2024-10") == []
    assert archive.months_since(path, datetime(2024, 8, 1, 0, 30, tzinfo=PLUS_ONE)) == ["2024-09", "2024-08", "2024-07"]
    assert archive.months_since(path, None) == ["2024-09", "2024-08", "2024-07", "2024-06"]
    assert oct(archive.archive_folder(path).stat().st_mode & 0o777) == "0o700"


def test_every_record_reads_back_once_and_in_order(path: Path) -> None:
    fill(path, 150)
    journal = Journal(path)
    records = journal.records()
    assert [r["note"] for r in records] == [f"day {n}" for n in range(150)]
    assert [r["id"] for r in records] == list(range(150, 0, -1))
    assert journal.count() == 150 and journal.problems == []
    assert [r["note"] for r in journal.latest(3)] == ["day 0", "day 1", "day 2"]


def test_ids_are_never_reused_after_the_journal_file_empties(path: Path) -> None:
    fill(path, 40, now=NOW)
    later = NOW + timedelta(days=120)  # everything so far is now months old
    with Journal(path, now=lambda: later) as journal:
        record = journal.add_soreness(3, when=later)
        assert record["id"] == 41
        assert [r["id"] for r in journal.recent()] == [41]
        assert journal.add_soreness(4, when=later)["id"] == 42
        assert journal.count() == 42


def test_reading_since_opens_only_the_months_it_needs(path: Path, monkeypatch) -> None:
    fill(path, 150)
    opened = []
    real = archive.read_archive
    monkeypatch.setattr(archive, "read_archive", lambda p, month: opened.append(month) or real(p, month))
    journal = Journal(path)
    assert len(journal.records(since=NOW - timedelta(days=20))) == 20
    assert opened == []  # the journal file holds them
    journal.records(since=NOW - timedelta(days=70))
    assert opened == ["2024-09"]
    opened.clear()
    assert len(journal.latest(100)) == 100
    assert opened == ["2024-09", "2024-08"]


def test_the_newest_records_of_the_journal_file_are_read_without_listing_the_archive(path: Path, monkeypatch) -> None:
    """`history --json --limit 20` after ten or a hundred years: the journal
    file holds this month and last, so the archive's names are not listed."""
    fill(path, 150)
    listed = []
    real = archive.archive_months
    monkeypatch.setattr(archive, "archive_months", lambda p, *more: listed.append(p) or real(p, *more))
    journal = Journal(path)
    assert [r["note"] for r in journal.latest(20)] == [f"day {n}" for n in range(20)]
    assert listed == []
    assert [r["note"] for r in journal.latest(100)][-1] == "day 99" and listed == [path]  # more than the file holds


def test_a_move_cut_short_leaves_each_record_once(path: Path, monkeypatch) -> None:
    """Killed after the archive file was written but before the journal was:
    the records are in both places, and readers take them once."""
    fill(path, 40)
    before = Journal(path).records()
    later = NOW + timedelta(days=62)

    def crash(self, data):
        raise KeyboardInterrupt  # the process dies before the journal is rewritten

    with monkeypatch.context() as m:
        m.setattr(storage.SafeJSONStorage, "write", crash)
        with Journal(path, now=lambda: later) as journal, pytest.raises(KeyboardInterrupt):
            journal.archive_old_months()
    assert archive.archive_months(path)  # the archive file is there ...
    assert len(stored(path)["records"]) == 40  # ... and the journal still holds them all
    assert Journal(path).records() == before
    with Journal(path, now=lambda: later) as journal:
        journal.add_soreness(5, when=later)  # the next save finishes the move
        assert journal.records()[1:] == before and journal.count() == 41
    assert len(stored(path)["records"]) == 1


def test_an_archive_that_cannot_be_written_does_not_stop_a_save(path: Path, monkeypatch) -> None:
    fill(path, 40)
    later = NOW + timedelta(days=62)

    def full(*args, **kwargs):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(archive, "write_atomically", full)
    with Journal(path, now=lambda: later) as journal:
        journal.add_soreness(5, when=later)
        assert len(journal.records()) == 41
        assert any("Cannot write the archive file" in n and "the disk is full" in n
                   and "nothing was lost" in n for n in journal.notices)
    assert len(stored(path)["records"]) == 41
    assert archive.archive_months(path) == []


def test_a_damaged_archive_month_is_named_and_left_alone(path: Path) -> None:
    """Reads leave a damaged month out and name it (issue 24: it hides nothing else)."""
    fill(path, 150)
    damaged = archive.archive_path(path, "2024-07")
    everything = len(Journal(path).records())
    in_july = len(Journal(path).archived("2024-07"))
    damaged.write_bytes(b'{"records": {"1": ')
    journal = Journal(path)
    assert len(journal.latest(20)) == 20  # the newest records do not need it
    assert len(journal.records()) == everything - in_july
    problem = journal.damaged_months["2024-07"]
    assert str(damaged) in problem and "left untouched" in problem
    assert damaged.read_bytes() == b'{"records": {"1": '


def test_a_run_in_the_archive_can_still_be_changed(path: Path) -> None:
    with Journal(path, now=lambda: NOW) as journal:
        run = journal.add_run(NOW - timedelta(days=90))
        journal.add_soreness(2, when=NOW)  # this save moves the run to the archive
        assert str(run["id"]) not in stored(path)["records"]
        assert journal.run_for_day((NOW - timedelta(days=90)).date())["id"] == run["id"]
        changed = journal.record_practices(run["id"], ["hydrate"])
        assert changed["practices"] == ["hydrate"]
        assert journal.run(run["id"])["practices"] == ["hydrate"]


def test_a_record_moved_again_replaces_its_archived_copy_whole(path: Path) -> None:
    """A move cut short leaves a record in both places; when the journal's copy
    moves again it replaces the archived one, fields and all (no old field stays),
    and the month still holds every record once, as a plain TinyDB database."""
    from tinydb import TinyDB

    run = {"v": 1, "type": "run", "time": "2024-08-03T18:00:00+01:00", "plan_date": "2024-08-03",
           "run_kind": None, "practices": [], "skipped": []}
    rating = {"v": 1, "type": "soreness", "time": "2024-08-04T08:00:00+01:00", "overall": 4, "areas": {},
              "pain": [], "note": "", "session": None}
    path.parent.mkdir(parents=True)
    assert archive.write_month(path, "2024-08", {"7": {**run, "left over": True}, "8": rating}) == 2
    assert archive.write_month(path, "2024-08", {"7": {**run, "run_kind": "long"}, "9": rating}) == 3
    with TinyDB(archive.archive_path(path, "2024-08"), access_mode="r") as month:
        docs = {doc.doc_id: dict(doc) for doc in month.table("records").all()}
    assert docs == {7: {**run, "run_kind": "long"}, 8: rating, 9: rating}


def test_a_journal_from_before_the_archive_is_split_on_its_next_save(path: Path) -> None:
    """An older version kept everything in one file."""
    fill(path, 1)
    docs = {str(n): {"v": 1, "type": "soreness", "time": (NOW - timedelta(days=n)).isoformat(),
                     "overall": 3, "areas": {}, "pain": [], "note": f"day {n}", "session": None}
            for n in range(1, 400)}
    path.write_text(json.dumps({"records": docs}))
    before = Journal(path).records()
    with Journal(path, now=lambda: NOW) as journal:
        journal.add_soreness(1, when=NOW)
        assert journal.records()[1:] == before
    assert len(stored(path)["records"]) < 60 and len(archive.archive_months(path)) == 12


def test_pages_fill_a_month_at_a_time(path: Path) -> None:
    fill(path, 150)
    pages = RecordPages(Journal(path))
    assert [r["note"] for r in pages.records] == [f"day {n}" for n in range(len(pages.records))]
    assert not pages.complete
    new = pages.fill(len(pages.records) + 1)
    assert new and all(r["time"][:7] == "2024-09" for r in new)
    pages.fill(10_000)
    assert pages.complete and [r["note"] for r in pages.records] == [f"day {n}" for n in range(150)]


def test_an_entry_whose_id_is_not_a_number_is_reported(path: Path) -> None:
    path.parent.mkdir(mode=0o700)
    path.write_text('{"records": {"one": {"v": 1}}}')
    with pytest.raises(JournalCorruptError) as info:
        Journal(path).records()
    assert 'entry "one" in table "records" whose id is not a whole number' in str(info.value)


def test_a_streak_runs_back_through_the_archive_without_reading_it(path: Path, monkeypatch) -> None:
    from tui.core.journal.stats import journal_streak

    with Journal(path, now=lambda: NOW) as journal:
        for n in reversed(range(100)):  # a session a day for 100 days, then a gap
            ended = NOW - timedelta(days=n, hours=2)
            journal.add_session("post-run", "Post-run stretches", ended - timedelta(minutes=10), ended,
                                True, 8, 0, 8, 600.0)
        journal.add_soreness(2, when=NOW - timedelta(days=120))  # back-dated: moves to the archive
        assert archive.archive_months(path)[0] == "2024-09"
        assert journal_streak(journal, NOW) == 100  # the same count with the journal still open

    def no_reading(*args):
        raise AssertionError("the archive was read")

    monkeypatch.setattr(archive, "read_archive", no_reading)
    assert journal_streak(Journal(path), NOW) == 100
    assert journal_streak(Journal(path), NOW + timedelta(days=2)) == 0


def test_session_days_count_whole_months_and_stop_at_a_gap() -> None:
    from datetime import date

    from tui.core.journal.stats import SessionDays

    every_day = sum(1 << d for d in range(1, 32))
    days = SessionDays({date(2024, 11, 2), date(2024, 11, 1)},
                       {"2024-10": every_day, "2024-09": every_day & ~(1 << 20)})
    assert days.run_back_from(date(2024, 11, 2)) == 2 + 31 + 10  # Sep 30 back to Sep 21; the 20th had none
    assert date(2024, 9, 21) in days and date(2024, 9, 20) not in days
    assert days.run_back_from(date(2024, 11, 3)) == 0

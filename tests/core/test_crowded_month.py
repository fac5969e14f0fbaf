"""A month with very many records: a save rewrites a bounded number of bytes
(the journal rotates into parts of its month, rotation.py), every reader
still sees every record exactly once, and a read of a window of time opens
and checks no more than its rule needs (window.py)."""

from __future__ import annotations

import json
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from tests.core.cli_support import run
from tests.core.crowded import NOW, write_crowded
from tui.core.common import atomic
from tui.core.journal import archive, rotation, vetting
from tui.core.journal.journal import Journal
from tui.core.journal.pages import RecordPages
from tui.core.journal.records import TABLE, record_time
from tui.core.journal.store.id_floor import highest_id_beside
from tui.core.journal.sync.identity import stamped
from tui.core.journal.window import WINDOW_LIMIT


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "journal.json"


def written_by(monkeypatch: pytest.MonkeyPatch) -> list[int]:
    """The size of every file written (atomically) from now on."""
    sizes: list[int] = []
    real = atomic.write_all

    def counting(fd: int, payload: bytes) -> None:
        sizes.append(len(payload))
        real(fd, payload)

    monkeypatch.setattr(atomic, "write_all", counting)
    return sizes


def opened_and_checked(monkeypatch: pytest.MonkeyPatch) -> tuple[list[str], list[int]]:
    """The archive files read and the records checked from now on."""
    opened: list[str] = []
    checked: list[int] = []
    real_read, real_check = archive.read_archive, vetting.check_record
    monkeypatch.setattr(archive, "read_archive", lambda p, key: opened.append(key) or real_read(p, key))
    monkeypatch.setattr(vetting, "check_record", lambda record: checked.append(record["id"]) or real_check(record))
    return opened, checked


def ids_read(journal: Journal) -> list[int]:
    return sorted(record["id"] for record in journal.records())


def test_a_save_into_a_month_of_20000_records_rewrites_a_bounded_number_of_bytes(path, monkeypatch) -> None:
    write_crowded(path, 20_000)
    month_bytes = path.stat().st_size
    with Journal(path, now=lambda: NOW) as journal:
        journal.add_soreness(3, when=NOW)  # the first save after the upgrade rotates the month (once)
        sizes = written_by(monkeypatch)
        for n in range(5):
            journal.add_soreness(4, when=NOW - timedelta(minutes=n))
    per_save = sum(sizes) / 5
    assert per_save < month_bytes / 10, f"{per_save:.0f} bytes a save, the month is {month_bytes} bytes"
    assert max(sizes) < rotation.LIMIT * 300  # the journal file at its largest (about 200 bytes a rating)
    assert len(json.loads(path.read_text())[TABLE]) <= rotation.LIMIT


def test_every_record_is_read_once_from_a_rotated_month(path) -> None:
    write_crowded(path, 2_600)
    with Journal(path, now=lambda: NOW) as journal:
        added = journal.add_soreness(5, when=NOW)
        parts = [key for key in journal.archive_months() if archive.part_number(key)]
        assert parts and all(key.startswith("2026-11.part-") for key in parts)
        assert len(json.loads(path.read_text())[TABLE]) == rotation.KEEP
        assert ids_read(journal) == list(range(1, 2_602)) and added["id"] == 2_601
        assert journal.count() == 2_601
        assert NOW.date().replace(day=2) in journal.session_days(NOW)  # the session moved to a part
        run = journal.record_practices(2, ["walk"])  # a run in a part is changed where it is
        assert run["practices"] == ["walk"] and journal.run(2)["practices"] == ["walk"]
        assert ids_read(journal) == list(range(1, 2_602))
        assert journal.latest(3)[0]["id"] == 2_601
        export = [record["id"] for record in journal.streamed()]  # as export reads
        assert sorted(export) == list(range(1, 2_602))


def test_ids_are_never_reused_after_a_rotation(path) -> None:
    write_crowded(path, 2_000)
    with Journal(path, now=lambda: NOW) as journal:
        journal.add_soreness(5, when=NOW)
    assert highest_id_beside(path, TABLE) >= 1_000  # the parts are among the files kept beside it
    data = json.loads(path.read_text())
    data["meta"]["1"].pop("last_id")  # as a journal restored from an old copy knows none
    data[TABLE] = {}
    path.write_text(json.dumps(data))
    with Journal(path, now=lambda: NOW) as journal:
        assert journal.add_soreness(1, when=NOW)["id"] > 2_001 - rotation.KEEP


def test_reading_since_a_moment_skips_the_parts_from_before_it(path, monkeypatch) -> None:
    write_crowded(path, 5_000)
    since = NOW - timedelta(days=3)
    with Journal(path, now=lambda: NOW) as journal:
        journal.add_soreness(5, when=NOW)
        expected = sorted(r["id"] for r in journal.records() if record_time(r) >= since)
        opened: list[str] = []
        real = archive.read_archive
        monkeypatch.setattr(archive, "read_archive", lambda p, key: opened.append(key) or real(p, key))
        recent = journal.records(since)
    parts = [key for key in archive.archive_months(path) if archive.part_number(key)]
    assert 0 < len(opened) < len(parts) / 3
    assert sorted(r["id"] for r in recent) == expected


def test_history_first_page_reads_only_the_newest_parts(path, monkeypatch) -> None:
    write_crowded(path, 5_000)
    with Journal(path, now=lambda: NOW) as journal:
        journal.add_soreness(5, when=NOW)
        opened: list[str] = []
        real = archive.read_archive
        monkeypatch.setattr(archive, "read_archive", lambda p, key: opened.append(key) or real(p, key))
        pages = RecordPages(journal)
        pages.fill(1_000)
        assert len(opened) <= 2 and len(pages.records) >= 1_000
        times = [record["time"] for record in pages.records]
        assert times == sorted(times, reverse=True)  # newest first across the journal and its parts


def test_a_rotation_reads_none_of_the_parts_it_made_before(path, monkeypatch) -> None:
    """A rotation looks for its records in the parts of their month (another
    device may have rotated them there, rotation.held_in_archive), but the
    parts this journal made hold older records only: none is read."""
    for name, value in (("LIMIT", 40), ("KEEP", 20), ("PART_SIZE", 10)):  # a rotation every 21 saves
        monkeypatch.setattr(rotation, name, value)
    write_crowded(path, 300)
    with Journal(path, now=lambda: NOW) as journal:
        journal.add_soreness(5, when=NOW)
        parts = journal.archive_months()
        looked, opened = [], []
        real_read, real_look = archive.read_archive, rotation.held_in_archive

        def look(*args):
            looked.append(args[1])
            monkeypatch.setattr(archive, "read_archive", lambda p, key: opened.append(key) or real_read(p, key))
            try:
                return real_look(*args)
            finally:
                monkeypatch.setattr(archive, "read_archive", real_read)

        monkeypatch.setattr(rotation, "held_in_archive", look)
        for n in range(rotation.LIMIT - rotation.KEEP + 1):
            journal.add_soreness(n % 11, when=NOW + timedelta(seconds=n))
        assert len(journal.archive_months()) > len(parts)  # it rotated
    assert len(looked) == 1 and len(looked[0]) == rotation.LIMIT - rotation.KEEP + 1  # what it moved
    assert opened == []


def test_log_into_a_crowded_week_checks_the_newest_ratings_once_and_opens_few_parts(path, monkeypatch, capsys) -> None:
    """20,000 ratings in the month, some 5,000 of them in the last 7 days the
    pain check looks at: `log` checks the newest WINDOW_LIMIT of them (the
    code before checked all 5,031 of the week and opened 8 parts), and opens
    the one part it needs beside the journal file."""
    write_crowded(path, 20_000)
    with Journal(path, now=lambda: NOW) as journal:
        journal.add_soreness(3, when=NOW)  # rotates the month into parts
    monkeypatch.setenv("RECOVERY_TUI_NOW", NOW.isoformat())
    opened, checked = opened_and_checked(monkeypatch)
    code, out, err = run(capsys, "log", "--soreness", "9", "--area", "calves=9", "--journal", str(path))
    assert code == 0, err
    assert "not linked to a session" in out  # the month's one session is weeks old
    assert len(checked) <= WINDOW_LIMIT + 10, f"{len(checked)} records checked"
    assert len(set(opened)) <= 2 and len(opened) == len(set(opened)), opened


def test_a_rating_links_to_a_session_in_an_older_part_reading_only_that_part(path, monkeypatch) -> None:
    """Linking looks for sessions: of the parts of the 72 h before the rating,
    only the one that holds a session is read (the others hold ratings only)."""
    write_crowded(path, 5_000)
    when = NOW.replace(day=4, hour=8)  # 47 h after the session of the 2nd, which is in the month's first part
    with Journal(path, now=lambda: NOW) as journal:
        journal.add_soreness(3, when=NOW)
        window = [key for key in journal.archive_months() if rotation.may_hold_since(
            key, when - timedelta(hours=72), rotation.part_newest(json.loads(path.read_text())))]
        opened, _ = opened_and_checked(monkeypatch)
        rating = journal.add_soreness(4, when=when)
    assert rating["session"] == 1
    assert len(window) > 3 and opened == ["2026-11.part-0001"]


def test_the_newest_of_a_window_are_those_a_whole_read_finds(path) -> None:
    """Read lazily, part by part, the newest ratings of 28 days are exactly the
    newest of a whole read, also with a back-dated rating in the journal file
    (older than records in the parts) and a run moved later in its part."""
    write_crowded(path, 5_000)
    with Journal(path, now=lambda: NOW) as journal:
        journal.add_soreness(3, when=NOW)
        journal.add_soreness(2, when=NOW - timedelta(days=20))  # stays in the journal file
        journal.update_run(2, ended=NOW - timedelta(hours=1))  # its part's newest run is now later
        since = NOW - timedelta(days=28)
        whole = [r for r in journal.records() if r["type"] == "soreness" and record_time(r) >= since]
        for each in (1, 700, WINDOW_LIMIT, 5_000):
            newest = journal.records(since, kinds=("soreness",), each=each)
            assert [r["id"] for r in newest] == [r["id"] for r in whole[:each]]
        assert [run["id"] for run in journal.runs_on(NOW.date())] == [2]
        assert journal.current_run(NOW)["id"] == 2


def test_a_part_that_arrives_changed_is_read_again_for_what_it_holds(path) -> None:
    """A part this device made, changed by another device (a session added)
    and synced back whole: what the meta table said it held is forgotten on
    open, so a read for sessions finds the new one."""
    write_crowded(path, 5_000)
    with Journal(path, now=lambda: NOW) as journal:
        journal.add_soreness(3, when=NOW)
    part = archive.archive_path(path, "2026-11.part-0003")
    data = json.loads(part.read_text())
    ended = NOW - timedelta(hours=2)
    data[TABLE]["90000"] = {"v": 1, "type": "session",
                            "routine_id": "foam-rolling", "routine_name": "Foam rolling",
                            "started": (ended - timedelta(minutes=9)).isoformat(), "ended": ended.isoformat(),
                            "completed": True, "exercises_done": 5, "exercises_skipped": 0, "exercises_total": 5,
                            "seconds": 540.0, "uid": "another-device-session"}
    part.write_text(json.dumps(data))
    with Journal(path, now=lambda: NOW) as journal:
        sessions = journal.records(NOW - timedelta(hours=72), kinds=("session",))
        assert [session["id"] for session in sessions] == [90000]
        assert journal.add_soreness(2, when=NOW)["session"] == 90000


def test_saves_note_what_the_parts_of_an_earlier_version_hold(path, monkeypatch) -> None:
    """Parts an earlier version made say nothing of their types: each save
    notes a few, and once all are noted a read for sessions opens none of the
    parts that hold ratings only."""
    write_crowded(path, 5_000)
    with Journal(path, now=lambda: NOW) as journal:
        journal.add_soreness(3, when=NOW)
    data = json.loads(path.read_text())
    parts = [key for key in data["meta"]["1"]["part_kinds"]]
    del data["meta"]["1"]["part_kinds"]  # as an earlier version left it
    path.write_text(json.dumps(data))
    with Journal(path, now=lambda: NOW) as journal:
        journal.add_soreness(4, when=NOW)
        assert len(rotation.part_kinds(json.loads(path.read_text()))) == 4
        for _ in range(len(parts) // 4):
            journal.add_soreness(4, when=NOW)
        assert sorted(rotation.part_kinds(json.loads(path.read_text()))) == sorted(parts)
        opened, _ = opened_and_checked(monkeypatch)
        assert journal.records(NOW.replace(day=1), kinds=("session",))[-1]["id"] == 1
    assert opened == ["2026-11.part-0001"]


def test_a_new_state_folder_keeps_what_the_parts_hold(path, tmp_path, monkeypatch) -> None:
    """A journal opened with a state folder that has never seen its archive (a
    new machine, a copy) checks every file once for numbers, but a file it has
    not seen before is no changed file: what the parts hold stays known."""
    write_crowded(path, 5_000)
    with Journal(path, now=lambda: NOW) as journal:
        journal.add_soreness(3, when=NOW)
    known = rotation.part_kinds(json.loads(path.read_text()))
    monkeypatch.setenv("XDG_STATE_HOME", str(tmp_path / "another-state"))
    with Journal(path, now=lambda: NOW) as journal:
        assert journal.records(NOW - timedelta(hours=72), kinds=("session",)) == []
    assert rotation.part_kinds(json.loads(path.read_text())) == known


def test_a_run_that_joins_another_devices_part_is_read_at_its_new_time(path) -> None:
    """A run of September that another device rotated into a part (synced
    here) and whose end this device moved: when September leaves the journal
    the run joins that part, which forgets the run time it said it held."""
    old = {"v": 1, "type": "run", "time": "2026-09-10T07:00:00+01:00", "run_kind": "easy", "practices": [],
           "skipped": [], "plan_date": "2026-09-10", "uid": "a-synced-run"}
    moved = stamped(old, {**old, "time": "2026-09-12T07:00:00+01:00", "plan_date": "2026-09-12"}, NOW)
    part = archive.archive_path(path, "2026-09.part-0001")
    part.parent.mkdir(parents=True)
    rating = {"v": 1, "type": "soreness", "time": "2026-09-20T07:00:00+01:00", "overall": 2, "areas": {},
              "pain": [], "note": "", "session": None, "uid": "a-synced-rating"}
    part.write_text(json.dumps({TABLE: {"5": old, "6": rating}}))
    path.write_text(json.dumps({TABLE: {"5": moved}, "meta": {"1": {
        "last_id": {TABLE: 6}, "part_newest": {"2026-09.part-0001": rating["time"]},
        "part_kinds": {"2026-09.part-0001": {"run": old["time"], "soreness": rating["time"]}}}}}))
    with Journal(path, now=lambda: NOW) as journal:
        journal.add_soreness(3, when=NOW)  # September leaves the journal
        assert "5" not in json.loads(path.read_text())[TABLE] and "5" in archive.read_archive(path, "2026-09.part-0001")
        runs = journal.records(datetime(2026, 9, 11, tzinfo=NOW.tzinfo), kinds=("run",))
    assert [(run["id"], run["time"]) for run in runs] == [(5, "2026-09-12T07:00:00+01:00")]


def test_a_run_moved_later_than_the_part_that_holds_it_is_archived_once(path) -> None:
    """A run another device rotated into a part, whose end this device then
    moved past everything in that part: it joins that part when its month
    leaves the journal (the code before looked only in files that might hold
    its new time, and kept it in the month's own file as well: shown twice)."""
    old = {"v": 1, "type": "run", "time": "2026-09-10T07:00:00+01:00", "run_kind": "easy", "practices": [],
           "skipped": [], "plan_date": "2026-09-10", "uid": "a-synced-run"}
    moved = stamped(old, {**old, "time": "2026-09-12T07:00:00+01:00", "plan_date": "2026-09-12"}, NOW)
    part = archive.archive_path(path, "2026-09.part-0001")
    part.parent.mkdir(parents=True)
    part.write_text(json.dumps({TABLE: {"5": old}}))
    path.write_text(json.dumps({TABLE: {"5": moved}, "meta": {"1": {
        "last_id": {TABLE: 5}, "part_newest": {"2026-09.part-0001": old["time"]}}}}))
    with Journal(path, now=lambda: NOW) as journal:
        journal.add_soreness(3, when=NOW)
        assert [(r["id"], r["time"]) for r in journal.records() if r["type"] == "run"] == [(5, moved["time"])]
    assert archive.archive_months(path) == ["2026-09.part-0001"]

"""`history` without --limit reads the journal a file at a time (Journal.streamed)
and prints exactly what it printed when it held every record first
(Journal.records(), which the reference runs below go back to)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from datetime import date

import pytest

from tests.benchmarks.generate_journal import write_journal
from tests.core.cli_support import run
from tests.core.history_journal import DAMAGED, HOSTILE, NOW, archive_keys, bad_doc_in, write_history_journal
from tui.cli import main
from tui.core.journal import archive
from tui.core.journal.export import journal_records
from tui.core.journal.journal import Journal
from tui.core.journal.records import record_time
from tui.core.journal.rotation import forget_newest
from tui.core.journal.storage import SafeJSONStorage


@pytest.fixture(scope="module")
def template(tmp_path_factory):
    return write_history_journal(tmp_path_factory.mktemp("history") / "journal.json")


@pytest.fixture
def journal(template, tmp_path, monkeypatch):
    """A copy of the template journal, named by $RECOVERY_TUI_JOURNAL, at NOW."""
    shutil.copytree(template.parent, tmp_path / "j")
    path = tmp_path / "j" / template.name
    monkeypatch.setenv("RECOVERY_TUI_JOURNAL", str(path))
    monkeypatch.setenv("RECOVERY_TUI_NOW", NOW.isoformat())
    return path


def todays(capsys, monkeypatch, *argv):
    """(code, stdout, stderr) of the command as it was: every record read first."""
    with monkeypatch.context() as patched:
        patched.setattr(Journal, "streamed", lambda self: iter(self.records()))
        return run(capsys, *argv)


def test_the_journal_holds_every_case(journal):
    keys = archive_keys(journal)
    assert DAMAGED in keys and sum(archive.part_number(key) > 0 for key in keys) >= 4
    assert len([key for key in keys if key.startswith(NOW.strftime("%Y-%m"))]) >= 3  # this month's parts
    with Journal(journal) as opened:
        records = opened.records()
        assert len(opened.problems) == 3 and DAMAGED in opened.damaged_months
    assert any(r["type"] == "run" and len(r["practices"]) > 1 and r["skipped"] for r in records)
    assert sum(r.get("note") in HOSTILE for r in records) == 2 * len(HOSTILE)


@pytest.mark.parametrize("argv", [["history"], ["history", "--json"]], ids=["table", "json"])
def test_streamed_output_is_todays(capsys, monkeypatch, journal, argv):
    bad_doc_in(journal, "2026-01")  # a skipped record in an archive month, named by --json
    streamed = run(capsys, *argv)
    assert streamed == todays(capsys, monkeypatch, *argv)
    code, out, err = streamed
    assert code == 1 and out.count("\n") > 3_000 and "\x1b" not in out and "\u202e" not in out
    assert err.count(f"Archive month {DAMAGED} is damaged and left out") == 1 and "Traceback" not in err


def test_streamed_records_are_records_in_order_with_the_same_problems(journal):
    bad_doc_in(journal, "2026-01")
    with Journal(journal) as opened:
        streamed = list(opened.streamed())
        problems, damaged = opened.problems, dict(opened.damaged_months)
        assert streamed == opened.records()
        assert problems == opened.problems and len(problems) == 4
        assert damaged == opened.damaged_months
    times = [r["time"] for r in streamed if str(r.get("note")).startswith(("June by", "July by", "early in"))]
    # the UTC order, across the files of June and July
    assert times == ["2026-06-30T23:30:00-11:00", "2026-07-01T03:00:00+00:00", "2026-07-01T00:30:00+14:00"]


def test_a_part_the_meta_table_forgot_is_still_in_order(journal):
    # a run changed in a part forgets the part's newest time: the month's end is used
    storage = SafeJSONStorage(journal)
    try:
        with storage.locked():
            for key in archive_keys(journal):
                forget_newest(storage, key)
    finally:
        storage.close()
    with Journal(journal) as opened:
        assert list(opened.streamed()) == opened.records()


def test_the_first_records_come_before_old_months_are_read(journal, monkeypatch):
    read: list[str] = []
    real = archive.read_archive
    monkeypatch.setattr(archive, "read_archive", lambda path, key: read.append(key) or real(path, key))
    with Journal(journal) as opened:
        newest = opened.recent()[0]  # opens the journal, which checks the archive's files once (sync/)
        read.clear()
        records = opened.streamed()
        assert next(records) == newest
        assert read == []  # this month's newest are in the journal file
        for record in records:
            if record_time(record).isoformat() < "2026-09":
                break
        assert read and not [key for key in read if key < "2026-08"]


def test_the_lock_is_not_held_while_the_records_are_used(journal):
    with Journal(journal) as opened:
        records = opened.streamed()
        next(records)
        for _ in range(2_000):
            next(records)  # into the archive's parts
        taken = subprocess.run(["flock", "-n", "-E", "3", str(SafeJSONStorage(journal).lock_path), "true"],
                               timeout=30)
        assert taken.returncode == 0
        assert len(list(records)) > 500


def test_an_empty_or_missing_journal(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", NOW.isoformat())
    missing = tmp_path / "none" / "journal.json"
    assert run(capsys, "history", "--journal", str(missing)) == (0, f"No records yet in {missing}.\n", "")
    assert run(capsys, "history", "--json", "--journal", str(missing)) == (0, "[]\n", "")
    assert not missing.parent.exists()
    with Journal(missing) as opened:
        assert list(opened.streamed()) == [] and opened.problems == []


def test_history_into_head_ends_at_once_and_quietly(tmp_path, isolated_user_dirs):
    path = tmp_path / "journal.json"
    write_journal(path, years=10, end=date(2026, 11, 21))
    env = {**{k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}, "RECOVERY_TUI_NOW": NOW.isoformat()}
    done = subprocess.run(["bash", "-c", f"{sys.executable} -m tui history --journal {path} | head -1; "
                                         "echo ${PIPESTATUS[0]} >&2"], capture_output=True, text=True,
                          timeout=60, env=env)
    assert done.stdout.count("\n") == 1 and "Sat 21 Nov 2026" in done.stdout
    assert done.stderr == "1\n"  # as before: the reader went away, nothing said
    assert not list(isolated_user_dirs.rglob("crash.log"))


def test_a_reader_gone_stops_the_reading(tmp_path, monkeypatch):
    path = tmp_path / "journal.json"
    write_journal(path, years=3, end=date(2026, 11, 21))
    read: list[str] = []
    real = archive.read_archive
    monkeypatch.setattr(archive, "read_archive", lambda where, key: read.append(key) or real(where, key))

    class GoneAfterALine:
        def write(self, text: str) -> int:
            raise BrokenPipeError(32, "Broken pipe")

        def flush(self) -> None:
            pass

    monkeypatch.setattr("tui.cli.output.discard_output", lambda: None)
    monkeypatch.setattr("tui.cli.discard_output", lambda: None)
    monkeypatch.setattr("sys.stdout", GoneAfterALine())
    assert main(["history", "--json", "--journal", str(path)]) == 1
    assert read == []  # the journal file's first record could not be written: no month read


def test_hostile_notes_are_shown_visibly(capsys, journal):
    _, out, _ = run(capsys, "history", "--json")
    notes = {r["note"] for r in json.loads(out)}
    assert set(HOSTILE) <= notes  # JSON escapes them, and reads back to the very text


def test_export_gives_every_record_in_the_order_history_does(tmp_path):
    # export read month by month: a record late on June 30th at -11:00 (July 1st
    # in UTC) came after every record of July's file
    path = write_history_journal(tmp_path / "journal.json", crowd=1_200, damage=False)
    with Journal(path) as opened:
        exported = list(journal_records(opened))
        problems = opened.problems
        assert exported == opened.records() and problems == opened.problems and len(problems) == 3

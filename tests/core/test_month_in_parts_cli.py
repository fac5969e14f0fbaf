"""Every command over a journal whose current month and one archive month are
kept in parts (rotation.py, tests/core/parted.py), through the command line's
entry: each sees every record exactly once, none lost or doubled, and shows
what it shows for the same records kept in one file; what a command writes
goes to the right file of its month."""

from __future__ import annotations

import csv
import io
import json
import shutil
from pathlib import Path

import pytest

from tests.core.cli_support import run
from tests.core.parted import NOW, RUN_END, flat_copy, write_parted
from tests.data.synthetic_fit import Lap, write_run
from tui.core.journal import archive
from tui.core.journal.journal import Journal
from tui.core.journal.records import TABLE

READING = (  # every command that reads the journal and writes nothing
    ("history",), ("history", "--json"), ("history", "--limit", "40"), ("export", "--format", "csv"),
    ("export", "--format", "json"), ("insights",), ("insights", "--json"), ("plan", "--json"),
    ("experiment", "status"),
)


@pytest.fixture(scope="module")
def built(tmp_path_factory) -> tuple[Path, Path, set[str]]:
    folder = tmp_path_factory.mktemp("parted")
    uids = write_parted(folder / "parted" / "journal.json")
    flat_copy(folder / "parted" / "journal.json", folder / "flat" / "journal.json")
    return folder / "parted", folder / "flat", uids


@pytest.fixture
def journal(built, tmp_path, monkeypatch) -> Path:
    """A fresh copy of the parted journal; the clock at NOW."""
    shutil.copytree(built[0], tmp_path / "parted", ignore=shutil.ignore_patterns("*.lock"))
    monkeypatch.setenv("RECOVERY_TUI_NOW", NOW.isoformat())
    return tmp_path / "parted" / "journal.json"


def ids_of(capsys, path: Path) -> list[int]:
    code, out, err = run(capsys, "history", "--json", "--journal", str(path))
    assert code == 0, err
    return [record["id"] for record in json.loads(out)]


def uids_of(path: Path) -> list[str]:
    with Journal(path, now=lambda: NOW) as journal:
        records = journal.records()
        assert journal.problems == [] and journal.damaged_months == {}
    return [record["uid"] for record in records]


def holder(path: Path, record_id: int) -> list[str]:
    """The files that hold record `record_id`: "journal" and archive keys."""
    found = ["journal"] if str(record_id) in json.loads(path.read_text())[TABLE] else []
    return found + [key for key in archive.archive_months(path) if str(record_id) in archive.read_archive(path, key)]


@pytest.mark.slow  # some 20 commands over 3,500 records
def test_every_reading_command_sees_each_record_once_as_if_kept_in_one_file(built, journal, capsys) -> None:
    _, flat, uids = built
    ids = ids_of(capsys, journal)
    assert len(ids) == len(set(ids)) == len(uids) and sorted(ids) == list(range(1, len(uids) + 1))
    code, out, _ = run(capsys, "export", "--format", "csv", "--journal", str(journal))
    rows = list(csv.DictReader(io.StringIO(out)))
    assert code == 0 and sorted(int(row["id"]) for row in rows) == sorted(ids)
    code, out, _ = run(capsys, "export", "--format", "json", "--journal", str(journal))
    assert code == 0 and sorted(record["id"] for record in json.loads(out)) == sorted(ids)
    code, out, _ = run(capsys, "history", "--journal", str(journal))
    shown = [int(line.split()[0][1:]) for line in out.splitlines() if line.lstrip().startswith("#")]
    assert code == 0 and sorted(shown) == sorted(ids)
    code, out, _ = run(capsys, "insights", "--json", "--journal", str(journal))
    assert code == 0 and json.loads(out), "the runs of both crowded months have practices to compare"
    for argv in READING:
        parted_out = run(capsys, *argv, "--journal", str(journal))
        flat_out = run(capsys, *argv, "--journal", str(flat / "journal.json"))
        assert parted_out == flat_out, argv
    assert sorted(uids_of(journal)) == sorted(uids)


def test_doctor_counts_months_not_files(journal, capsys) -> None:
    """Before: "Archive in ...: 8 month(s), 2026-10.part-0001 to 2026-12.part-0003"."""
    code, out, _ = run(capsys, "doctor", "--journal", str(journal))
    parts = [key for key in archive.archive_months(journal) if archive.part_number(key)]
    assert code == 0 and "No problems found." in out
    assert (f": 2 month(s), 2026-10 to 2026-12, in {len(parts) + 1} files "
            f"(a crowded month is kept in parts: 2026-10 in {len([p for p in parts if p < '2026-11']) + 1}, "
            f"2026-12 in {len([p for p in parts if p > '2026-11'])})\n") in out
    journal_good = int(out.split("Journal: ")[1].splitlines()[1].split()[0])
    archive_good = int(out.split("Archive in ")[1].splitlines()[1].split()[0])
    assert journal_good + archive_good == len(uids_of(journal))


@pytest.mark.slow
def test_each_writing_command_adds_to_the_right_file_once(journal, capsys, tmp_path) -> None:
    before = ids_of(capsys, journal)
    code, out, err = run(capsys, "log", "--soreness", "4", "--journal", str(journal))
    assert code == 0, err
    logged = max(before) + 1
    assert f"record #{logged}" in out and holder(journal, logged) == ["journal"]  # the head of this month
    code, out, err = run(capsys, "log", "--soreness", "2", "--date", "2026-10-15T08:00", "--journal", str(journal))
    assert code == 0, err
    assert holder(journal, logged + 1) == ["2026-10"]  # October's own file, no part of it rewritten
    october_run = next(r for r in Journal(journal).archived("2026-10.part-0001") if r["type"] == "run")
    code, _, err = run(capsys, "did", "foam-rolling", "--run", str(october_run["id"]), "--journal", str(journal))
    assert code == 0, err
    assert holder(journal, october_run["id"]) == ["2026-10.part-0001"]  # changed where it is
    code, out, err = run(capsys, "did", "hydrate", "--journal", str(journal))
    assert code == 0, err
    today = [r for r in Journal(journal).records() if r["type"] == "run" and r["time"] == RUN_END.isoformat()]
    assert len(today) == 1 and "hydrate" in today[0]["practices"]
    code, out, err = run(capsys, "plan", "--journal", str(journal))
    assert code == 0 and f"resumed record #{today[0]['id']}" in out, err
    fit = write_run(tmp_path / "run.fit", NOW.replace(day=2, hour=7), [Lap(1800, 3.0)])
    code, out, err = run(capsys, "import", "--yes", str(fit), "--journal", str(journal))
    assert code == 0 and "recorded as run" in out, err
    code, out, err = run(capsys, "import", "--yes", str(fit), "--journal", str(journal))
    assert "duplicate" in out, (out, err)  # the first import is found among December's parts
    after = ids_of(capsys, journal)
    assert len(after) == len(set(after)) == len(before) + 3
    uids = uids_of(journal)
    assert len(uids) == len(set(uids)) == len(after)
    with Journal(journal, now=lambda: NOW) as opened:
        changed = next(r for r in opened.records() if r["id"] == october_run["id"])
    assert "foam-rolling" in changed["practices"]

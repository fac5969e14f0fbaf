"""Conflict copies of the parts of a crowded month (rotation.py), and parts
another device wrote: each record is merged into the file of its month that
holds it, a record none holds joins the journal (rotation moves it on by its
own rules), and no rotation puts a record in a second file of its month.

Before: a part's copy was never found (the names matched months only), and
a record another device had rotated into a part was rotated here again,
into a part of its own, and read twice."""

from __future__ import annotations

import json
import os
import shutil
from pathlib import Path

import pytest

from tests.core.cli_support import run
from tests.core.crowded import NOW, write_crowded
from tests.sync.folder import ENGINES, copy_folder
from tui.core.journal import archive, rotation
from tui.core.journal.journal import Journal
from tui.core.journal.records import TABLE

NEW = {"v": 1, "type": "soreness", "time": "2026-11-20T08:00:00+01:00", "overall": 6, "areas": {}, "pain": [],
       "note": "only in the copy", "session": None, "uid": "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"}
LATER = "2026-11-28T20:30:00.000000+00:00"  # a change made after everything in the journal


def uids(path: Path) -> list[str]:
    with Journal(path, now=lambda: NOW) as journal:
        records = journal.records()
        assert journal.problems == []
    return [record["uid"] for record in records]


def parted(path: Path, records: int = 1_700) -> list[str]:
    """A journal whose month is in parts; its archive keys, parts first."""
    write_crowded(path, records)
    with Journal(path, now=lambda: NOW) as journal:
        journal.add_soreness(5, when=NOW)  # rotates: parts 0001 (the session and run), 0002, 0003
    return archive.archive_months(path)[::-1]


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_a_parts_copy_is_merged_into_the_files_that_hold_its_records(tmp_path, capsys, engine) -> None:
    path = tmp_path / "journal.json"
    assert parted(path) == ["2026-11.part-0001", "2026-11.part-0002", "2026-11.part-0003"]
    before = uids(path)
    first, second = (archive.archive_path(path, key) for key in ("2026-11.part-0001", "2026-11.part-0002"))
    theirs = json.loads(second.read_text())
    run_doc = json.loads(first.read_text())[TABLE]["2"]  # the run, held by part 1, not by this part
    theirs[TABLE]["2"] = {**run_doc, "practices": ["foam-roll"], "changed": {"practices": LATER}}
    journal_key, journal_doc = next(iter(json.loads(path.read_text())[TABLE].items()))
    theirs[TABLE][journal_key] = {**journal_doc, "note": "edited there", "changed": {"note": LATER}}
    theirs[TABLE]["3"] = NEW  # under a number another record has here
    copy = second.with_name(ENGINES[engine](second.name, NOW))
    copy.write_text(json.dumps(theirs))
    code, out, err = run(capsys, "history", "--json", "--journal", str(path))
    assert code == 0 and "Merged 3 record(s) from a copy made on another device (kept in merged/)." in err
    shown = json.loads(out)
    assert len({r["id"] for r in shown}) == len(shown) == len(before) + 1
    assert [r["practices"] for r in shown if r["type"] == "run"] == [["foam-roll"]]
    assert json.loads(first.read_text())[TABLE]["2"]["practices"] == ["foam-roll"]  # in the part that holds it
    assert next(r for r in shown if r["id"] == int(journal_key))["note"] == "edited there"
    assert [r["id"] for r in shown if r["note"] == "only in the copy"] == [max(r["id"] for r in shown)]
    assert not copy.exists() and (second.parent / "merged" / copy.name).exists()
    assert sorted(uids(path)) == sorted([*before, NEW["uid"]])
    code, out, _ = run(capsys, "doctor", "--journal", str(path))
    assert code == 0 and f"merged/{copy.name}" in out and "1 conflict copy(ies) merged" in out


def test_a_parts_copy_never_makes_a_part_larger_than_a_part(tmp_path) -> None:
    path = tmp_path / "journal.json"
    parted(path)
    full = archive.archive_path(path, "2026-11.part-0002")
    theirs = json.loads(full.read_text())
    new = {str(50_000 + n): {**NEW, "uid": f"copy-only-{n:04d}", "overall": n % 11} for n in range(600)}
    theirs[TABLE].update(new)
    full.with_name(ENGINES["syncthing"](full.name, NOW)).write_text(json.dumps(theirs))
    with Journal(path, now=lambda: NOW) as journal:
        assert len(journal.records()) == len(uids(path))
    for key in archive.archive_months(path):
        assert len(archive.read_archive(path, key)) <= rotation.PART_SIZE, key
    assert len(json.loads(path.read_text())[TABLE]) <= rotation.LIMIT  # rotated on by its rules
    assert sorted(uids(path)) == sorted(set(uids(path))) and {f"copy-only-{n:04d}" for n in range(600)} <= set(uids(path))


def test_parts_another_device_wrote_are_not_rotated_here_again(tmp_path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    write_crowded(a / "journal.json", 1_100)
    copy_folder(a, b)
    with Journal(b / "journal.json", now=lambda: NOW) as journal:
        journal.add_soreness(5, note="on B", when=NOW)  # B rotates 601 records into two parts
    archive.archive_folder(a / "journal.json").mkdir(mode=0o700)
    for part in archive.archive_folder(b / "journal.json").glob("*.part-*"):
        shutil.copyfile(part, archive.archive_folder(a / "journal.json") / part.name)  # they reach A
    with Journal(a / "journal.json", now=lambda: NOW) as journal:
        assert len(journal.records()) == 1_100
        journal.add_soreness(4, note="on A", when=NOW)  # A's rotation: the same records, A's same numbers
    found = uids(a / "journal.json")
    assert len(found) == len(set(found)) == 1_101
    assert archive.archive_months(a / "journal.json") == ["2026-11.part-0002", "2026-11.part-0001"]


def test_a_journals_copy_does_not_bring_back_what_this_device_rotated(tmp_path) -> None:
    a, b = tmp_path / "a", tmp_path / "b"
    write_crowded(a / "journal.json", rotation.LIMIT)
    copy_folder(a, b)
    with Journal(b / "journal.json", now=lambda: NOW) as journal:
        journal.record_practices(2, ["foam-roll"])  # B's journal still holds all 1,000
    with Journal(a / "journal.json", now=lambda: NOW) as journal:
        journal.add_soreness(4, note="on A", when=NOW)  # A rotates 501 into parts, the run among them
        ids_before = {r["uid"]: r["id"] for r in journal.records()}
    os.replace(b / "journal.json", a / ENGINES["dropbox"]("journal.json", NOW))
    with Journal(a / "journal.json", now=lambda: NOW) as journal:
        records = journal.records()
        assert "Merged 1 record(s) from a copy made on another device (kept in merged/)." in journal.notices
        for n in range(3):
            journal.add_soreness(n, when=NOW)
    assert {r["uid"]: r["id"] for r in records} == ids_before  # none renumbered, none added
    assert [r["practices"] for r in records if r["type"] == "run"] == [["foam-roll"]]
    assert "2" in archive.read_archive(a / "journal.json", "2026-11.part-0001")  # merged where it is
    assert len(json.loads((a / "journal.json").read_text())[TABLE]) == rotation.KEEP + 3
    found = uids(a / "journal.json")
    assert len(found) == len(set(found)) == rotation.LIMIT + 4


def test_a_rotation_another_device_left_half_done_is_not_finished_here(tmp_path) -> None:
    path = tmp_path / "journal.json"
    write_crowded(path, 300)
    theirs = json.loads(path.read_text())
    theirs["meta"]["1"]["rotation"] = {"2026-11.part-0001": [str(n) for n in range(1, 200)]}  # their numbers
    theirs[TABLE] = {"1": theirs[TABLE]["1"]}
    path.with_name(ENGINES["syncthing"](path.name, NOW)).write_text(json.dumps(theirs))
    with Journal(path, now=lambda: NOW) as journal:
        journal.add_soreness(2, when=NOW)
    assert archive.archive_months(path) == [] and len(uids(path)) == 301
    assert "rotation" not in json.loads(path.read_text())["meta"]["1"]

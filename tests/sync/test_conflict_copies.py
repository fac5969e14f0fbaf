"""Conflict copies a sync engine leaves are merged on open, by every command
that reads, and moved into merged/ (journal/sync/opening.py).

Without the merge, `history` showed one device's records and `doctor` said
"No problems found" beside a copy holding the other's."""

from __future__ import annotations

import json
import os
from datetime import timedelta

import pytest

from tests.core.cli_support import run
from tests.sync.folder import ENGINES, START, Clock, copy_folder, device, records_by_uid
from tui.core.common.paths import own_files_folder
from tui.core.journal import archive
from tui.core.journal.journal import Journal


@pytest.fixture
def two_devices(tmp_path):
    """A journal on A with a run, copied to B; then each device saves on its own."""
    a, b = tmp_path / "a", tmp_path / "b"
    clock = Clock()
    with device(a, clock) as journal:
        run_record = journal.add_run(START)
    copy_folder(a, b)
    with device(a, clock) as journal:
        journal.add_soreness(3, note="on A", when=START + timedelta(hours=1))
        journal.record_practices(run_record["id"], ["calf-raises"])
    with device(b, clock) as journal:  # B undoes the tick later than A made it
        journal.add_soreness(5, note="on B", when=START + timedelta(hours=2))
        journal.record_practices(run_record["id"], ["calf-raises"])
        journal.reopen_steps(run_record["id"], ["calf-raises"])
    return a, b


@pytest.mark.parametrize("engine", sorted(ENGINES))
def test_every_command_that_reads_merges_a_copy_and_keeps_it_in_merged(two_devices, capsys, engine):
    a, b = two_devices
    copy = a / ENGINES[engine]("journal.json", START)
    os.replace(b / "journal.json", copy)  # as the engine leaves it: B's version beside A's
    code, out, err = run(capsys, "history", "--json", "--journal", str(a / "journal.json"))
    assert code == 0
    notes = [record["note"] for record in json.loads(out) if record["type"] == "soreness"]
    assert sorted(notes) == ["on A", "on B"]
    assert "Merged 2 record(s) from a copy made on another device" in err  # B's rating and its run
    assert not copy.exists() and (own_files_folder(a / "journal.json") / "merged" / copy.name).exists()
    with Journal(a / "journal.json") as journal:
        by_uid = records_by_uid(journal)
    (run_record,) = [r for r in by_uid.values() if r["type"] == "run"]
    assert run_record["practices"] == []  # B's undo came later than A's tick
    assert [entry["value"] for entry in run_record["history"]] == [["calf-raises"]]
    assert len({r["id"] for r in by_uid.values()}) == 3  # B's rating got a number of its own
    code, out, err = run(capsys, "history", "--journal", str(a / "journal.json"))
    assert "Merged" not in err  # read once


def test_doctor_lists_what_was_merged(two_devices, capsys):
    a, b = two_devices
    os.replace(b / "journal.json", a / ENGINES["syncthing"]("journal.json", START))
    code, out, _ = run(capsys, "doctor", "--journal", str(a / "journal.json"))
    assert "note: Merged 2 record(s) from a copy made on another device" in out
    assert "1 conflict copy(ies) merged, kept in merged/:" in out
    assert "merged/journal.sync-conflict-20261206-073000-ABCDEFG.json" in out
    assert code == 0 and "No problems found." in out


def test_a_damaged_copy_is_left_where_it_is_and_doctor_says_so(two_devices, capsys):
    a, _ = two_devices
    copy = a / ENGINES["dropbox"]("journal.json", START)
    copy.write_text('{"records": {"1": {"type"')
    code, out, _ = run(capsys, "doctor", "--journal", str(a / "journal.json"))
    assert code == 1 and copy.exists() and not (own_files_folder(a / "journal.json") / "merged").exists()
    assert "The copy was left where it is, not merged." in out
    assert f"problem: the conflict copy {copy} (Dropbox, Nextcloud or ownCloud) is not merged" in out


def test_a_copy_of_an_archive_month_is_merged_into_it(tmp_path):
    clock = Clock(START - timedelta(days=90))
    path = tmp_path / "a" / "journal.json"
    with Journal(path, now=clock) as journal:
        old = journal.add_run(START - timedelta(days=90))
    with Journal(path, now=lambda: START) as journal:
        journal.add_soreness(2, when=START)  # the save that moves September to the archive
    month = archive.archive_path(path, "2026-09")
    assert month.exists()
    copy = month.with_name(ENGINES["nextcloud"](month.name, START))
    theirs = json.loads(month.read_text())
    theirs["records"][str(old["id"])].update(practices=["foam-roll"], changed={"practices": "2026-12-06T08:00:00.000000+00:00"})
    theirs["records"]["40"] = {"v": 1, "type": "soreness", "time": "2026-09-08T08:00:00+00:00", "overall": 4,
                               "areas": {}, "pain": [], "note": "only in the copy", "session": None,
                               "uid": "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"}
    copy.write_text(json.dumps(theirs))
    with Journal(path, now=lambda: START) as journal:
        records = journal.records()
        assert "Merged 2 record(s) from a copy made on another device (kept in merged/)." in journal.notices
    assert [r["practices"] for r in records if r["type"] == "run"] == [["foam-roll"]]
    assert "only in the copy" in [r.get("note") for r in records]
    assert (month.parent / "merged" / copy.name).exists() and not copy.exists()


def test_a_record_another_device_archived_under_another_number_is_archived_once(tmp_path):
    path = tmp_path / "journal.json"
    old = {"v": 1, "type": "soreness", "time": "2026-09-08T08:00:00+00:00", "overall": 4, "areas": {},
           "pain": [], "note": "archived there as #18, merged here as #20", "session": None,
           "uid": "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"}
    archive.archive_folder(path).mkdir(parents=True)
    archive.archive_path(path, "2026-09").write_text(json.dumps({"records": {"18": old}}))
    path.write_text(json.dumps({"records": {"20": old}, "meta": {"1": {"last_id": {"records": 20}, "uids": 1}}}))
    with Journal(path, now=lambda: START) as journal:
        journal.add_soreness(1, when=START)  # moves September to the archive
        notes = [r["note"] for r in journal.records()]
    assert notes.count(old["note"]) == 1
    assert list(json.loads(archive.archive_path(path, "2026-09").read_text())["records"]) == ["18"]


def test_a_copy_named_with_escape_sequences_is_shown_as_text(two_devices, capsys):
    a, b = two_devices
    copy = a / "journal (\x1b]0;owned\x07's conflicted copy 2026-12-06).json"
    os.replace(b / "journal.json", copy)
    code, out, _ = run(capsys, "doctor", "--journal", str(a / "journal.json"))
    assert code == 0 and "\x1b" not in out and "\x07" not in out
    assert "\\x1b]0;owned\\x07's conflicted copy" in out

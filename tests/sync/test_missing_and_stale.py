"""A journal a sync tool is replacing: briefly missing, or replaced during a
save. Neither may cost a record (journal/sync/missing.py, fresh.py).

Before: `log` with journal.json briefly gone started a new journal and said
"Saved ... as record #1"; a save whose file was replaced mid-save wrote back
the version it had read, dropping the one that had arrived."""

from __future__ import annotations

import json
import os
import threading
import time
from datetime import timedelta

import pytest

from tests.core.cli_support import run
from tests.sync.folder import START, Clock, records_by_uid
from tui.core.journal import storage as storage_module
from tui.core.journal.journal import Journal
from tui.core.journal.storage import SafeJSONStorage
from tui.core.journal.store.aside import move_aside
from tui.core.journal.sync import missing


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "data" / "journal.json"
    with Journal(path, now=Clock()) as journal:
        journal.add_soreness(3, note="first", when=START)  # the day's backup is made before it
        journal.add_soreness(4, note="second", when=START + timedelta(hours=1))
    return path


@pytest.fixture
def quick(monkeypatch):
    monkeypatch.setattr(missing, "WAIT_SECONDS", 0.5)


def test_a_missing_journal_beside_its_backups_is_reported_not_replaced(path, capsys, quick):
    away = path.with_name("elsewhere.json")
    os.replace(path, away)  # the sync tool has it
    code, _, err = run(capsys, "log", "--soreness", "3", "--journal", str(path))
    assert code == 1 and "is missing, but its folder holds the archive or backups of one" in err
    assert "Saved" not in err and not path.exists()
    code, out, _ = run(capsys, "history", "--journal", str(path))
    assert code == 1
    code, out, _ = run(capsys, "doctor", "--journal", str(path))
    assert code == 1 and "it is missing, but" in out


def test_a_journal_back_within_the_wait_is_the_one_saved_to(path, capsys, monkeypatch):
    away = path.with_name("elsewhere.json")
    os.replace(path, away)
    threading.Timer(0.3, os.replace, (away, path)).start()
    code, _, err = run(capsys, "log", "--soreness", "6", "--note", "third", "--journal", str(path))
    assert code == 0, err
    with Journal(path) as journal:
        assert sorted(r["note"] for r in journal.records()) == ["first", "second", "third"]


def test_a_new_folder_and_a_journal_moved_aside_still_start_afresh(tmp_path, path, capsys, quick):
    code, _, err = run(capsys, "log", "--soreness", "2", "--journal", str(tmp_path / "new" / "journal.json"))
    assert code == 0, err
    move_aside(path, START)  # "Move aside and start afresh"
    code, out, err = run(capsys, "log", "--soreness", "2", "--journal", str(path))
    assert code == 0 and "as record #3" in out  # never a number the old journal gave out


def test_a_version_that_arrives_during_a_save_is_kept_and_the_save_added(path, monkeypatch):
    other = json.loads(path.read_text())
    other["records"]["3"] = {**other["records"]["2"], "note": "from the other device", "uid": "0190a1b2-c3d4-7e5f-8a9b-0c1d2e3f4a5b"}
    real_stat = SafeJSONStorage._regular_file_stat
    arrived = []

    def sync_lands_before_the_write(self, doing):
        if doing == "write" and not arrived:  # the engine renames its version in after the save read
            arrived.append(True)
            landing = path.with_name(".syncthing.journal.json.tmp")
            landing.write_text(json.dumps(other))
            os.replace(landing, path)
        return real_stat(self, doing)

    with Journal(path, now=Clock()) as journal:
        journal.records()
        monkeypatch.setattr(SafeJSONStorage, "_regular_file_stat", sync_lands_before_the_write)
        saved = journal.add_soreness(5, note="mine", when=START + timedelta(hours=2))
        monkeypatch.setattr(SafeJSONStorage, "_regular_file_stat", real_stat)
        assert arrived and any("changed on disk during this save" in notice for notice in journal.notices)
    with Journal(path) as journal:
        by_uid = records_by_uid(journal)
    assert sorted(r["note"] for r in by_uid.values()) == ["first", "from the other device", "mine", "second"]
    assert by_uid[saved["uid"]]["id"] == saved["id"]  # the number the save reported is the one kept


def test_an_open_app_never_writes_back_the_journal_it_read(path):
    with Journal(path, now=Clock()) as app:
        app.records()  # the app shows the journal and stays open
        other = json.loads(path.read_text())
        other["records"]["9"] = {**other["records"]["1"], "note": "arrived", "uid": "0190a1b2-c3d4-7e5f-8a9b-000000000009"}
        time.sleep(0.01)
        landing = path.with_name(".syncthing.journal.json.tmp")
        landing.write_text(json.dumps(other))
        os.replace(landing, path)
        app.add_soreness(1, note="later", when=START + timedelta(hours=3))
    with Journal(path) as journal:
        assert sorted(r["note"] for r in journal.records()) == ["arrived", "first", "later", "second"]


def test_the_stale_check_reads_no_bytes_when_nothing_changed(path, monkeypatch):
    with Journal(path, now=Clock()) as journal:
        journal.records()
        calls = []
        real = storage_module.changed_since
        monkeypatch.setattr(storage_module, "changed_since", lambda *a: calls.append(a) or real(*a))
        journal.add_soreness(2, when=START + timedelta(hours=4))
    assert calls and all(seen.unchanged(st) for _, seen, st in calls)

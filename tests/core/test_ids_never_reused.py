"""Issue 12, item 1: an id is never given out twice, after a restore, after
"Move aside", or with writers and restores at once; an archive merge never
replaces a record with a different one."""

from __future__ import annotations

import json
from datetime import UTC, datetime
from pathlib import Path

import pytest

from tests.core.cli_support import run
from tui.core.journal import archive
from tui.core.journal.journal import Journal
from tui.core.journal.storage import JournalDB
from tui.core.journal.store.aside import move_aside
from tui.core.journal.store.errors import JournalCorruptError

NOW = "2026-12-02T08:00:00+00:00"
UTC = UTC


def every_record(folder: Path) -> dict[str, list[tuple[str, str]]]:
    """id -> [(file, note)] over the journal, its archive and journals moved aside."""
    found: dict[str, list[tuple[str, str]]] = {}
    months = archive.archive_folder(folder / "journal.json").glob("*.json")
    for path in [*folder.glob("journal.json*"), *months]:
        if path.name.endswith(".lock") or not path.is_file():
            continue
        for key, doc in json.loads(path.read_text()).get("records", {}).items():
            found.setdefault(key, []).append((path.name, doc.get("note")))
    return found


def test_restore_then_back_dated_records_keep_every_record(tmp_path, capsys, monkeypatch) -> None:
    """The issue's reproduction, step by step."""
    monkeypatch.setenv("RECOVERY_TUI_DATA_DIR", str(tmp_path))
    monkeypatch.setenv("RECOVERY_TUI_NOW", NOW)
    for args in (["--soreness", "1", "--note", "A"], ["--soreness", "2", "--note", "B"],
                 ["--soreness", "3", "--note", "C", "--date", "2026-08-15"]):
        assert run(capsys, "log", *args)[0] == 0
    code, out, _ = run(capsys, "doctor", "--restore", "latest", "--yes")
    assert code == 0
    for args in (["--soreness", "4", "--note", "D", "--date", "2026-08-20"],
                 ["--soreness", "5", "--note", "E", "--date", "2026-08-21"]):
        code, out, _ = run(capsys, "log", *args)
        assert code == 0, out

    code, out, _ = run(capsys, "export", "--format", "json")
    notes = {record["note"]: record["id"] for record in json.loads(out)}
    assert set(notes) == {"A", "C", "D", "E"}  # B lives on in journal.json.replaced-*
    assert notes["C"] == 3 and notes["D"] > 3 and notes["E"] > notes["D"]
    for key, places in every_record(tmp_path).items():
        assert len({note for _, note in places}) == 1, (key, places)
    assert (tmp_path / "journal.json.replaced-20261202-080000").exists()  # it was healthy


def test_move_aside_does_not_hide_archived_records(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    now = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
    with Journal(path, now=lambda: now) as journal:
        journal.add_soreness(1, note="kept in the journal")
        old = journal.add_soreness(2, note="archived", when=datetime(2026, 8, 15, 8, 0, tzinfo=UTC))
    assert archive.archive_months(path) == ["2026-08"]
    path.write_bytes(b'{"records": {"1": ')  # damaged
    move_aside(path, now)

    with Journal(path, now=lambda: now) as journal:
        new = journal.add_soreness(3, note="after the move", when=datetime(2026, 8, 16, 8, 0, tzinfo=UTC))
        assert new["id"] > old["id"]
        notes = sorted(record["note"] for record in journal.records())
    assert notes == ["after the move", "archived"]


def test_archive_merge_never_replaces_a_different_record(tmp_path: Path, capsys) -> None:
    path = tmp_path / "journal.json"
    now = datetime(2026, 12, 2, 8, 0, tzinfo=UTC)
    with Journal(path, now=lambda: now) as journal:
        journal.add_soreness(2, note="archived", when=datetime(2026, 8, 15, 8, 0, tzinfo=UTC))
    # a journal copied in by hand that knows nothing of id 1 in the archive
    path.write_text(json.dumps({"records": {"1": {
        "v": 1, "type": "soreness", "time": "2026-08-20T08:00:00+00:00", "overall": 4,
        "areas": {}, "pain": [], "note": "clashes", "session": None}}}))
    with Journal(path, now=lambda: now) as journal:
        moved = journal.archive_old_months()
        assert moved == 0
        assert any("already holds a different record with the same id" in n for n in journal.notices)
    assert every_record(tmp_path)["1"] == [("journal.json", "clashes"), ("journal-2026-08.json", "archived")]
    with pytest.raises(JournalCorruptError, match="Record #1 cannot move"):
        archive.write_month(path, "2026-08", json.loads(path.read_text())["records"])
    code, out, _ = run(capsys, "doctor", "--journal", str(path))
    assert code == 1 and "record #1 in the journal and record #1 in" in out and "both are kept" in out


def test_a_restored_journal_continues_above_every_id_given_out(tmp_path: Path) -> None:
    from tui.core.journal.backups import restore_backup
    from tui.core.journal.daily_backup import backup_path

    path = tmp_path / "journal.json"
    db = JournalDB(path, create_dirs=True)
    db.insert_multiple({"n": n} for n in range(5))
    db.close()
    backup = backup_path(path, datetime(2026, 12, 1).date())
    backup.parent.mkdir()
    backup.write_text(json.dumps({"_default": {"1": {"n": 0}}}))
    restore_backup(path, backup, datetime(2026, 12, 2, tzinfo=UTC))
    # the journal moved aside knew ids up to 5
    with JournalDB(path) as db:
        assert db.insert({"n": 9}) == 6

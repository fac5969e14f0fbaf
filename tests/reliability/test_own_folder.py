"""A journal among the runner's own files (`--journal ~/Documents/recovery.json`):
her folder keeps its mode and gets one entry, "recovery.json.d", which holds
the app's lock, backups and archive (issue 24, item 9)."""

from __future__ import annotations

import json
import os
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.core.cli_support import run
from tests.reliability.helpers import mode
from tests.ui.helpers import make_app, settle, settle_workers
from tui.core.journal.archive import archive_folder, archive_months
from tui.core.journal.daily_backup import backup_days, backup_folder
from tui.core.journal.journal import Journal

NOW = datetime(2024, 11, 22, 9, 12, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture
def documents(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """~/Documents, 0755, with one file of hers in it."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("RECOVERY_TUI_NOW", NOW.isoformat())
    folder = tmp_path / "home" / "Documents"
    folder.mkdir(parents=True)
    os.chmod(folder, 0o755)
    (folder / "letter.txt").write_text("hers")
    return folder


def entries(folder: Path) -> list[str]:
    return sorted(os.listdir(folder))


def test_log_and_history_leave_her_folder_as_it_was(documents: Path, capsys) -> None:
    journal = documents / "recovery.json"
    assert run(capsys, "log", "--soreness", "3", "--journal", str(journal))[0] == 0
    assert run(capsys, "log", "--soreness", "4", "--date", "2024-08-10T08:00", "--journal", str(journal))[0] == 0
    code, out, _ = run(capsys, "history", "--journal", str(journal))
    assert code == 0 and "10 Aug 2024" in out
    assert mode(documents) == 0o755
    assert entries(documents) == ["letter.txt", "recovery.json", "recovery.json.d"]
    own = documents / "recovery.json.d"
    assert mode(own) == 0o700 and mode(journal) == 0o600
    assert archive_folder(journal) == own / "archive" and archive_months(journal) == ["2024-08"]
    assert (own / "recovery.json.lock").is_file()


async def test_the_apps_open_leaves_her_folder_as_it_was(documents: Path) -> None:
    journal = documents / "recovery.json"
    app = make_app(journal_path=journal)
    async with app.run_test(size=(100, 30)) as pilot:
        await settle_workers(app)
        await pilot.press("l", "3", "enter")
        await settle(pilot)
    assert [(r["type"], r["overall"]) for r in Journal(journal).records()] == [("soreness", 3)]
    assert mode(documents) == 0o755
    assert entries(documents) == ["letter.txt", "recovery.json", "recovery.json.d"]


def test_a_loose_folder_of_hers_is_left_loose(documents: Path, capsys) -> None:
    os.chmod(documents, 0o775)
    assert run(capsys, "log", "--soreness", "3", "--journal", str(documents / "recovery.json"))[0] == 0
    assert mode(documents) == 0o775


def test_the_layout_from_before_stays_where_it_is_with_every_record(
        documents: Path, capsys) -> None:
    """Lock, backups/ and archive/ beside the journal, as the version before left them
    (made here with its lock file, which today's app then uses).
    They stay: moving them while another process may be writing by them lost saves,
    so every process keeps using them where they are (paths.own_files_folder)."""
    journal = documents / "recovery.json"
    (documents / "recovery.json.lock").touch(mode=0o600)  # as the version before made it
    with Journal(journal, now=lambda: NOW - timedelta(days=1)) as before:
        before.add_soreness(2, note="archived", when=datetime(2024, 8, 10, 8, 0, tzinfo=NOW.tzinfo))
        before.add_soreness(5, note="yesterday")
    with Journal(journal, now=lambda: NOW) as before:
        before.add_soreness(6, note="today")  # today's first save: another backup
    old_layout = ["archive", "backups", "letter.txt", "recovery.json", "recovery.json.lock"]
    assert entries(documents) == old_layout

    code, out, err = run(capsys, "log", "--soreness", "4", "--note", "now", "--journal", str(journal))
    assert code == 0 and "Moved" not in out + err
    assert entries(documents) == old_layout and mode(documents) == 0o755
    assert archive_folder(journal) == documents / "archive" and archive_months(journal) == ["2024-08"]
    assert backup_folder(journal) == documents / "backups"
    assert [day.isoformat() for day, _ in backup_days(journal)] == ["2024-11-22", "2024-11-21"]
    code, out, _ = run(capsys, "history", "--json", "--journal", str(journal))
    assert sorted(record["note"] for record in json.loads(out)) == ["archived", "now", "today", "yesterday"]

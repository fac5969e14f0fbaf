"""`recovery-tui doctor`: checks the journal, lists backups, restores one."""

from __future__ import annotations

import io
import json
import os
import shutil
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.reliability.helpers import child_env
from tui.cli import main
from tui.core.journal.daily_backup import backup_path, make_daily_backup
from tui.core.journal.journal import Journal


@pytest.fixture(autouse=True)
def in_the_data_folder(tmp_path, monkeypatch):
    """The journal here is in the app's data folder (elsewhere: test_own_folder.py)."""
    monkeypatch.setenv("RECOVERY_TUI_DATA_DIR", str(tmp_path / "data"))

NOW = datetime(2024, 11, 22, 9, 12, tzinfo=timezone(timedelta(hours=1)))
DAY = NOW.date()


@pytest.fixture(autouse=True)
def fixed_now(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("RECOVERY_TUI_NOW", NOW.isoformat())


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "journal.json"


def fill(path: Path, *overalls: int, backup_days: int = 0, keep_auto_backup: bool = False) -> None:
    """A journal, then exactly `backup_days` backups of it (the one the journal
    makes by itself on the day's first write is removed unless kept)."""
    with Journal(path, now=lambda: NOW) as journal:
        ended = NOW - timedelta(hours=2)
        journal.add_session("post-run", "Post-run stretches", ended - timedelta(minutes=10), ended,
                            True, 8, 0, 8, 600.0)
        for overall in overalls:
            journal.add_soreness(overall)
    if not keep_auto_backup:
        shutil.rmtree(path.parent / "journal.json.d" / "backups", ignore_errors=True)
    for n in range(backup_days):
        make_daily_backup(path, DAY - timedelta(days=n))


def doctor(capsys, path: Path, *argv: str) -> tuple[int, str, str]:
    code = main(["doctor", "--journal", str(path), *argv])
    out, err = capsys.readouterr()
    return code, out, err


def overalls(path: Path) -> list[int]:
    with Journal(path) as journal:
        return sorted(r["overall"] for r in journal.records() if r["type"] == "soreness")


def test_healthy_journal_and_backups(capsys, path: Path) -> None:
    fill(path, 2, 3, backup_days=2, keep_auto_backup=True)
    code, out, err = doctor(capsys, path)
    assert (code, err) == (0, "")
    folder = path.parent / "journal.json.d" / "backups"
    assert out == (
        f"Journal: {path}\n"
        "  3 good record(s): 1 session, 2 soreness\n"
        "  modes: file 0600, folder 0700\n"
        f"Backups in {folder}:\n"
        # the day's backup was made by the journal itself before its second write
        "  2024-11-22      1 record(s)  ok\n"
        "  2024-11-21      3 record(s)  ok\n"
        "No problems found.\n"
    )


def test_no_journal_yet(capsys, path: Path) -> None:
    code, out, _ = doctor(capsys, path)
    assert code == 0 and "not created yet" in out and "none yet" in out
    assert not path.parent.exists()


def test_loose_modes_are_tightened_with_a_notice(capsys, path: Path) -> None:
    fill(path, 2)
    os.chmod(path, 0o644)
    code, out, _ = doctor(capsys, path)
    assert code == 0
    assert f"  note: Tightened permissions of {path} to 0600 (was 0644).\n" in out
    assert "  modes: file 0600, folder 0700\n" in out


def test_problems_are_listed_and_exit_1(capsys, path: Path) -> None:
    fill(path, 2, backup_days=2)
    data = json.loads(path.read_text())
    data["records"]["2"]["overall"] = "very"
    path.write_text(json.dumps(data))
    backup_path(path, DAY).write_bytes(b"")
    os.chmod(backup_path(path, DAY - timedelta(days=1)), 0o644)
    code, out, err = doctor(capsys, path)
    assert code == 1 and err == ""
    assert "  1 good record(s): 1 session\n" in out
    assert f"  problem: Record #2 in {path} was skipped: field 'overall'" in out
    assert f"  2024-11-22  unreadable: The journal at {backup_path(path, DAY)} is empty (0 bytes)" in out
    assert "has mode 0644; others may read it" in out
    assert out.endswith("3 problem(s) found.\n")


def test_damaged_journal_points_to_restore(capsys, path: Path) -> None:
    fill(path, 2, backup_days=1)
    path.write_bytes(b'{"records": {"1": {')
    code, out, err = doctor(capsys, path)
    assert err == ""
    assert code == 1
    assert f"  problem: The journal at {path} is not valid JSON" in out
    assert "recovery-tui doctor --restore latest" in out
    assert path.read_bytes() == b'{"records": {"1": {'


def test_restore_latest_with_yes(capsys, path: Path) -> None:
    fill(path, 2, backup_days=3)
    backup_path(path, DAY).write_bytes(b"[]")  # the newest is damaged: the next one is used
    path.write_bytes(b"\xff")
    code, out, err = doctor(capsys, path, "--restore", "latest", "--yes")
    assert (code, err) == (0, "")
    moved = path.with_name("journal.json.corrupt-20241122-091200")
    assert out == (f"Restored the journal at {path} from {backup_path(path, DAY - timedelta(days=1))} "
                   f"(2 record(s)).\nThe previous journal is kept at {moved}.\n")
    assert moved.read_bytes() == b"\xff" and overalls(path) == [2]
    assert doctor(capsys, path)[0] == 1  # the damaged backup is still reported


@pytest.mark.parametrize("how", ["date", "file"])
def test_restore_a_chosen_backup(capsys, path: Path, how: str) -> None:
    fill(path, 2, backup_days=1)
    with Journal(path, now=lambda: NOW) as journal:
        journal.add_soreness(7)
    chosen = str(DAY) if how == "date" else str(backup_path(path, DAY))
    assert doctor(capsys, path, "--restore", chosen, "--yes")[0] == 0
    assert overalls(path) == [2]


def test_restore_needs_yes_without_a_terminal(capsys, path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    fill(path, 2, backup_days=1)
    before = path.read_bytes()
    monkeypatch.setattr(sys, "stdin", io.StringIO("y\n"))
    code, out, err = doctor(capsys, path, "--restore", "latest")
    assert code == 2 and out == "" and err.count("\n") == 1 and "add --yes" in err
    assert path.read_bytes() == before


class FakeTerminal(io.StringIO):
    def isatty(self) -> bool:
        return True


@pytest.mark.parametrize("answer, code, restored", [("y\n", 0, True), ("n\n", 1, False), ("", 1, False)])
def test_restore_asks_on_a_terminal(capsys, path, monkeypatch, answer, code, restored) -> None:
    fill(path, 2, backup_days=1)
    with Journal(path, now=lambda: NOW) as journal:
        journal.add_soreness(7)
    monkeypatch.setattr(sys, "stdin", FakeTerminal(answer))
    result, out, _ = doctor(capsys, path, "--restore", "latest")
    assert result == code
    assert out.startswith(f"Replace the journal at {path} with {backup_path(path, DAY)} (2 record(s))?")
    assert overalls(path) == ([2] if restored else [2, 7])


@pytest.mark.parametrize("choice, message", [
    ("latest", "There is no readable backup of the journal at"),
    ("2024-11-01", "there is no backup at"),
    ("2024-11-22", "is empty (0 bytes)"),
])
def test_restore_errors_are_one_line_and_change_nothing(capsys, path, choice, message) -> None:
    fill(path, 2)
    backup_path(path, DAY).parent.mkdir()
    backup_path(path, DAY).write_bytes(b"")
    before = path.read_bytes()
    code, out, err = doctor(capsys, path, "--restore", choice, "--yes")
    assert code in (1, 2) and out == "" and err.count("\n") == 1 and message in err
    assert path.read_bytes() == before


def test_as_a_real_process_without_textual(path: Path) -> None:
    fill(path, 2, backup_days=1)
    path.write_bytes(b"")
    code = ("import sys, tui.cli\n"
            "code = tui.cli.main(sys.argv[1:])\n"
            "assert not {'textual', 'rich'} & set(sys.modules)\n"
            "sys.exit(code)\n")
    done = subprocess.run([sys.executable, "-c", code, "doctor", "--journal", str(path)],
                          capture_output=True, text=True, env=child_env(), stdin=subprocess.DEVNULL)
    assert done.returncode == 1 and "Traceback" not in done.stderr + done.stdout, done.stderr
    assert "is empty (0 bytes)" in done.stdout
    done = subprocess.run([sys.executable, "-c", code, "doctor", "--journal", str(path), "--restore", "latest"],
                          capture_output=True, text=True, env=child_env(), stdin=subprocess.DEVNULL)
    assert done.returncode == 2 and "add --yes" in done.stderr
    done = subprocess.run([sys.executable, "-c", code, "doctor", "--journal", str(path), "--restore", "latest",
                           "--yes"], capture_output=True, text=True, env=child_env(), stdin=subprocess.DEVNULL)
    assert done.returncode == 0, done.stderr
    assert overalls(path) == [2]


def test_archive_months_are_checked_one_by_one(capsys, path: Path) -> None:
    from tui.core.journal import archive

    with Journal(path, now=lambda: NOW) as journal:
        for days in (100, 70, 1):
            journal.add_soreness(days % 11, when=NOW - timedelta(days=days))
    assert archive.archive_months(path) == ["2024-09", "2024-08"]
    code, out, _ = doctor(capsys, path)
    assert code == 0
    assert f"Archive in {path.parent / 'journal.json.d' / 'archive'}: 2 month(s), 2024-08 to 2024-09\n  2 good record(s)\n" in out
    damaged = archive.archive_path(path, "2024-08")
    damaged.write_bytes(b"{")
    code, out, _ = doctor(capsys, path)
    assert code == 1
    assert f"  problem: The archive file at {damaged} is not valid JSON" in out
    assert "  1 good record(s)\n" in out and damaged.read_bytes() == b"{"

"""File modes end to end: `recovery-tui log` under umask 000 and 022 leaves
the data folder 0700 and every file in it 0600 (journal, lock, backups once
they are made), also after a second write; a loose journal is tightened with
a notice. (tests/core/test_storage.py checks the storage layer itself and
test_backups.py the backups.)"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.helpers import child_env, mode, temp_files
from tui import cli
from tui.core.common import atomic as storage_mod


@pytest.fixture(autouse=True)
def in_the_data_folder(tmp_path, monkeypatch):
    """The journal here is in the app's data folder (elsewhere: test_own_folder.py)."""
    monkeypatch.setenv("RECOVERY_TUI_DATA_DIR", str(tmp_path / "data"))

NOW = "2024-11-22T09:12:00+01:00"


def log(path: Path, umask: int, rating: int = 3) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", "log", "--soreness", str(rating), "--journal", str(path)],
                          capture_output=True, text=True, umask=umask, timeout=60,
                          env=child_env(RECOVERY_TUI_NOW=NOW))


def modes(folder: Path) -> dict[str, int]:
    return {str(p.relative_to(folder.parent)): mode(p) for p in [folder, *folder.rglob("*")]}


@pytest.mark.parametrize("umask", [0o000, 0o022], ids=["umask-000", "umask-022"])
def test_log_keeps_everything_private(tmp_path: Path, umask: int) -> None:
    path = tmp_path / "new" / "data" / "journal.json"
    for rating in (3, 4):  # two different ratings: the same one twice in a minute gets a warning
        done = log(path, umask, rating)
        assert (done.returncode, done.stderr) == (0, "")
        found = modes(path.parent)
        assert found == {name: 0o700 if (tmp_path / "new" / name).is_dir() else 0o600 for name in found}
        # outside the data folder: the app's own files in a folder of their own, made 0700
        assert {"data/journal.json", "data/journal.json.d/journal.json.lock"} <= set(found)
        assert temp_files(path.parent) == []


@pytest.mark.parametrize("umask", [0o000, 0o022], ids=["umask-000", "umask-022"])
def test_log_writes_through_a_private_temp_file(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys, umask: int
) -> None:
    temp_modes = []
    real_replace = storage_mod.replace

    def spy(src: Path, dst: Path) -> None:
        temp_modes.append(mode(src))
        real_replace(src, dst)

    monkeypatch.setattr(storage_mod, "replace", spy)
    monkeypatch.setenv("RECOVERY_TUI_NOW", NOW)
    old = os.umask(umask)
    try:
        assert cli.main(["log", "--soreness", "3", "--journal", str(tmp_path / "d" / "journal.json")]) == 0
    finally:
        os.umask(old)
    assert temp_modes == [0o600]


def test_loose_journal_is_tightened_with_a_notice(tmp_path: Path) -> None:
    path = tmp_path / "data" / "journal.json"
    assert log(path, 0o022).returncode == 0
    os.chmod(path, 0o644)
    os.chmod(path.parent, 0o755)
    done = log(path, 0o022)
    assert done.returncode == 0
    assert f"recovery-tui: note: Tightened permissions of {path} to 0600 (was 0644).\n" in done.stderr
    assert f"recovery-tui: note: Tightened permissions of {path.parent} to 0700 (was 0755).\n" in done.stderr
    assert mode(path) == 0o600 and mode(path.parent) == 0o700

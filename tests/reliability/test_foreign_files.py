"""Issue 12, items 6, 7 and 9: files that are not ours are never changed.

A refused file keeps its mode, its folder keeps its mode and nothing is made
beside it; links inside the data folder are never followed; a journal on a
read-only mount can still be read.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.cli_support import run
from tests.reliability.helpers import child_env, mode
from tui.crash import write_crash_log

NOW = "2026-12-02T08:00:00+00:00"


@pytest.fixture
def data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    monkeypatch.setenv("RECOVERY_TUI_DATA_DIR", str(folder))
    monkeypatch.setenv("RECOVERY_TUI_NOW", NOW)
    return folder


@pytest.fixture
def elsewhere(tmp_path: Path) -> Path:
    """A folder outside the data folder that links point to."""
    folder = tmp_path / "elsewhere"
    folder.mkdir()
    os.chmod(folder, 0o755)
    (folder / "precious.txt").write_text("not the app's")
    os.chmod(folder / "precious.txt", 0o644)
    (folder / ".journal.json.tmp-1").write_text("also not the app's")
    return folder


def untouched(folder: Path) -> None:
    assert mode(folder) == 0o755
    assert mode(folder / "precious.txt") == 0o644
    assert (folder / "precious.txt").read_text() == "not the app's"
    assert (folder / ".journal.json.tmp-1").read_text() == "also not the app's"


# -- item 6 ---------------------------------------------------------------------------


@pytest.mark.parametrize("kind", ["text", "fifo", "json-array"])
def test_refusing_a_file_does_not_change_it(tmp_path: Path, capsys, kind: str) -> None:
    folder = tmp_path / "notes"
    folder.mkdir()
    os.chmod(folder, 0o755)
    path = folder / "notes.txt"
    if kind == "fifo":
        os.mkfifo(path)
    else:
        path.write_text("shopping: eggs" if kind == "text" else "[1, 2]")
    os.chmod(path, 0o644)
    for argv in (["history"], ["export", "--format", "json"], ["log", "--soreness", "3"]):
        code, out, err = run(capsys, *argv, "--journal", str(path))
        assert code == 1 and out == "" and str(path) in err, (argv, err)
    assert mode(path) == 0o644 and mode(folder) == 0o755
    assert sorted(p.name for p in folder.iterdir()) == ["notes.txt"]


def test_refusing_dev_null_changes_nothing_in_dev(capsys) -> None:
    """As root this once set /dev to 0700; run only against the fixed code."""
    before = os.stat("/dev")
    for argv in (["history"], ["log", "--soreness", "3"]):
        code, out, err = run(capsys, *argv, "--journal", "/dev/null")
        assert code == 1 and out == "" and "/dev/null is not a regular file" in err, err
    after = os.stat("/dev")
    assert (after.st_mode, after.st_uid) == (before.st_mode, before.st_uid)
    assert not os.path.lexists("/dev/null.lock")


# -- item 7 ---------------------------------------------------------------------------


def test_a_linked_lock_file_is_replaced_and_its_target_untouched(data: Path, elsewhere: Path, capsys) -> None:
    (data / "journal.json.lock").symlink_to(elsewhere / "precious.txt")
    code, _, err = run(capsys, "log", "--soreness", "3")
    assert code == 0, err
    assert not (data / "journal.json.lock").is_symlink() and mode(data / "journal.json.lock") == 0o600
    untouched(elsewhere)


def test_a_linked_crash_log_is_replaced_and_its_target_untouched(data: Path, elsewhere: Path) -> None:
    log = data / "crash.log"
    log.symlink_to(elsewhere / "precious.txt")
    try:
        raise RuntimeError("boom")
    except RuntimeError as error:
        assert write_crash_log(error, log) == log
    assert not log.is_symlink() and "RuntimeError: boom" in log.read_text() and mode(log) == 0o600
    untouched(elsewhere)


@pytest.mark.parametrize("folder", ["backups", "archive"])
def test_a_linked_folder_is_refused_and_never_followed(data: Path, elsewhere: Path, capsys, folder: str) -> None:
    (data / "journal.json.d").mkdir(mode=0o700)  # the app's folder for the journal (paths.own_files_folder)
    (data / "journal.json.d" / folder).symlink_to(elsewhere, target_is_directory=True)
    results = [run(capsys, "log", "--soreness", "3", "--note", "today"),
               run(capsys, "log", "--soreness", "4", "--date", "2026-08-15", "--note", "old"),
               run(capsys, "history")]
    untouched(elsewhere)
    assert sorted(p.name for p in elsewhere.iterdir()) == [".journal.json.tmp-1", "precious.txt"]
    if folder == "backups":  # a backup is housekeeping: the saves go on
        assert [code for code, _, _ in results] == [0, 0, 0]
        assert "today" in results[2][1] and "old" in results[2][1]
    else:  # the archive is part of the journal: refused, saying why
        for code, out, err in results:
            assert code == 1 and out == "" and f"{data / 'journal.json.d' / 'archive'} is a symbolic link" in err, err


def test_the_journal_itself_may_be_a_link(tmp_path: Path, capsys) -> None:
    real = tmp_path / "real" / "journal.json"
    real.parent.mkdir()
    link = tmp_path / "journal.json"
    link.symlink_to(real)
    assert run(capsys, "log", "--soreness", "3", "--journal", str(link))[0] == 0
    assert run(capsys, "log", "--soreness", "4", "--journal", str(link))[0] == 0
    assert link.is_symlink() and real.is_file()
    assert run(capsys, "history", "--journal", str(link))[0] == 0


# -- item 9 ---------------------------------------------------------------------------


def read_only_run(folder: Path, *argv: str) -> subprocess.CompletedProcess:
    """`recovery-tui ARGV --journal folder/journal.json` with `folder` mounted read-only."""
    command = " ".join([sys.executable, "-m", "tui", *argv, "--journal", str(folder / "journal.json")])
    script = f"mount --bind -o ro {folder} {folder} && exec {command}"
    return subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True,
                          env=child_env(RECOVERY_TUI_NOW=NOW), timeout=60)


def test_a_journal_on_a_read_only_mount_can_be_read(data: Path, capsys) -> None:
    assert run(capsys, "log", "--soreness", "3", "--note", "Füße")[0] == 0
    (data / "journal.json.d" / "journal.json.lock").unlink()  # as if copied onto the read-only medium without it
    probe = subprocess.run(["unshare", "-m", "sh", "-c", f"mount --bind -o ro {data} {data}"],
                           capture_output=True, text=True)
    assert probe.returncode == 0, f"this test needs unshare and CAP_SYS_ADMIN (CI runs as root): {probe.stderr}"
    before = {p.name: p.read_bytes() for p in data.rglob("*") if p.is_file()}
    for argv in (("history",), ("export", "--format", "csv"), ("doctor",)):
        done = read_only_run(data, *argv)
        assert done.returncode == 0 and "Traceback" not in done.stderr, (argv, done.stdout, done.stderr)
        assert "Füße" in done.stdout or argv == ("doctor",), done.stdout
    done = read_only_run(data, "log", "--soreness", "4")
    assert done.returncode == 1 and done.stdout == ""
    assert done.stderr.count("\n") == 1 and "read-only file system" in done.stderr, done.stderr
    assert {p.name: p.read_bytes() for p in data.rglob("*") if p.is_file()} == before


def test_the_crash_log_keeps_earlier_crashes_and_leaves_no_temp_file(data: Path) -> None:
    log = data / "crash.log"
    for word in ("first", "second"):
        try:
            raise RuntimeError(word)
        except RuntimeError as error:
            assert write_crash_log(error, log) == log
    text = log.read_text()
    assert text.count("--- ") == 2 and text.index("RuntimeError: first") < text.index("RuntimeError: second")
    assert mode(log) == 0o600 and not [p for p in data.iterdir() if ".tmp-" in p.name]

"""Issue 12, item 8: readers of TOML read only regular files of at most 1 MB.

Each case runs in a child process with a time limit and a memory cap, so the
old behaviour (a FIFO hangs the reader, /dev/zero fills memory) fails the test
instead of the machine.
"""

from __future__ import annotations

import os
import resource
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.helpers import child_env
from tui.core.common.errors import DataFileError
from tui.core.common.tomlfile import MAX_BYTES, read_toml

MEMORY_CAP = 1 << 30


def cap_memory() -> None:
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_CAP, MEMORY_CAP))


def cli(config: Path, *argv: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "tui", *argv], capture_output=True, text=True,
                          timeout=30, preexec_fn=cap_memory, stdin=subprocess.DEVNULL,
                          env=child_env(RECOVERY_TUI_CONFIG_DIR=str(config),
                                        RECOVERY_TUI_DATA_DIR=str(config / "data")))


def make(path: Path, kind: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    if kind == "fifo":
        os.mkfifo(path)
    elif kind == "zero":
        path.symlink_to("/dev/zero")
    else:  # big: valid TOML, just too much of it
        path.write_text('id = "big"\n' + "# padding\n" * (MAX_BYTES // 10 + 1))


REASONS = {"fifo": "is not a regular file", "zero": "is not a regular file", "big": "is too big to be read"}


@pytest.mark.parametrize("kind", ["fifo", "zero", "big"])
def test_a_bad_routine_file_is_reported_and_the_rest_listed(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "routines" / "x.toml"
    make(path, kind)
    done = cli(tmp_path, "routines")
    assert done.returncode == 1 and "Traceback" not in done.stderr
    assert str(path) in done.stderr and REASONS[kind] in done.stderr, done.stderr
    assert "post-run" in done.stdout  # the built-in routines are still there


@pytest.mark.parametrize("kind", ["fifo", "zero", "big"])
def test_a_bad_plan_file_is_reported(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "plan.toml"
    make(path, kind)
    done = cli(tmp_path, "plan")
    assert "Traceback" not in done.stderr
    assert str(path) in done.stdout + done.stderr and REASONS[kind] in done.stdout + done.stderr


@pytest.mark.parametrize("kind", ["fifo", "zero", "big"])
def test_a_bad_settings_file_gives_defaults_and_one_error(tmp_path: Path, kind: str) -> None:
    path = tmp_path / "settings.toml"
    make(path, kind)
    code = ("import sys; from pathlib import Path; from tui.core.common.settings import load_settings, Settings; "
            f"s, e = load_settings(Path({str(path)!r})); assert s == Settings(); print(*e, sep='\\n')")
    done = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=30,
                          preexec_fn=cap_memory, env=child_env())
    assert done.returncode == 0, done.stderr
    assert done.stdout.strip().startswith(f"{path}: ") and REASONS[kind] in done.stdout, done.stdout


def test_a_file_just_under_the_cap_is_read(tmp_path: Path) -> None:
    path = tmp_path / "ok.toml"
    path.write_text('id = "ok"\n' + "#\n" * ((MAX_BYTES - 20) // 2))
    assert read_toml(path) == {"id": "ok"}
    with pytest.raises(DataFileError, match="is a folder"):
        read_toml(tmp_path)

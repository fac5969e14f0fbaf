"""Crashes and signals in a real process: a short message, exit status, journal intact."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

from tui.core.journal.journal import Journal

SECRET = "PLANTED-PRIVATE-NOTE-7f3a"

CRASHING_APP = textwrap.dedent(
    """
    import sys
    import tui.app
    from tui.core.journal.journal import Journal
    from tui.screens.home import HomeScreen

    def explode(self):
        note = Journal(sys.argv[1]).records()[0]["note"]  # a private note, held in a local
        raise RuntimeError("boom in a handler")

    def mount_then_explode(self):
        original(self)
        self.set_timer(0.2, lambda: explode(self))

    original = HomeScreen.on_mount
    HomeScreen.on_mount = mount_then_explode
    run = tui.app.RecoveryApp.run
    tui.app.RecoveryApp.run = lambda self, **kw: run(self, headless=True, size=(80, 24))
    import tui.cli
    sys.exit(tui.cli.main(["--journal", sys.argv[1]]))
    """
)


def run_crashing_app(path: Path, script: str = CRASHING_APP) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-c", script, str(path)],
        capture_output=True, text=True, timeout=60, stdin=subprocess.DEVNULL,
    )


def journal_with_secret(path: Path) -> bytes:
    Journal(path).add_soreness(3, {"calves": 4}, note=SECRET)
    return path.read_bytes()


@pytest.mark.slow
def test_exception_in_a_handler_exits_1_with_a_short_message(tmp_path, isolated_user_dirs):
    path = tmp_path / "journal.json"
    before = journal_with_secret(path)
    result = run_crashing_app(path)
    output = result.stdout + result.stderr
    assert result.returncode == 1
    assert "unexpected error" in output
    log = isolated_user_dirs / "data" / "recovery-tui" / "crash.log"
    assert str(log) in output
    assert SECRET not in output and "Traceback" not in output
    assert "boom in a handler" in log.read_text() and "in explode" in log.read_text()
    assert SECRET not in log.read_text()  # no local variables in the log either
    assert oct(log.stat().st_mode & 0o777) == "0o600"
    assert path.read_bytes() == before


@pytest.mark.slow
def test_without_the_catcher_textual_would_print_locals(tmp_path):
    """The control: stock Textual shows local variables, so the test above can fail."""
    stock = ("import tui.app, tui.crash, rich.console\n"
             "class StockConsole:\n"
             "    console, report = rich.console.Console(stderr=True), ''\n"
             "tui.crash.CrashCatcher = StockConsole\n")
    script = CRASHING_APP.replace("import tui.app\n", stock, 1)
    path = tmp_path / "journal.json"
    journal_with_secret(path)
    result = run_crashing_app(path, script)
    assert SECRET in result.stdout + result.stderr


@pytest.mark.slow
def test_without_the_filter_the_log_would_hold_locals(tmp_path, isolated_user_dirs):
    """The control for the log: Textual's report has the locals, and the filter takes them out."""
    script = CRASHING_APP.replace("import tui.app\n", "import tui.app, tui.crash\ntui.crash.without_locals = str\n", 1)
    path = tmp_path / "journal.json"
    journal_with_secret(path)
    run_crashing_app(path, script)
    assert SECRET in (isolated_user_dirs / "data" / "recovery-tui" / "crash.log").read_text()


def test_locals_panels_are_left_out_even_when_a_value_holds_a_corner():
    report = "\n".join([
        "╭──── Traceback ────╮",
        "│ app.py:8 in explode │",
        "│ ╭──── locals ────╮ │",
        "│ │ note = '╰ x'   │ │",
        "│ │ other = 'y'    │ │",
        "│ ╰────────────────╯ │",
        "╰───────────────────╯",
        "RuntimeError: boom",
    ])
    from tui.crash import without_locals

    kept = without_locals(report)
    assert "note" not in kept and "other" not in kept and "locals" not in kept
    assert kept.splitlines() == ["╭──── Traceback ────╮", "│ app.py:8 in explode │", "╰───────────────────╯",
                                 "RuntimeError: boom"]


def app_pid(marker: str, deadline: float) -> int:
    while time.monotonic() < deadline:
        found = subprocess.run(["pgrep", "-f", marker], capture_output=True, text=True).stdout.split()
        pids = [int(p) for p in found if int(p) != os.getpid()]
        for pid in pids:
            cmdline = Path(f"/proc/{pid}/cmdline").read_bytes()
            if b"tui" in cmdline and b"tmux" not in cmdline and b"sh\x00-c" not in cmdline:
                return pid
        time.sleep(0.05)
    raise AssertionError("the app did not start")


@pytest.mark.slow
@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGHUP])
def test_signal_during_a_routine_saves_a_partial_session_and_restores_the_terminal(tmp_path, signum):
    path = tmp_path / "journal.json"
    done = tmp_path / "after.txt"
    session = f"sig{signum}-{os.getpid()}"
    config = tmp_path / "config"
    config.mkdir()
    # No get-ready: the signal comes during a hold (a start left in the first
    # get-ready records nothing; see test_session_rules.py).
    (config / "settings.toml").write_text("get_ready_seconds = 0\n")
    command = (
        f"RECOVERY_TUI_CONFIG_DIR={config} "
        f"{sys.executable} -m tui --journal {path} start legs-up-the-wall; "
        f"echo rc=$? > {done}; stty -a >> {done}"
    )
    subprocess.run(["tmux", "new-session", "-d", "-s", session, "-x", "100", "-y", "30", "sh", "-c", command], check=True)
    try:
        pid = app_pid(str(path), time.monotonic() + 20)
        deadline = time.monotonic() + 20
        while "Legs up the wall" not in subprocess.run(
            ["tmux", "capture-pane", "-p", "-t", session], capture_output=True, text=True
        ).stdout:
            assert time.monotonic() < deadline, "the session never appeared"
            time.sleep(0.1)
        time.sleep(1.0)
        sent = time.monotonic()
        os.kill(pid, signum)
        while not done.exists() or "rc=" not in done.read_text():
            assert time.monotonic() - sent < 2.0, "the app did not end within 2 s"
            time.sleep(0.02)
        while "speed" not in done.read_text():  # then stty's lines, written just after
            assert time.monotonic() - sent < 10.0, "stty wrote nothing"
            time.sleep(0.02)
    finally:
        subprocess.run(["tmux", "kill-session", "-t", session], capture_output=True)
    after = done.read_text()
    assert f"rc={128 + signum}" in after
    assert " icanon" in after and " echo" in after  # cooked mode again: terminal restored
    (record,) = Journal(path).records()
    assert record["type"] == "session" and record["completed"] is False
    assert record["routine_id"] == "legs-up-the-wall"

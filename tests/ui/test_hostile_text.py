"""Escape sequences in the journal or in file names are shown, never sent:
History's rows, home's notice and its list of broken files, notifications,
and (in a real terminal, under tmux) the window title stays as it was."""

from __future__ import annotations

import os
import re
import subprocess
import sys
import time
from datetime import timedelta
from pathlib import Path

import pytest
from textual.widgets import DataTable, Static

from tests.ui.helpers import FIXED_NOW, make_app, settle
from tui.core.journal.journal import Journal
from tui.screens.history import HistoryScreen

HOSTILE = "A\x1b]0;PWNED\x07B\x1b]52;c;aGVsbG8=\x07C\x1b[2JD\x9b31mE\x7fF"
CONTROL = re.compile(r"[\x00-\x09\x0b-\x1f\x7f-\x9f]")


def hostile_journal(path, hours_ago: float = 20) -> None:
    with Journal(path) as journal:
        ended = FIXED_NOW - timedelta(hours=hours_ago)
        journal.add_session("post-run-stretches", HOSTILE, ended - timedelta(minutes=13), ended,
                            True, 8, 0, 8, 780)
        journal.add_soreness(3, {"calves": 4}, note=HOSTILE, when=ended - timedelta(days=3))


async def test_history_rows_show_control_characters_as_escapes(tmp_path):
    hostile_journal(tmp_path / "journal.json")
    app = make_app(journal_path=tmp_path / "journal.json")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one(DataTable)
        cells = [str(cell) for row in range(table.row_count) for cell in table.get_row_at(row)]
        assert not any(CONTROL.search(cell) for cell in cells), cells
        assert any(r"\x1b]0;PWNED\x07" in cell for cell in cells)
    assert Journal(tmp_path / "journal.json").records()[0]["routine_name"] == HOSTILE


async def test_home_notice_quotes_a_routine_name_without_controls(tmp_path):
    hostile_journal(tmp_path / "journal.json")
    app = make_app(journal_path=tmp_path / "journal.json")
    async with app.run_test(size=(120, 30)) as pilot:
        await pilot.pause()
        await settle(pilot)
        notice = app.screen.query_one("#home-notices", Static)
        text = str(notice.render())
        assert "How do your legs feel today?" in text and r"\x1b]0;PWNED\x07" in text
        assert CONTROL.search(text) is None


async def test_broken_file_names_and_notifications_are_shown_as_escapes(tmp_path):
    folder = tmp_path / "routines"
    folder.mkdir()
    (folder / "evil\x1b]0;PWNED\x07.toml").write_text("id = ", encoding="utf-8")
    app = make_app(user_dir=folder, startup_problems=[f"settings: theme {HOSTILE}"])
    async with app.run_test(size=(120, 30), notifications=True) as pilot:
        await pilot.pause()
        await pilot.pause()
        errors = str(app.screen.query_one("#load-errors", Static).render())
        assert r"evil\x1b]0;PWNED\x07.toml" in errors and CONTROL.search(errors) is None
        shown = [str(toast.render()) for toast in app.screen.query("Toast")]
        assert any(r"\x1b]0;PWNED\x07" in text for text in shown), shown
        assert not any(CONTROL.search(text) for text in shown)


@pytest.mark.slow
def test_the_terminal_title_is_not_changed_by_a_note(tmp_path):
    """The real app in tmux: before the fix, opening History retitled the window."""
    path = tmp_path / "journal.json"
    hostile_journal(path)
    socket = f"rtui-title-{os.getpid()}"
    tmux = ["tmux", "-L", socket]
    env = dict(os.environ, RECOVERY_TUI_DATA_DIR=str(tmp_path), RECOVERY_TUI_CONFIG_DIR=str(tmp_path))
    subprocess.run([*tmux, "new-session", "-d", "-x", "120", "-y", "30",
                    f"{sys.executable} -m tui --journal {path}"], check=True, env=env)
    try:
        def screen() -> str:
            return subprocess.run([*tmux, "capture-pane", "-p"], capture_output=True, text=True).stdout

        def wait_for(text: str) -> None:
            deadline = time.monotonic() + 20
            while text not in screen():
                assert time.monotonic() < deadline, f"never showed {text!r}:\n{screen()}"
                time.sleep(0.1)

        wait_for("Post-run stretches")
        subprocess.run([*tmux, "send-keys", "h"], check=True)
        wait_for("Soreness")
        time.sleep(0.5)
        title = subprocess.run([*tmux, "display", "-p", "#{pane_title}"], capture_output=True, text=True).stdout
        assert "PWNED" not in title
        assert r"\x1b]0;PWNED" in screen()
    finally:
        subprocess.run([*tmux, "kill-server"], capture_output=True)
        socket_file = Path(os.environ.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}" / socket
        socket_file.unlink(missing_ok=True)

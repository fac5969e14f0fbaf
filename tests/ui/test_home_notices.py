"""Home's notices: read off the UI thread and shown when read, without
holding home up when the journal is slow to read."""

from __future__ import annotations

import threading
import time
from datetime import timedelta

from textual.widgets import Static

from tests.ui.helpers import FIXED_NOW, make_app, wait_until
from tui.core.journal.journal import Journal
from tui.screens.home import HomeScreen


def notice_of(screen: HomeScreen) -> str:
    widget = screen.query_one("#home-notices", Static)
    return str(widget.render()) if widget.has_class("-visible") else ""


def journal_with_pain(path) -> None:
    Journal(path).add_soreness(3, {"calves": 6}, pain=["calves"], when=FIXED_NOW - timedelta(hours=2))


async def test_the_pain_notice_is_shown_on_home(tmp_path):
    path = tmp_path / "journal.json"
    journal_with_pain(path)
    app = make_app(journal_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen)
        await wait_until(pilot, lambda: "pain flagged in calves" in notice_of(home))
        assert home.notices.has_class("-pain")


async def test_a_slow_journal_does_not_hold_home_up(monkeypatch, tmp_path):
    """Home is drawn and answers keys while the journal is read; the notice follows when the read ends."""
    path = tmp_path / "journal.json"
    journal_with_pain(path)
    release = threading.Event()
    read = HomeScreen.read_notices

    def slow_read(screen, journal, now):
        release.wait(10)
        return read(screen, journal, now)

    monkeypatch.setattr(HomeScreen, "read_notices", slow_read)
    app = make_app(journal_path=path)
    began = time.monotonic()
    async with app.run_test(size=(100, 30)) as pilot:
        home = app.screen
        assert isinstance(home, HomeScreen) and home.highlighted_routine is not None
        assert time.monotonic() - began < 5  # not the 10 s the read would take
        await pilot.press("down")  # keys are handled meanwhile
        assert home.highlighted_routine is not None and notice_of(home) == ""
        release.set()
        await wait_until(pilot, lambda: "pain flagged in calves" in notice_of(home))

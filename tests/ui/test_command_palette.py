"""The command palette finds routines and screens by name, from home."""

from __future__ import annotations

import pytest
from textual.command import CommandList, CommandPalette

from tests.clock import FakeClock
from tests.ui.helpers import make_app, settle, settle_workers, wait_until
from tui.screens.history import HistoryScreen
from tui.screens.session import SessionScreen


async def choose(app, pilot, typed: str) -> None:
    await pilot.press("ctrl+p")
    await pilot.pause()
    assert isinstance(app.screen, CommandPalette)
    await pilot.press(*typed)
    await settle_workers(app)  # the palette gathers hits in a worker, then shows them
    await wait_until(pilot, lambda: app.screen.query_one(CommandList).option_count > 0)
    await pilot.press("enter")
    await pilot.pause()
    await settle(pilot)


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_a_routine_starts_from_the_palette(tmp_path):
    app = make_app(FakeClock(), journal_path=tmp_path / "journal.json")
    async with app.run_test(size=(100, 30)) as pilot:
        await choose(app, pilot, "start: legs up")
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.routine.id == "legs-up-the-wall"


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_a_screen_opens_from_the_palette(tmp_path):
    app = make_app(FakeClock(), journal_path=tmp_path / "journal.json")
    async with app.run_test(size=(100, 30)) as pilot:
        await choose(app, pilot, "history")
        assert isinstance(app.screen, HistoryScreen)


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_over_a_session_the_palette_offers_no_routine(tmp_path):
    app = make_app(FakeClock(), journal_path=tmp_path / "journal.json")
    async with app.run_test(size=(100, 30)) as pilot:
        app.action_start_routine("post-run-stretches")
        await pilot.pause()
        await choose(app, pilot, "start: legs up")
        assert [type(screen) for screen in app.screen_stack].count(SessionScreen) == 1

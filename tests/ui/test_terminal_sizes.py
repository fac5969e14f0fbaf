"""Every screen survives any terminal size; too small shows a request, not a mess."""

from __future__ import annotations

import importlib
import random

import pytest

from tests.clock import FakeClock
from tests.ui.helpers import make_app, settle_workers, start_plan
from tui.dialogs.too_small import TooSmallScreen
from tui.min_size import MIN_HEIGHT, MIN_WIDTH

pytestmark = pytest.mark.slow  # see pyproject.toml's markers

SIZES = [(1, 1), (10, 3), (40, 12), (80, 24), (300, 100)]
SEQUENCES = 20  # each resize now waits for its refresh (Pilot.resize_terminal)


async def go_home(pilot):
    await pilot.pause()


async def go_session(pilot):
    pilot.app.action_start_routine("post-run-stretches")
    await pilot.pause()


async def go_summary(pilot):
    pilot.app.action_start_routine("legs-up-the-wall")
    await pilot.pause()
    await pilot.press("f")
    await pilot.pause()


async def go_soreness(pilot):
    pilot.app.action_log_soreness()
    await pilot.pause()


async def go_history(pilot):
    from tui.screens.history import HistoryScreen

    await pilot.app.push_screen(HistoryScreen())
    await settle_workers(pilot.app)


async def go_plan(pilot):
    await start_plan(pilot)


def optional_screen(module: str, name: str):
    async def go(pilot):
        screen = getattr(importlib.import_module(module), name)
        await pilot.app.push_screen(screen())
        await settle_workers(pilot.app)

    return go


SCREENS = {
    "home": go_home,
    "session": go_session,
    "summary": go_summary,
    "soreness": go_soreness,
    "history": go_history,
    "plan": go_plan,
    "insights": optional_screen("tui.screens.insights", "InsightsScreen"),
    "settings": optional_screen("tui.screens.settings", "SettingsScreen"),
}


@pytest.mark.parametrize("screen", SCREENS)
async def test_every_screen_at_every_size_and_random_resizes(screen, tmp_path):
    app = make_app(FakeClock(), journal_path=tmp_path / "journal.json")
    rng = random.Random(f"sizes-{screen}")
    async with app.run_test(size=(80, 24)) as pilot:
        await SCREENS[screen](pilot)
        target = type(app.screen)
        for width, height in SIZES:
            await pilot.resize_terminal(width, height)
            await pilot.pause()
            small = width < MIN_WIDTH or height < MIN_HEIGHT
            assert isinstance(app.screen, TooSmallScreen) is small, (width, height)
        for _ in range(SEQUENCES):
            # A burst of resizes, as when a window is dragged, then let it settle.
            for _ in range(rng.randint(1, 4)):
                await pilot.resize_terminal(rng.randint(1, 200), rng.randint(1, 60))
            await pilot.pause()
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert type(app.screen) is target  # back where we were, nothing lost
    assert app.return_code in (None, 0)


async def test_too_small_message_is_shown():
    app = make_app()
    async with app.run_test(size=(40, 12)) as pilot:
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        assert "Make the window larger" in str(app.screen.query_one("#too-small").render())

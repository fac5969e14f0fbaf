"""The request to enlarge the window covers whatever is on top while the
window is small, and is gone, every copy of it, once the window is large."""

from __future__ import annotations

from tests.clock import FakeClock
from tests.ui.helpers import make_app, settle_workers, wait_until
from tui.dialogs.too_small import TooSmallScreen
from tui.screens.summary import SummaryScreen


def too_small_screens(app) -> int:
    return sum(isinstance(screen, TooSmallScreen) for screen in app.screen_stack)


async def test_a_routine_ending_in_a_small_window_leaves_no_request_behind(tmp_path):
    clock = FakeClock()
    app = make_app(clock, journal_path=tmp_path / "journal.json")
    async with app.run_test(size=(80, 24)) as pilot:
        app.action_start_routine("legs-up-the-wall")
        await pilot.pause()
        await pilot.resize_terminal(40, 12)
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        clock.advance(3600)  # the routine ends behind the request
        await wait_until(pilot, lambda: any(isinstance(s, SummaryScreen) for s in app.screen_stack))
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)  # still covered: the window is still small
        await pilot.resize_terminal(50, 14)  # dragged, still small
        await pilot.pause()
        assert isinstance(app.screen, TooSmallScreen)
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert too_small_screens(app) == 0
        await pilot.press("escape")  # skip the rating: home, with nothing over it
        await wait_until(pilot, lambda: not isinstance(app.screen, SummaryScreen))
        await pilot.pause()
        assert too_small_screens(app) == 0
        assert type(app.screen).__name__ == "HomeScreen"  # the session is gone too
        await settle_workers(app)
        assert [record["type"] for record in app.journal.records()] == ["session"]

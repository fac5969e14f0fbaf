"""The countdown takes the height it has, not only the width: on a phone
upright (40x44) and on a laptop at 120x40 its digits fill most of their
region's rows (before: 5 of 24 rows at 40x44, 20 of 28 at 120x40)."""

from __future__ import annotations

import pytest

from tests.clock import FakeClock
from tests.ui.helpers import make_app, polled
from tui.core.routines.timer import Phase
from tui.screens.session import SessionScreen
from tui.widgets.big_text import BigText


def inked_rows(widget: BigText) -> int:
    return sum(1 for y in range(widget.size.height) if widget.render_line(y).text.strip())


@pytest.mark.parametrize("size, share", [((40, 44), 0.55), ((120, 40), 0.9)])
async def test_the_get_ready_digits_fill_most_of_their_height(size, share):
    app = make_app(FakeClock(), start_routine="post-run-stretches")
    async with app.run_test(size=size) as pilot:
        await polled(pilot)
        session = app.screen
        assert isinstance(session, SessionScreen) and session.timer.segment.phase is Phase.GET_READY
        countdown = session.query_one("#countdown", BigText)
        assert countdown.text == "0:05"
        assert inked_rows(countdown) >= share * countdown.size.height, (countdown.scale, countdown.size)


@pytest.mark.slow  # two screens in one app: 2-3 s on a loaded machine
async def test_a_hold_at_40x44_draws_digits_taller_than_the_side_and_refits_on_resize():
    clock = FakeClock()
    app = make_app(clock, start_routine="post-run-stretches")
    async with app.run_test(size=(40, 44)) as pilot:
        clock.advance(5 + 12)
        await polled(pilot)
        session = app.screen
        assert isinstance(session, SessionScreen) and session.timer.segment.phase is Phase.HOLD
        countdown = session.query_one("#countdown", BigText)
        side = session.query_one("#side", BigText)
        assert countdown.scale == 3  # "0:48" is 39 columns at scale 3: the whole phone width is used
        assert inked_rows(countdown) >= 0.8 * countdown.size.height > 0
        assert inked_rows(countdown) > inked_rows(side) >= 5
        upright = countdown.fit
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert countdown.fit != upright and inked_rows(countdown) >= 0.8 * countdown.size.height

"""The switch of sides reads from 2 m: the side that comes next is drawn big
beside the seconds, and a rest before a two-sided exercise says where to start."""

from __future__ import annotations

from textual.widgets import Label

from tests.clock import FakeClock
from tests.ui.helpers import make_app, polled
from tui.core.routines.timer import Phase
from tui.screens.session import SessionScreen
from tui.widgets.big_text import BigText


def drawn_rows(widget: BigText) -> int:
    """Rows of the widget that hold any ink."""
    return sum(1 for y in range(widget.size.height) if widget.render_line(y).text.strip())


async def test_the_switch_shows_the_next_side_at_least_five_rows_tall_at_80x24():
    clock = FakeClock()
    app = make_app(clock, start_routine="post-run-stretches")
    async with app.run_test(size=(80, 24)) as pilot:
        session = app.screen
        assert isinstance(session, SessionScreen)
        clock.advance(5 + session.routine.exercises[0].seconds)
        await polled(pilot)
        await pilot.pause()
        assert session.timer.segment.phase is Phase.SWITCH
        side = session.query_one("#side", BigText)
        countdown = session.query_one("#countdown", BigText)
        assert side.display and side.text == "→ RIGHT"
        assert side.scale >= 2 and drawn_rows(side) >= 5
        assert countdown.text == "0:05" and countdown.scale >= 1
        assert side.region.bottom <= countdown.region.y or side.region.right <= countdown.region.x


async def test_a_rest_before_a_two_sided_exercise_says_left_side_first():
    clock = FakeClock()
    app = make_app(clock, start_routine="post-run-stretches")
    async with app.run_test(size=(80, 24)) as pilot:
        session = app.screen
        assert isinstance(session, SessionScreen)
        assert "left side first" in str(session.query_one("#phase", Label).render())
        first = session.routine.exercises[0].seconds
        clock.advance(5 + first + 5 + first)
        await polled(pilot)
        assert session.timer.segment.phase is Phase.REST
        assert session.routine.exercises[1].sides == 2
        assert "left side first" in str(session.query_one("#phase", Label).render())
        side = session.query_one("#side", BigText)
        assert not side.display or side.text == ""  # no side shown yet in a rest


async def test_cat_cow_says_keep_moving_not_hold():
    clock = FakeClock()
    app = make_app(clock, start_routine="runner-yoga")
    async with app.run_test(size=(80, 24)) as pilot:
        session = app.screen
        assert isinstance(session, SessionScreen)
        assert session.routine.exercises[0].name == "Cat-cow"
        clock.advance(5)
        await polled(pilot)
        assert session.timer.segment.phase is Phase.HOLD
        phase = str(session.query_one("#phase", Label).render())
        assert "KEEP MOVING" in phase and "HOLD" not in phase


async def test_on_a_phone_upright_the_next_side_is_drawn_at_scale_2_over_the_seconds():
    clock = FakeClock()
    app = make_app(clock, start_routine="post-run-stretches")
    async with app.run_test(size=(40, 44)) as pilot:
        session = app.screen
        clock.advance(5 + session.routine.exercises[0].seconds)
        await polled(pilot)
        assert session.timer.segment.phase is Phase.SWITCH
        side = session.query_one("#side", BigText)
        countdown = session.query_one("#countdown", BigText)
        assert side.drawn[0] == "→\nRIGHT" and side.scale == 2  # on one line: scale 1, 5 rows
        assert drawn_rows(side) >= 10 and countdown.scale >= 2  # two 5-row lines
        assert side.region.bottom <= countdown.region.y


async def test_at_60x18_the_next_side_is_drawn_big_beside_the_seconds():
    """Stacked, the side had one row and was plain text."""
    clock = FakeClock()
    app = make_app(clock, start_routine="post-run-stretches")
    async with app.run_test(size=(60, 18)) as pilot:
        session = app.screen
        clock.advance(5 + session.routine.exercises[0].seconds)
        await polled(pilot)
        assert session.timer.segment.phase is Phase.SWITCH
        side = session.query_one("#side", BigText)
        countdown = session.query_one("#countdown", BigText)
        assert side.scale >= 1 and drawn_rows(side) >= 3 and countdown.scale >= 1
        assert side.region.right <= countdown.region.x

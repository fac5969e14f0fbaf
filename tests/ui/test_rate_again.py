"""A rating saved minutes ago is offered again after the next routine, not
asked for from scratch: `r` opens the form prefilled with it."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Input, Static

from tests.clock import FakeClock
from tests.ui.helpers import FIXED_NOW, make_app, settle, wait_until
from tui.core.journal.journal import Journal
from tui.dialogs.notice import NoticeScreen
from tui.screens.home import HomeScreen
from tui.screens.summary import SummaryScreen
from tui.widgets.footer import Footer
from tui.widgets.soreness_form import SorenessForm

LEGS_UP = 5 + 30 + 5 + 270 + 1  # legs up the wall, start to end, with the default pauses


def footer(app) -> str:
    return app.screen.query_one(Footer).render().plain


async def summary_after_a_rating(tmp_path, minutes_ago: float):
    path = tmp_path / "journal.json"
    Journal(path).add_soreness(4, {"calves": 6}, ["calves"], "tight left",
                               when=FIXED_NOW - timedelta(minutes=minutes_ago))
    clock = FakeClock()
    app = make_app(clock, journal_path=path, start_routine="legs-up-the-wall")
    return app, clock, path


async def reach_summary(app, pilot, clock) -> None:
    clock.advance(LEGS_UP)
    await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
    await pilot.pause()
    await settle(pilot)


async def test_a_rating_minutes_ago_is_offered_and_r_opens_it_prefilled(tmp_path):
    app, clock, path = await summary_after_a_rating(tmp_path, 20)
    async with app.run_test(size=(80, 24)) as pilot:
        await reach_summary(app, pilot, clock)
        form = app.screen.query_one(SorenessForm)
        line = app.screen.query_one("#rated-recently", Static)
        assert not form.display and line.display
        # 20 minutes before the app started, plus the routine's 5 min 11 s
        assert "You rated your legs 4/10 (calves 6; pain: calves) 25 min ago" in str(line.render())
        assert "Rate again" in footer(app) and "Save" not in footer(app).replace("Save routine", "")

        await pilot.press("r")
        await pilot.pause()
        assert form.display and not line.display
        assert form.ratings.overall == 4 and form.ratings.areas == {"calves": 6}
        assert form.ratings.pain == {"calves"}
        assert app.screen.query_one("#soreness-note", Input).value == "tight left"
        assert "Rate again" not in footer(app) and "Save" in footer(app)

        await pilot.press("right", "enter")  # one more overall: 5
        await settle(pilot)
        assert isinstance(app.screen, NoticeScreen)  # the calves' pain flag, kept: the pain guard speaks
    newest, _session, first = Journal(path).records()
    assert (newest["overall"], newest["areas"], newest["pain"], newest["note"]) == (5, {"calves": 6}, ["calves"],
                                                                                   "tight left")
    assert first["overall"] == 4


async def test_escape_on_the_offer_saves_nothing_more(tmp_path):
    app, clock, path = await summary_after_a_rating(tmp_path, 5)
    async with app.run_test(size=(80, 24)) as pilot:
        await reach_summary(app, pilot, clock)
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert sorted(r["type"] for r in Journal(path).records()) == ["session", "soreness"]


async def test_a_rating_from_an_hour_ago_gets_a_fresh_form(tmp_path):
    app, clock, _path = await summary_after_a_rating(tmp_path, 60)
    async with app.run_test(size=(80, 24)) as pilot:
        await reach_summary(app, pilot, clock)
        form = app.screen.query_one(SorenessForm)
        assert form.display and form.ratings.overall is None
        assert "Rate again" not in footer(app)

"""A routine that ends when the journal cannot be written (a full disk) is
kept: its summary says so, `s` tries again, and the rating links to it.

The failure is real: the journal's folder is a plain file until the test
removes it (as a full disk refuses a write until space is freed).
"""

from __future__ import annotations

from textual.widgets import Static

from tests.clock import FakeClock
from tests.ui.helpers import make_app, settle, wait_until
from tui.core.journal.journal import Journal
from tui.screens.home import HomeScreen
from tui.screens.summary import SummaryScreen
from tui.widgets.footer import Footer

LEGS_UP = 5 + 30 + 5 + 270 + 1  # legs up the wall, start to end, with the default pauses


def blocked_journal(tmp_path):
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    return blocker / "journal.json", blocker


def summary(app) -> str:
    return str(app.screen.query_one("#summary-text", Static).render()) + str(app.screen.query_one("KeptRecord", Static).render())


def footer(app) -> str:
    return app.screen.query_one(Footer).render().plain


async def end_the_routine(app, pilot, clock) -> None:
    clock.advance(LEGS_UP)
    await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
    await pilot.pause()
    await settle(pilot)
    await wait_until(pilot, lambda: "not saved yet" in summary(app))


async def test_s_on_the_summary_saves_the_kept_routine_and_the_rating_links_to_it(tmp_path):
    path, blocker = blocked_journal(tmp_path)
    clock = FakeClock()
    app = make_app(clock, journal_path=path, start_routine="legs-up-the-wall")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await end_the_routine(app, pilot, clock)
        assert "is not a folder" in summary(app) and "press s to try again" in summary(app)
        assert "Save routine" in footer(app)

        await pilot.press("s")  # still failing: said again, still kept
        await settle(pilot)
        assert "not saved yet" in summary(app) and "Save routine" in footer(app)
        assert not path.exists()

        blocker.unlink()
        await pilot.press("s")
        await settle(pilot)
        assert isinstance(app.screen, SummaryScreen)
        assert "Routine saved." in summary(app) and "Save routine" not in footer(app)
        (session,) = Journal(path).records()
        assert session["type"] == "session" and session["routine_id"] == "legs-up-the-wall"

        await pilot.press("4", "enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    rating, session = Journal(path).records()
    assert rating["type"] == "soreness" and rating["session"] == session["id"]


async def test_a_rating_saved_after_the_disk_frees_saves_the_kept_routine_first(tmp_path):
    path, blocker = blocked_journal(tmp_path)
    clock = FakeClock()
    app = make_app(clock, journal_path=path, start_routine="legs-up-the-wall")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await end_the_routine(app, pilot, clock)
        blocker.unlink()
        await pilot.press("6", "enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    rating, session = Journal(path).records()
    assert session["type"] == "session" and rating["overall"] == 6 and rating["session"] == session["id"]


async def test_a_saved_routine_offers_no_save_key(tmp_path):
    clock = FakeClock()
    app = make_app(clock, journal_path=tmp_path / "journal.json", start_routine="legs-up-the-wall")
    async with app.run_test(size=(80, 24)) as pilot:
        clock.advance(LEGS_UP)
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await pilot.pause()
        await settle(pilot)
        assert "not saved" not in summary(app) and "Save routine" not in footer(app)

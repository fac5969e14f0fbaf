"""Leaving the soreness form never throws a rating away without a word:
Escape in the note goes back to the ratings, leaving with anything entered
asks "Discard this rating?", and Save stays in the footer while typing."""

from __future__ import annotations

from textual.widgets import Input

from tests.ui.helpers import make_app, settle
from tui.core.journal.journal import Journal
from tui.dialogs.confirm import ConfirmScreen
from tui.screens.home import HomeScreen
from tui.screens.soreness import SorenessScreen
from tui.widgets.footer import Footer
from tui.widgets.rating_grid import RatingGrid


def footer_line(app) -> str:
    app.screen.query_one(Footer).refresh()
    return app.screen.query_one(Footer).render().plain


async def test_escape_in_the_note_goes_back_to_the_ratings_and_keeps_everything(tmp_path):
    path = tmp_path / "journal.json"
    app = make_app(journal_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "6", "tab", *"stiff")
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, SorenessScreen)
        assert isinstance(app.focused, RatingGrid)
        assert app.screen.query_one("#soreness-note", Input).value == "stiff"
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    (rating,) = Journal(path).records()
    assert rating["overall"] == 6 and rating["note"] == "stiff"


async def test_save_stays_in_the_footer_while_typing_the_note():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "4")
        assert "Save" in footer_line(app)
        await pilot.press("tab", *"tight")
        await pilot.pause()
        assert isinstance(app.focused, Input)
        line = footer_line(app)
        assert "Save" in line and "Back to ratings" in line


async def test_leaving_with_a_rating_entered_asks_and_keep_editing_keeps_it(tmp_path):
    path = tmp_path / "journal.json"
    app = make_app(journal_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "7", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        assert app.screen.question == "Discard this rating?"
        assert (app.screen.yes, app.screen.no) == ("Discard", "Keep editing")
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert isinstance(app.screen, SorenessScreen)
        assert app.screen.form.ratings.overall == 7
        await pilot.press("escape", "y")  # discard, this time
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert not path.exists() or Journal(path).records() == []


async def test_leaving_an_empty_form_asks_nothing():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, SorenessScreen)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


async def test_a_note_alone_counts_as_something_entered():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l", "tab", *"left knee", "escape", "escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)

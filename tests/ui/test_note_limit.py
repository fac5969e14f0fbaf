"""A note typed or pasted past its limit is cut to fit, and the form says so
(Input's max_length alone drops the rest without a word)."""

from __future__ import annotations

from textual import events
from textual.widgets import Input, Label

from tests.ui.helpers import make_app
from tui.core.journal.records import NOTE_LIMIT
from tui.screens.soreness import SorenessScreen
from tui.widgets.soreness_form import HINT, NOTE_CUT


async def test_typing_past_the_limit_says_the_note_was_cut():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, SorenessScreen)
        await pilot.press("3", "tab")
        note = app.screen.query_one("#soreness-note", Input)
        hint = app.screen.query_one("#soreness-hint", Label)
        note.insert_text_at_cursor("a" * (NOTE_LIMIT - 1))
        await pilot.press("b")
        await pilot.pause()
        assert len(note.value) == NOTE_LIMIT and str(hint.content) == HINT  # at the limit: nothing cut
        await pilot.press("c")
        await pilot.pause()
        assert note.value == "a" * (NOTE_LIMIT - 1) + "b"
        assert str(hint.content) == NOTE_CUT


async def test_a_paste_past_the_limit_keeps_what_fits_and_says_so():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l", "3", "tab", *"sore ")
        note = app.screen.query_one("#soreness-note", Input)
        note.post_message(events.Paste("x" * 1000))
        await pilot.pause()
        assert note.value == "sore " + "x" * (NOTE_LIMIT - 5)
        assert str(app.screen.query_one("#soreness-hint", Label).content) == NOTE_CUT

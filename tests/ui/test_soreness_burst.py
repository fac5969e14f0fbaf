"""Keys that arrive together (a fast typist, tmux send-keys, a phone over
`serve`) are handled in the order they were typed."""

from __future__ import annotations

from textual import events

from tests.ui.helpers import make_app, settle_workers
from tui.core.journal import Journal
from tui.messages import LogSoreness


async def test_a_rating_and_enter_in_one_burst_save_that_rating(tmp_path):
    path = tmp_path / "journal.json"
    app = make_app(journal_path=path)
    async with app.run_test() as pilot:
        app.post_message(LogSoreness())
        await pilot.pause()
        # Both keys are queued before either is handled, as when they arrive in one read.
        app.post_message(events.Key("3", "3"))
        app.post_message(events.Key("enter", "\r"))
        await pilot.pause()
        await settle_workers(app)
        await pilot.pause()
        assert [record["overall"] for record in Journal(path).records()] == [3]
        assert type(app.screen).__name__ == "HomeScreen"


async def test_enter_in_the_note_saves_the_form(tmp_path):
    path = tmp_path / "journal.json"
    app = make_app(journal_path=path)
    async with app.run_test() as pilot:
        app.post_message(LogSoreness())
        await pilot.pause()
        await pilot.press("4", "tab", *"stiff calves", "enter")
        await settle_workers(app)
        await pilot.pause()
        records = Journal(path).records()
        assert [(r["overall"], r["note"]) for r in records] == [(4, "stiff calves")]

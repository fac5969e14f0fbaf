"""Keys that arrive together (a fast typist, tmux send-keys, a phone over
`serve`) are handled in the order they were typed."""

from __future__ import annotations

from textual import events

from tests.ui.helpers import make_app, settle
from tui.core.journal.journal import Journal


async def saved_after(tmp_path, type_keys) -> tuple[list[dict], str]:
    """Open the soreness form, type, wait for the save: the records and the screen on top."""
    path = tmp_path / "journal.json"
    app = make_app(journal_path=path)
    async with app.run_test() as pilot:
        app.action_log_soreness()
        await pilot.pause()
        await type_keys(app, pilot)
        await pilot.pause()
        await settle(pilot)
        return Journal(path).records(), type(app.screen).__name__


async def test_a_rating_and_enter_in_one_burst_save_that_rating(tmp_path):
    async def burst(app, pilot):
        # Both keys are queued before either is handled, as when they arrive in one read.
        app.post_message(events.Key("3", "3"))
        app.post_message(events.Key("enter", "\r"))

    records, screen = await saved_after(tmp_path, burst)
    assert [record["overall"] for record in records] == [3]
    assert screen == "HomeScreen"


async def test_enter_in_the_note_saves_the_form(tmp_path):
    async def typed(app, pilot):
        await pilot.press("4", "tab", *"stiff calves", "enter")

    records, _ = await saved_after(tmp_path, typed)
    assert [(r["overall"], r["note"]) for r in records] == [(4, "stiff calves")]

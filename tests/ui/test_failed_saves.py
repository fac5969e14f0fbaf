"""A failed save is said every time, never silences the saves after it, and
loses nothing typed; a damaged journal is offered its newest good backup.

The failures are real: the journal's folder is a plain file, so the journal
cannot be created (as a full disk or a missing mount would refuse it), and
removing that file lets the next try succeed.
"""

from __future__ import annotations

from datetime import date, timedelta

import pytest
from textual.widgets import Input, Static

from tests.clock import FakeClock
from tests.ui.helpers import FIXED_NOW, make_app, settle, start_plan, wait_until
from tui.core.journal.daily_backup import backup_folder, backup_path
from tui.core.journal.journal import Journal
from tui.core.journal.sync.device import device_name
from tui.dialogs.damaged_journal import DamagedJournalScreen
from tui.screens.home import HomeScreen
from tui.screens.plan import PlanScreen
from tui.screens.soreness import SorenessScreen
from tui.screens.summary import SummaryScreen


def toasts(app) -> str:
    return "\n".join(str(toast.render()) for toast in app.screen.query("Toast"))


def blocked_journal(tmp_path):
    """A journal path that cannot be written until `blocker.unlink()`."""
    blocker = tmp_path / "data"
    blocker.write_text("not a folder")
    return blocker / "journal.json", blocker


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_a_failed_rating_keeps_the_form_and_enter_tries_again(tmp_path):
    path, blocker = blocked_journal(tmp_path)
    app = make_app(journal_path=path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("l", "6", "down", "down", "down", "7", "tab", *"after hills")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, SorenessScreen)  # still open, nothing typed lost
        error = app.screen.query_one("#soreness-error", Static)
        assert error.display and "Not saved" in str(error.render()) and "Enter" in str(error.render())
        assert app.screen.query_one("#soreness-note", Input).value == "after hills"
        assert "rating was not saved" in toasts(app)

        await pilot.press("enter")  # still failing: said again
        await settle(pilot)
        assert isinstance(app.screen, SorenessScreen)
        assert toasts(app).count("rating was not saved") == 2

        blocker.unlink()
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    (rating,) = Journal(path).records()
    assert rating["overall"] == 6 and rating["areas"] == {"calves": 7} and rating["note"] == "after hills"


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_every_failed_save_says_so_and_a_later_one_still_saves(tmp_path):
    clock = FakeClock()
    path, blocker = blocked_journal(tmp_path)
    app = make_app(clock, journal_path=path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await settle(pilot)
        for attempt in range(2):  # once silenced the app for good; now said each time
            said = toasts(app).count("is not a folder")
            await pilot.press("l", "3", "enter")
            await settle(pilot)
            assert toasts(app).count("is not a folder") == said + 1, (attempt, toasts(app))
            if isinstance(app.screen, SorenessScreen):
                await pilot.press("escape", "y")  # gave up on that one: discard it
                await pilot.pause()
        blocker.unlink()
        app.action_start_routine("legs-up-the-wall")
        await pilot.pause()
        clock.advance(5 + 30 + 5 + 270 + 1)
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await pilot.pause()
        await settle(pilot)
        await pilot.press("4", "enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert sorted(r["type"] for r in Journal(path).records()) == ["session", "soreness"]


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_the_plan_records_its_run_after_an_earlier_failure(tmp_path):
    path, blocker = blocked_journal(tmp_path)
    app = make_app(journal_path=path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await start_plan(pilot)
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        assert "run was not saved" in toasts(app) and "not saved. Press r again" in toasts(app)
        await pilot.press("escape")
        blocker.unlink()
        await start_plan(pilot)
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
    (run,) = Journal(path).records()
    assert run["type"] == "run" and run["run_kind"] == "long"


async def test_a_damaged_journal_is_offered_the_newest_good_backup(tmp_path):
    path = tmp_path / "journal.json"
    # Each day's first save backs up the journal as it was before it.
    for days_ago, note in ((3, "older"), (2, "middle"), (1, "newest")):
        moment = FIXED_NOW - timedelta(days=days_ago)
        with Journal(path, now=lambda moment=moment: moment) as journal:
            journal.add_soreness(5, {"calves": 6}, note=note, when=moment)
    assert sorted(p.name for p in backup_folder(path).iterdir() if not p.name.startswith(".")) == [
        f"journal-2026-11-20.{device_name()}.json", f"journal-2026-11-21.{device_name()}.json"]
    future = backup_folder(path) / "journal-2026-12-25.json"  # the clock was wrong once: never "latest"
    future.write_bytes(backup_path(path, date(2026, 11, 20)).read_bytes())
    damaged = b'{"records": {"1": {"type": "sess'
    path.write_bytes(damaged)
    app = make_app(journal_path=path)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await settle(pilot)
        assert isinstance(app.screen, DamagedJournalScreen)
        detail = str(app.screen.query_one("#detail").render())
        assert "the backup of 2026-11-21 (2 records)" in detail
        await pilot.press("r")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "Restored the journal from the backup of 2026-11-21" in toasts(app)
        await pilot.press("l", "1", "enter")  # and saving works again
        await settle(pilot)
    assert [r["note"] for r in Journal(path).records()] == ["", "middle", "older"]
    (kept,) = [p for p in tmp_path.iterdir() if p.name.startswith("journal.json.") and p.is_file()]
    assert kept.read_bytes() == damaged


async def test_an_unexpected_error_in_a_save_is_said_and_the_app_goes_on(tmp_path, monkeypatch, isolated_user_dirs):
    def broken(*args, **kwargs):
        raise RuntimeError("a bug, not a journal problem")

    app = make_app(journal_path=tmp_path / "journal.json")
    monkeypatch.setattr(Journal, "add_soreness", broken)
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.press("l", "6", "enter")
        await settle(pilot)
        assert "Something went wrong" in toasts(app)
        assert app.is_running and app.return_code in (None, 0)
    log = isolated_user_dirs / "data" / "recovery-tui" / "crash.log"
    assert "a bug, not a journal problem" in log.read_text()

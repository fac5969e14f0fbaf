"""The plan in the app on real days (issue 24): a watch a little fast, a
time still to come today, a second run within two hours of the first."""

from __future__ import annotations

from datetime import timedelta

from tests.clock import FakeClock
from tests.ui.helpers import EVENING, FakeWallClock, make_app, polled, settle
from tests.ui.test_plan_ui import status
from tui.core.common.settings import Settings
from tui.core.journal.journal import Journal
from tui.dialogs.confirm import ConfirmScreen
from tui.dialogs.run_kind import RunKindScreen
from tui.dialogs.second_run import SecondRunScreen
from tui.screens.plan import PlanScreen

BEDTIME = Settings().bedtime


def app_at(path, moment):
    clock = FakeClock()
    return make_app(clock, journal_path=path, now=FakeWallClock(clock, moment),
                    settings=Settings(bedtime=EVENING.replace(hour=23, minute=15).time()))


def runs(path):
    return sorted((r for r in Journal(path).records() if r["type"] == "run"), key=lambda r: r["id"])


def heading(screen) -> str:
    return str(screen.query_one("#plan-heading").render())


async def type_ended(app, pilot, text: str) -> None:
    await pilot.press("r")
    await settle(pilot)
    await pilot.press(*text, "enter")
    await settle(pilot)


async def test_a_time_a_minute_ahead_of_the_clock_is_just_now(tmp_path):
    """21:50 typed at 21:49:50 recorded yesterday's run, every step overdue."""
    path = tmp_path / "j.json"
    now = EVENING - timedelta(seconds=10)
    app = app_at(path, now)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_ended(app, pilot, "21:50")
        assert isinstance(app.screen, RunKindScreen)
        await pilot.press("enter")
        await settle(pilot)
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        assert heading(screen).startswith("Easy run ended 21:49 ·")
        assert status(screen, "sleep") == "later" and status(screen, "cool-down-walk") == "due now"
    assert [r["time"] for r in runs(path)] == [now.isoformat()]


async def test_a_time_further_ahead_asks_whether_it_was_yesterday(tmp_path):
    path = tmp_path / "j.json"
    app = app_at(path, EVENING)
    async with app.run_test(size=(100, 30)) as pilot:
        await type_ended(app, pilot, "23:30")
        dialog = app.screen
        assert isinstance(dialog, ConfirmScreen)
        assert dialog.question == "23:30 is still to come today."
        assert dialog.detail == "Record a run that ended yesterday, Sat 21 Nov at 23:30?"
        await pilot.press("n")
        await settle(pilot)
        assert not runs(path)  # back in the question, nothing recorded
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("y")
        await settle(pilot)
        await pilot.press("enter")  # the run's kind
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
        assert heading(app.screen).startswith("Easy run ended Sat 21 Nov 23:30 ·")
    assert [r["time"] for r in runs(path)] == ["2026-11-21T23:30:00+01:00"]


async def ran_twice(path, app, pilot, answer: str) -> None:
    """A run ended 19:30 with two steps ticked; at 20:40 `r`, "20:30", then `answer`."""
    with Journal(path) as journal:
        first = journal.add_run(EVENING.replace(hour=19, minute=30), "easy")
        journal.record_practices(first["id"], ["hydrate", "stretch"])
    await type_ended(app, pilot, "20:30")
    dialog = app.screen
    assert isinstance(dialog, SecondRunScreen)
    assert dialog.question == "A new run, or correct the end of the 19:30 run?"
    shown = {key: active.binding.description for key, active in dialog.active_bindings.items()
             if active.binding.show}
    assert shown.items() >= {"n": "New run", "c": "Correct its end", "escape": "Cancel"}.items()
    await pilot.press(answer)
    await settle(pilot)


async def test_a_second_run_is_kept(tmp_path):
    """A run within 2 h of the first used to replace it, without a question."""
    path = tmp_path / "j.json"
    app = app_at(path, EVENING.replace(hour=20, minute=40))
    async with app.run_test(size=(100, 30)) as pilot:
        await ran_twice(path, app, pilot, "n")
        assert isinstance(app.screen, RunKindScreen)
        await pilot.press("down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen) and app.screen.run["id"] == 2
        assert status(app.screen, "hydrate") != "✓ done"
    assert [(r["time"], r["practices"]) for r in runs(path)] == [
        ("2026-11-22T19:30:00+01:00", ["hydrate", "stretch"]), ("2026-11-22T20:30:00+01:00", [])]


async def test_a_correction_keeps_the_ticks_and_escape_changes_nothing(tmp_path):
    path = tmp_path / "j.json"
    app = app_at(path, EVENING.replace(hour=20, minute=40))
    async with app.run_test(size=(100, 30)) as pilot:
        await ran_twice(path, app, pilot, "escape")
        assert [r["time"] for r in runs(path)] == ["2026-11-22T19:30:00+01:00"]
        await type_ended(app, pilot, "20:30")
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen) and app.screen.run["id"] == 1
        assert status(app.screen, "hydrate") == "✓ done"
    assert [(r["time"], r["practices"]) for r in runs(path)] == [
        ("2026-11-22T20:30:00+01:00", ["hydrate", "stretch"])]


async def test_a_finished_routine_that_did_not_tick_its_step_says_why(tmp_path, monkeypatch):
    """"Finished, 6 skipped" left Stretch open without a word while the step
    said "finishing it ticks this step"."""
    from tests.ui.test_plan_ui import move_to, open_plan
    from tui.screens.session import SessionScreen
    from tui.screens.summary import SummaryScreen

    clock = FakeClock()
    app = make_app(clock, journal_path=tmp_path / "j.json")
    notices = []
    monkeypatch.setattr(app, "notify", lambda message, **options: notices.append(message))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_plan(app, pilot)
        move_to(screen, "stretch")
        await pilot.pause()
        assert "finishing it with at least half its holding time ticks this step (or tick it with d)" in str(
            screen.query_one("#plan-detail").render())
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        clock.advance(5 + 240)  # get ready, then four minutes of holds
        await polled(pilot)
        await pilot.press("f")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen and status(screen, "stretch") != "✓ done"
        assert [n for n in notices if n.startswith("Held")] == [
            "Held 4 of 13 minutes: not ticked (half the holding time ticks a step). Tick it anyway? d"]
        await pilot.press("d")
        await settle(pilot)
        assert status(screen, "stretch") == "✓ done"


async def test_the_colon_of_a_time_typed_fast_reaches_the_time_field(tmp_path):
    """In tmux, "20:30" typed at once arrived as "2030": the colon reached the list."""
    from textual.widgets import Input

    app = app_at(tmp_path / "j.json", EVENING)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("2", "1")
        dialog = app.screen
        dialog.query_one("#run-ended").focus()  # where the keys after the first may still land
        await pilot.press(":", "4", "0")
        assert dialog.query_one(Input).value == "21:40"

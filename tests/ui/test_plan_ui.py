"""The after-run plan in the app: start, tick, skip, resume, routines and timers."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from tests.clock import FakeClock
from tests.ui.helpers import FIXED_NOW, make_app, polled, settle
from tui.core.journal.journal import Journal
from tui.dialogs.run_ended import RunEndedScreen
from tui.dialogs.run_kind import RunKindScreen
from tui.screens.plan import PlanScreen
from tui.screens.session import SessionScreen
from tui.screens.summary import SummaryScreen
from tui.screens.timed_step import TimedStepScreen


async def open_plan(app, pilot, kind_keys=("down", "enter"), ended_keys=("enter",)) -> PlanScreen:
    """`r`; the first answer to when the run ended (just now, or back to today's plan); a kind if asked."""
    await pilot.press("r")
    await settle(pilot)
    assert isinstance(app.screen, RunEndedScreen)
    await pilot.press(*ended_keys)
    await settle(pilot)
    if isinstance(app.screen, RunKindScreen):
        await pilot.press(*kind_keys)
        await settle(pilot)
    assert isinstance(app.screen, PlanScreen)
    return app.screen


def status(screen: PlanScreen, step_id: str) -> str:
    table = screen.query_one(DataTable)
    return str(table.get_cell(step_id, "status"))


def move_to(screen: PlanScreen, step_id: str) -> None:
    table = screen.query_one(DataTable)
    table.move_cursor(row=[s.id for s in screen.steps].index(step_id))


async def test_plan_starts_with_due_times_from_now(tmp_path):
    app = make_app(journal_path=tmp_path / "journal.json")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_plan(app, pilot)  # "long" is second in the list
        assert screen.run["run_kind"] == "long"
        table = screen.query_one(DataTable)
        rows = {s.id: [str(c) for c in table.get_row(s.id)] for s in screen.steps}
        assert rows["hydrate"][0] == "07:50-07:55"  # 10-15 min after 07:40
        assert rows["sleep"][0] == "22:30"
        assert status(screen, "cool-down-walk") == "due now"
        assert status(screen, "hydrate") == "due soon"
        assert status(screen, "meal") == "later"
        assert "Long run ended 07:40" in str(screen.query_one("#plan-heading").render())
    (run,) = Journal(tmp_path / "journal.json").records()
    assert run["type"] == "run" and run["run_kind"] == "long"


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_tick_skip_and_resume_the_same_day(tmp_path):
    """The screen and the journal change a run the same way (records.ticked,
    skipped): a routine step ticked (its routine recorded too), then skipped,
    is still skipped after a restart."""
    path = tmp_path / "journal.json"
    app = make_app(journal_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_plan(app, pilot)
        move_to(screen, "hydrate")
        await pilot.press("d")
        move_to(screen, "ice-bath")
        await pilot.press("x")
        move_to(screen, "legs-up")
        await pilot.press("d")
        await settle(pilot)
        await pilot.press("x")
        await settle(pilot)
        assert status(screen, "hydrate") == "✓ done"
        assert status(screen, "ice-bath") == "– skipped" and status(screen, "legs-up") == "– skipped"
    (run,) = Journal(path).records()
    assert run["practices"] == ["hydrate"] and run["skipped"] == ["ice-bath", "heat", "legs-up"]  # one row, both

    again = make_app(journal_path=path)
    async with again.run_test(size=(100, 30)) as pilot:
        screen = await open_plan(again, pilot)  # no question: today's run resumes
        assert status(screen, "hydrate") == "✓ done"
        assert status(screen, "ice-bath") == "– skipped" and status(screen, "legs-up") == "– skipped"


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_finishing_a_routine_step_ticks_it(tmp_path):
    path = tmp_path / "journal.json"
    clock = FakeClock()
    app = make_app(clock, journal_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_plan(app, pilot)
        move_to(screen, "legs-up")
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.routine.id == "legs-up-the-wall"
        clock.advance(400)
        await polled(pilot)
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen
        assert status(screen, "legs-up") == "✓ done"
    run = next(r for r in Journal(path).records() if r["type"] == "run")
    assert {"legs-up", "legs-up-the-wall"} <= set(run["practices"])


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_leaving_a_routine_step_early_does_not_tick_it(tmp_path):
    clock = FakeClock()
    app = make_app(clock, journal_path=tmp_path / "journal.json")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_plan(app, pilot)
        move_to(screen, "cool-down-walk")
        await pilot.press("enter")
        clock.advance(10)  # into the first hold: leaving now records it as left part-way
        await polled(pilot)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        await pilot.press("escape")
        await settle(pilot)
        assert status(screen, "cool-down-walk") != "✓ done"


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_ice_bath_countdown_with_milestones(tmp_path):
    clock = FakeClock()
    app = make_app(clock, journal_path=tmp_path / "journal.json")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_plan(app, pilot)
        move_to(screen, "ice-bath")
        await pilot.press("enter")  # "Ice bath or warm bath": which one
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        timer = app.screen
        assert isinstance(timer, TimedStepScreen)
        cue = lambda: str(timer.query_one("#cue").render())  # noqa: E731
        assert "first three minutes" in cue()
        assert timer.query_one("#countdown").text == "15:00"
        clock.advance(200)
        await polled(pilot)
        assert "first three minutes" not in cue()
        clock.advance(900)
        await polled(pilot)
        await settle(pilot)
        assert app.screen is screen
        assert status(screen, "ice-bath") == "✓ done"


async def test_escape_on_the_question_starts_nothing(tmp_path):
    path = tmp_path / "journal.json"
    app = make_app(journal_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert not isinstance(app.screen, PlanScreen)
    assert not path.exists()


async def test_plan_works_without_a_journal():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_plan(app, pilot)
        move_to(screen, "snack")
        await pilot.press("d")
        assert status(screen, "snack") == "✓ done"


async def test_run_before_midnight_puts_bedtime_steps_next_day(tmp_path):
    from datetime import time

    from tui.core.common.settings import Settings

    late = FIXED_NOW.replace(hour=23, minute=10)
    app = make_app(journal_path=tmp_path / "j.json", now=lambda: late,
                   settings=Settings(bedtime=time(22, 30)))
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_plan(app, pilot)
        table = screen.query_one(DataTable)
        assert str(table.get_cell("sleep", "due")).startswith(f"{late.replace(day=late.day + 1):%a}")


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_suspend_overnight_session_holds_still_plan_goes_overdue(tmp_path):
    """Eight hours of suspend: the wall clock jumps, the monotonic clock does not."""
    from datetime import timedelta

    clock = FakeClock()
    wall = {"now": FIXED_NOW}
    app = make_app(clock, journal_path=tmp_path / "j.json", now=lambda: wall["now"])
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_plan(app, pilot)
        assert status(screen, "meal") == "later"
        move_to(screen, "legs-up")
        await pilot.press("enter")
        clock.advance(5 + 10)
        await polled(pilot)
        session = app.screen
        before = session.timer.remaining()
        wall["now"] = FIXED_NOW + timedelta(hours=8)
        await polled(pilot)  # a tick with the wall clock moved on
        assert session.timer.remaining() == before
        await pilot.press("escape", "y")
        await pilot.pause()
        await pilot.press("escape")
        await settle(pilot)
        screen.refresh_states()
        assert status(screen, "meal") == "overdue"


async def test_step_titles_from_a_plan_file_are_text_not_markup(tmp_path, monkeypatch):
    from tui.core.common.paths import PLAN_FILE

    monkeypatch.setenv("RECOVERY_TUI_CONFIG_DIR", str(tmp_path))
    (tmp_path / "plan.toml").write_text(
        PLAN_FILE.read_text().replace('title = "Drink"', 'title = "Drink [/] [water]"'))
    app = make_app(FakeClock(), journal_path=tmp_path / "journal.json")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_plan(app, pilot)
        table = screen.query_one(DataTable)
        assert str(table.get_cell("hydrate", "step")) == "Drink [/] [water]"
        await pilot.pause()
        assert app.is_running

"""The plan in the app on an evening: when the run ended, second runs, undo,
warm-up drills, and a journal changed from another terminal."""

from __future__ import annotations

from datetime import timedelta

import pytest
from textual.widgets import DataTable, Input

from tests.clock import FakeClock
from tests.ui.helpers import EVENING, FIXED_NOW, FakeWallClock, evening, make_app, settle, wait_until
from tests.ui.test_plan_ui import move_to, open_plan, status
from tui.core.journal.journal import Journal
from tui.dialogs.run_ended import RunEndedScreen
from tui.dialogs.run_kind import RunKindScreen
from tui.dialogs.second_run import SecondRunScreen
from tui.screens.plan import PlanScreen
from tui.screens.summary import SummaryScreen


def evening_app(path, clock=None):
    clock = clock or FakeClock()
    return make_app(clock, journal_path=path, **evening(clock))


def runs(path):
    return sorted((r for r in Journal(path).records() if r["type"] == "run"), key=lambda r: r["id"])


def cell(screen: PlanScreen, step_id: str, column: str) -> str:
    return str(screen.query_one(DataTable).get_cell(step_id, column))


async def test_r_asks_when_the_run_ended_and_the_evening_plan_fits(tmp_path):
    path = tmp_path / "j.json"
    app = evening_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_plan(app, pilot, ended_keys=("tab", *"21:45", "enter"), kind_keys=("down", "down", "enter"))
        assert "Tempo run ended 21:45 · bedtime 23:15" in str(screen.query_one("#plan-heading").render())
        assert cell(screen, "ice-bath", "due") == "22:34-22:49"  # with heat, one either-or row
        assert cell(screen, "bedtime-stretch", "due") == "22:49-22:58"  # one thing at a time
        assert (cell(screen, "epsom-bath", "due"), status(screen, "epsom-bath")) == ("-", "skip tonight")
        assert (cell(screen, "legs-up", "due"), status(screen, "legs-up")) == ("-", "skip tonight")
        assert cell(screen, "sleep", "due") == "23:15"
        assert [s.id for s in screen.steps][-1] == "sleep"
        move_to(screen, "nap")
        await pilot.pause()
        assert "Does not fit before bed tonight" in str(screen.query_one("#plan-detail").render())
    assert [(r["time"], r["run_kind"]) for r in runs(path)] == [("2026-11-22T21:45:00+01:00", "tempo")]


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_minutes_ago_and_a_bad_time(tmp_path):
    path = tmp_path / "j.json"
    app = evening_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await settle(pilot)
        dialog = app.screen
        assert isinstance(dialog, RunEndedScreen)
        await pilot.press(*"25:00", "enter")  # a digit jumps to the time field
        await pilot.pause()
        assert app.screen is dialog and dialog.query_one(Input).value == "25:00"
        assert "bad time '25:00'" in str(dialog.query_one("#detail").render())
        dialog.query_one(Input).value = ""
        dialog.query_one("#run-ended").focus()
        await pilot.press("down", "down", "enter")  # 30 min ago
        await settle(pilot)
        assert isinstance(app.screen, RunKindScreen)
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen)
    assert [r["time"] for r in runs(path)] == ["2026-11-22T21:20:00+01:00"]


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_a_second_run_and_a_correction(tmp_path):
    path = tmp_path / "j.json"
    with Journal(path) as journal:
        morning = journal.add_run(FIXED_NOW, "easy")
        journal.record_practices(morning["id"], ["hydrate"])
    app = evening_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await settle(pilot)
        options = app.screen.query_one("#run-ended")
        assert str(options.get_option_at_index(0).prompt) == "Back to today's plan (run ended 07:40)"
        await pilot.press("enter")  # back to the morning's plan
        await settle(pilot)
        assert app.screen.run["id"] == morning["id"] and status(app.screen, "hydrate") == "✓ done"
        await pilot.press("escape")
        # a new run now: far from the morning one, so it asks the kind and starts a second record
        screen = await open_plan(app, pilot, ended_keys=("down", "enter"), kind_keys=("down", "enter"))
        second = screen.run["id"]
        assert second != morning["id"] and status(screen, "hydrate") != "✓ done"
        await pilot.press("escape")
        # "15 min ago" is within two hours of the new run: asked, and corrected
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("down", "down", "enter")
        await settle(pilot)
        assert isinstance(app.screen, SecondRunScreen)
        await pilot.press("c")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen) and app.screen.run["id"] == second
    assert [(r["time"], r["run_kind"]) for r in runs(path)] == [
        ("2026-11-22T07:40:00+01:00", "easy"), ("2026-11-22T21:35:00+01:00", "long")]


async def test_d_and_x_undo(tmp_path):
    path = tmp_path / "j.json"
    app = evening_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_plan(app, pilot)
        move_to(screen, "stretch")
        await pilot.press("d")
        move_to(screen, "snack")
        await pilot.press("x")
        await settle(pilot)
        assert (status(screen, "stretch"), status(screen, "snack")) == ("✓ done", "– skipped")
        [run] = runs(path)
        assert run["practices"] == ["stretch", "post-run-stretches"] and run["skipped"] == ["snack"]
        move_to(screen, "stretch")
        await pilot.press("d")  # d on a done step: open again
        move_to(screen, "snack")
        await pilot.press("x")  # x on a skipped step: open again
        await settle(pilot)
        assert status(screen, "stretch") == status(screen, "snack") == "later"
        [run] = runs(path)
        assert run["practices"] == [] and run["skipped"] == []


@pytest.mark.slow
async def test_did_from_another_terminal_shows_up(tmp_path):
    path = tmp_path / "j.json"
    app = evening_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_plan(app, pilot)
        run_id = screen.run["id"]
        assert status(screen, "hydrate") == "due soon"
        with Journal(path) as other:  # what `recovery-tui did hydrate` does
            other.record_practices(run_id, ["hydrate"])
        await wait_until(pilot, lambda: status(screen, "hydrate") == "✓ done")
        with Journal(path) as other:  # `recovery-tui plan --ended 21:20`: the same run, re-timed
            other.place_run(EVENING - timedelta(minutes=30))
        await wait_until(pilot, lambda: cell(screen, "cool-down-walk", "due") == "21:20-21:30")
        assert "ended 21:20" in str(screen.query_one("#plan-heading").render())
        assert status(screen, "hydrate") == "✓ done"


async def test_warm_up_drills_are_not_a_practice_of_the_run(tmp_path):
    path = tmp_path / "j.json"
    with Journal(path) as journal:
        journal.add_run(EVENING - timedelta(minutes=20), "easy")
    clock = FakeClock()
    app = evening_app(path, clock)
    async with app.run_test(size=(100, 30)) as pilot:
        for routine in ("warmup-drills", "legs-up-the-wall"):
            app.action_start_routine(routine)
            await pilot.pause()
            clock.advance(2000)
            await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
            await pilot.press("escape")
            await settle(pilot)
    [run] = runs(path)
    assert run["practices"] == ["legs-up-the-wall"]
    sessions = {r["routine_id"] for r in Journal(path).records() if r["type"] == "session"}
    assert sessions == {"warmup-drills", "legs-up-the-wall"}


async def test_just_after_midnight_r_goes_back_to_last_nights_plan(tmp_path):
    path = tmp_path / "j.json"
    with Journal(path) as journal:
        late = journal.add_run(EVENING + timedelta(hours=1, minutes=50), "easy")  # 23:40
    clock = FakeClock()
    app = make_app(clock, journal_path=path, now=FakeWallClock(clock, EVENING + timedelta(hours=2, minutes=20)))
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await settle(pilot)
        first = app.screen.query_one("#run-ended").get_option_at_index(0)
        assert str(first.prompt) == "Back to Sunday's plan (run ended 23:40)"
        await pilot.press("enter")
        await settle(pilot)
        assert app.screen.run["id"] == late["id"]
        assert "late run: short plan, sleep 00:40" in str(app.screen.query_one("#plan-heading").render())


async def test_a_run_re_timed_past_midnight_draws_its_longer_times_whole(tmp_path):
    """Moved from another terminal to end at 23:55, the steps run past midnight
    ("23:55-Mon 00:05"): the Due column widens to them, as it was fitted to the
    first times only once its widths were given rather than measured."""
    path = tmp_path / "j.json"
    app = evening_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_plan(app, pilot)
        with Journal(path) as other:
            other.update_run(screen.run["id"], ended=EVENING + timedelta(hours=2, minutes=5))
        await wait_until(pilot, lambda: "ended 23:55" in str(screen.query_one("#plan-heading").render()))
        await settle(pilot)
        table = screen.query_one(DataTable)
        drawn = "\n".join(strip.text for strip in table.render_lines(table.region.reset_offset))
        windows = [cell(screen, step.id, "due") for step in screen.steps[:5]]
        assert any("Mon" in window for window in windows), windows
        assert all(window in drawn for window in windows), (windows, drawn)

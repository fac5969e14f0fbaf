"""The app's plan shows the ice bath and heat as one row, "Ice bath or warm
bath" (issue 24 §14); ticking it asks which one was done and records that
one; Enter on it starts the ice bath's timer when the ice bath is chosen;
the heading names what tonight leaves out."""

from __future__ import annotations

from tests.ui.helpers import settle
from tests.ui.test_plan_evening_ui import cell, evening_app, runs
from tests.ui.test_plan_ui import move_to, open_plan, status
from tui.dialogs.either_or import EitherOrScreen
from tui.screens.plan import PlanScreen
from tui.screens.timed_step import TimedStepScreen


async def test_d_on_the_either_or_row_asks_and_records_the_one_done(tmp_path):
    path = tmp_path / "j.json"
    app = evening_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_plan(app, pilot, ended_keys=("tab", *"21:45", "enter"))
        assert "heat" not in [s.id for s in screen.steps]
        assert cell(screen, "ice-bath", "step") == "Ice bath or warm bath (optional)"
        assert "Left out tonight: Meal, Legs up the wall, Nap, Epsom salt bath (bed in 1 h 30 min)" in str(
            screen.query_one("#plan-heading").render())
        move_to(screen, "ice-bath")
        await pilot.press("d")
        await settle(pilot)
        assert isinstance(app.screen, EitherOrScreen)
        await pilot.press("2")
        await settle(pilot)
        assert isinstance(app.screen, PlanScreen) and status(screen, "ice-bath") == "✓ done"
        [run] = runs(path)
        assert run["practices"] == ["heat"]
        await pilot.press("d")  # d on the done row opens it again, whichever was done
        await settle(pilot)
        assert status(screen, "ice-bath") != "✓ done" and runs(path)[0]["practices"] == []


async def test_enter_and_the_ice_bath_starts_its_timer_escape_asks_nothing(tmp_path):
    path = tmp_path / "j.json"
    app = evening_app(path)
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_plan(app, pilot, ended_keys=("tab", *"21:45", "enter"))
        move_to(screen, "ice-bath")
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("escape")
        await settle(pilot)
        assert app.screen is screen and runs(path)[0]["practices"] == []
        await pilot.press("enter")
        await settle(pilot)
        await pilot.press("1")
        await settle(pilot)
        assert isinstance(app.screen, TimedStepScreen) and app.screen.step.id == "ice-bath"

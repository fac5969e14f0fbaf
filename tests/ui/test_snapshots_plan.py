"""Snapshots of the after-run plan and the ice-bath countdown."""

from __future__ import annotations

import pytest

from tests.clock import FakeClock
from tests.ui.helpers import evening, make_app, polled, settle, settle_workers, start_evening_plan, start_plan

pytestmark = pytest.mark.slow  # snapshot comparisons; see pyproject.toml's markers
SIZES = [(80, 24), (120, 40)]


open_plan = start_plan


@pytest.mark.parametrize("size", SIZES)
def test_plan(snap_compare, size, tmp_path):
    async def run_before(pilot):
        await open_plan(pilot)
        await pilot.press("down", "d", "down", "down", "down", "down", "x")
        await settle(pilot)

    assert snap_compare(make_app(journal_path=tmp_path / "j.json"), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_ice_bath_countdown(snap_compare, size, tmp_path):
    clock = FakeClock()

    async def run_before(pilot):
        await open_plan(pilot)
        for _ in range(5):
            await pilot.press("down")
        await pilot.press("enter", "1")  # "Ice bath or warm bath": the ice bath
        await settle_workers(pilot.app)
        clock.advance(75)
        await polled(pilot)

    app = make_app(clock, journal_path=tmp_path / "j.json")
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_plan_on_an_evening(snap_compare, size, tmp_path):
    """A tempo run that ended 21:45, bedtime 23:15: fitted, with steps to skip tonight."""
    clock = FakeClock()
    app = make_app(clock, journal_path=tmp_path / "j.json", **evening(clock))

    async def run_before(pilot):
        await start_evening_plan(pilot)
        await pilot.press("down", "d")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_when_did_the_run_end(snap_compare, size, tmp_path):
    async def run_before(pilot):
        await pilot.press("r")
        await settle(pilot)

    assert snap_compare(make_app(journal_path=tmp_path / "j.json"), terminal_size=size, run_before=run_before)


def test_a_new_run_or_a_correction(snap_compare, tmp_path):
    """A run ended 06:30; at 07:40, `r` and "07:00", within two hours of it: asked."""
    from tests.ui.helpers import FIXED_NOW
    from tui.core.journal.journal import Journal

    path = tmp_path / "j.json"
    with Journal(path) as journal:
        journal.add_run(FIXED_NOW.replace(hour=6, minute=30), "easy")

    async def run_before(pilot):
        await pilot.press("r")
        await settle(pilot)
        await pilot.press(*"07:00", "enter")
        await settle(pilot)

    assert snap_compare(make_app(journal_path=path), terminal_size=(80, 24), run_before=run_before)

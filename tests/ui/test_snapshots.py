"""Snapshots of every screen of the routine path at 80x24 and 120x40.

The app runs on a fake clock, so nothing in them depends on the wall clock.
Update with `pytest tests/ui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import pytest

from tests.ui.helpers import FakeClock, make_app

SIZES = [(80, 24), (120, 40)]


def runner_app(clock: FakeClock):
    return make_app(clock, start_routine="post-run-stretches")


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare, size):
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_runner_get_ready(snap_compare, size):
    assert snap_compare(runner_app(FakeClock()), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_runner_hold(snap_compare, size):
    clock = FakeClock()

    async def run_before(pilot):
        clock.advance(5 + 12)
        await pilot.pause(0.2)

    assert snap_compare(runner_app(clock), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_runner_switch_sides(snap_compare, size):
    clock = FakeClock()
    app = runner_app(clock)

    async def run_before(pilot):
        clock.advance(5 + app.library.get("post-run-stretches").exercises[0].seconds + 1)
        await pilot.pause(0.2)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_runner_paused(snap_compare, size):
    clock = FakeClock()

    async def run_before(pilot):
        clock.advance(9)
        await pilot.pause(0.2)
        await pilot.press("space")

    assert snap_compare(runner_app(clock), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_summary(snap_compare, size):
    clock = FakeClock()

    async def run_before(pilot):
        clock.advance(5 + 30)
        await pilot.pause(0.2)
        await pilot.press("n", "n", "escape", "y")
        await pilot.pause()

    assert snap_compare(
        make_app(clock, start_routine="legs-up-the-wall"), terminal_size=size, run_before=run_before
    )

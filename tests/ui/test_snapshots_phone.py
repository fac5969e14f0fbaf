"""Snapshots of home, a routine's summary with its soreness form, and the
after-run plan at the app's narrow sizes: a phone held upright (40x44, the
served page at 16 px) and the smallest full layout (60x18).
Update with `pytest tests/ui/test_snapshots_phone.py --snapshot-update`,
after looking at the pictures."""

from __future__ import annotations

import pytest

from tests.clock import FakeClock
from tests.ui.helpers import make_app, polled, settle, settle_workers, start_plan, wait_until
from tui.screens.summary import SummaryScreen

pytestmark = pytest.mark.slow  # snapshot comparisons; see pyproject.toml's markers
SIZES = [(40, 44), (60, 18)]


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare, size):
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_summary_with_the_soreness_form(snap_compare, size, tmp_path):
    """The post-run stretches left with `f` 35 s in (every exercise skipped,
    the longest summary), overall 3 and quads 4 rated, quads flagged."""
    clock = FakeClock()

    async def run_before(pilot):
        clock.advance(35)
        await polled(pilot)
        await pilot.press("f")
        await wait_until(pilot, lambda: isinstance(pilot.app.screen, SummaryScreen))
        await settle_workers(pilot.app)
        await pilot.press("3", "down", "4", "x")
        await pilot.pause()

    app = make_app(clock, journal_path=tmp_path / "journal.json", start_routine="post-run-stretches")
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_plan(snap_compare, size, tmp_path):
    async def run_before(pilot):
        await start_plan(pilot)
        await pilot.press("down", "d")
        await settle(pilot)

    assert snap_compare(make_app(journal_path=tmp_path / "j.json"), terminal_size=size, run_before=run_before)

"""Snapshots of every screen of the routine path at 80x24 and 120x40.

The app runs on a fake clock, so nothing in them depends on the wall clock.
Update with `pytest tests/ui/test_snapshots.py --snapshot-update`.
"""

from __future__ import annotations

import pytest

from tests.clock import FakeClock
from tests.ui.helpers import make_app, polled, settle, wait_until

pytestmark = pytest.mark.slow  # snapshot comparisons; see pyproject.toml's markers
SIZES = [(80, 24), (120, 40)]


READY = SWITCH = 5  # the default get-ready, rest and switch-sides pauses
QUAD = 60  # the post-run stretches start with the standing quad stretch, 60 s a side


def session_at(snap_compare, size, seconds: float, keys: tuple[str, ...] = (), **app_kwargs) -> bool:
    """The post-run stretches session `seconds` after its start, then `keys` pressed."""
    clock = FakeClock()

    async def run_before(pilot):
        clock.advance(seconds)
        await polled(pilot)
        if keys:
            await pilot.press(*keys)

    app = make_app(clock, start_routine="post-run-stretches", **app_kwargs)
    return snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_home(snap_compare, size):
    assert snap_compare(make_app(), terminal_size=size)


@pytest.mark.parametrize("size", SIZES)
def test_session_get_ready(snap_compare, size):
    assert session_at(snap_compare, size, 0)


@pytest.mark.parametrize("size", SIZES)
def test_session_hold(snap_compare, size):
    assert session_at(snap_compare, size, READY + 12)


@pytest.mark.parametrize("size", SIZES)
def test_session_switch_sides(snap_compare, size):
    assert session_at(snap_compare, size, READY + QUAD + 1)


@pytest.mark.parametrize("size", SIZES)
def test_session_hold_right(snap_compare, size):
    assert session_at(snap_compare, size, READY + QUAD + SWITCH + 20)


@pytest.mark.parametrize("size", SIZES)
def test_session_rest(snap_compare, size):
    """Between exercises: the rest before the second one."""
    assert session_at(snap_compare, size, READY + QUAD + SWITCH + QUAD + 2)


@pytest.mark.parametrize("size", SIZES)
def test_session_hold_light_theme(snap_compare, size):
    from tui.core.common.settings import Settings

    assert session_at(snap_compare, size, READY + 12, settings=Settings(theme="textual-light"))


@pytest.mark.parametrize("size", SIZES)
def test_session_paused(snap_compare, size):
    assert session_at(snap_compare, size, 9, keys=("space",))


@pytest.mark.parametrize("size", SIZES)
def test_summary(snap_compare, size, tmp_path):
    clock = FakeClock()

    async def run_before(pilot):
        clock.advance(5 + 30)
        await polled(pilot)
        await pilot.press("n", "escape", "y")
        await settle(pilot)

    app = make_app(clock, journal_path=tmp_path / "journal.json", start_routine="legs-up-the-wall")
    assert snap_compare(app, terminal_size=size, run_before=run_before)


def filled_journal(path):
    """A few weeks of records at fixed times, for the history and notice snapshots."""
    from datetime import timedelta

    from tests.ui.helpers import FIXED_NOW
    from tui.core.journal.journal import Journal

    journal = Journal(path)
    for day in range(12, 0, -1):
        ended = FIXED_NOW - timedelta(days=day, hours=1)
        journal.add_session("post-run-stretches", "Post-run stretches",
                            ended - timedelta(minutes=14), ended, day % 4 != 0, 8 if day % 4 else 5, 0 if day % 4 else 3, 8, 840)
        journal.add_soreness(2 + day % 5, {"calves": 1 + day % 7, "quads": 3}, when=ended + timedelta(hours=20),
                             note="easy day" if day == 3 else "")
    journal.add_soreness(4, {"calves": 6}, ["calves"], "sharp twinge on the left",
                         when=FIXED_NOW - timedelta(minutes=30))
    return path


@pytest.mark.parametrize("size", SIZES)
def test_soreness_form_after_summary(snap_compare, size, tmp_path):
    clock = FakeClock()

    async def run_before(pilot):
        clock.advance(400)
        await wait_until(pilot, lambda: type(pilot.app.screen).__name__ == "SummaryScreen")
        await pilot.pause()
        await pilot.press("3", "down", "down", "down", "5", "x")

    app = make_app(clock, journal_path=tmp_path / "journal.json", start_routine="legs-up-the-wall")
    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_history(snap_compare, size, tmp_path):
    app = make_app(journal_path=filled_journal(tmp_path / "journal.json"))

    async def run_before(pilot):
        await pilot.press("h")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_history_record(snap_compare, size, tmp_path):
    """Enter on History's newest row: the whole rating, note included."""
    app = make_app(journal_path=filled_journal(tmp_path / "journal.json"))

    async def run_before(pilot):
        await pilot.press("h")
        await settle(pilot)
        await pilot.press("enter")
        await pilot.pause()

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_pain_notice_on_home(snap_compare, size, tmp_path):
    app = make_app(journal_path=filled_journal(tmp_path / "journal.json"))

    async def run_before(pilot):
        await pilot.pause()
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_pain_notice_after_saving(snap_compare, size, tmp_path):
    app = make_app(journal_path=tmp_path / "journal.json")

    async def run_before(pilot):
        await pilot.press("l", "6", "down", "down", "x", "enter")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


def test_soreness_note_focused_keeps_save_in_the_footer(snap_compare):
    """Typing the note: Enter Save and Escape back to the ratings in the footer (80x24)."""
    app = make_app()

    async def run_before(pilot):
        await pilot.press("l", "5", "tab", *"tight calves")
        await pilot.pause()

    assert snap_compare(app, terminal_size=(80, 24), run_before=run_before)

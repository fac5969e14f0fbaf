"""Snapshots of the settings and insights screens at 80x24 and 120x40.

A fixed settings path and a journal at fixed times keep them deterministic.
Update with `pytest tests/ui/test_snapshots_more.py --snapshot-update`.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.ui.helpers import make_app, settle
from tests.ui.test_insights_ui import known_journal

pytestmark = pytest.mark.slow  # snapshot comparisons; see pyproject.toml's markers
SIZES = [(80, 24), (120, 40)]
SETTINGS_PATH = Path("/home/runner/.config/recovery-tui/settings.toml")  # shown, never written


@pytest.mark.parametrize("size", SIZES)
def test_settings(snap_compare, size):
    assert snap_compare(make_app(settings_path=SETTINGS_PATH), terminal_size=size, press=["s"])


@pytest.mark.parametrize("size", SIZES)
def test_settings_bad_bedtime(snap_compare, size):
    async def run_before(pilot):
        await pilot.press("s")
        await pilot.pause()
        bedtime = pilot.app.screen.query_one("#bedtime")
        bedtime.cursor_blink = False  # a steady cursor, whatever the timing
        bedtime.focus()
        await pilot.press("ctrl+a", "ctrl+k", *"25:00", "ctrl+s")
        await settle(pilot)

    assert snap_compare(make_app(settings_path=SETTINGS_PATH), terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_insights(snap_compare, size, tmp_path):
    app = make_app(journal_path=known_journal(tmp_path / "journal.json"))

    async def run_before(pilot):
        await pilot.press("i")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)


@pytest.mark.parametrize("size", SIZES)
def test_insights_empty(snap_compare, size, tmp_path):
    app = make_app(journal_path=tmp_path / "journal.json")

    async def run_before(pilot):
        await pilot.press("i")
        await settle(pilot)

    assert snap_compare(app, terminal_size=size, run_before=run_before)

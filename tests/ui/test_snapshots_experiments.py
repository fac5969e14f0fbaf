"""Snapshots of the Experiments screen at 80x24: under way, and with nothing yet.

Update with `pytest tests/ui/test_snapshots_experiments.py --snapshot-update`
(only after looking at the pictures)."""

from __future__ import annotations

import pytest

from tests.ui.experiment_journal import experiment_journal
from tests.ui.helpers import make_app, settle

pytestmark = pytest.mark.slow  # snapshot comparisons; see pyproject.toml's markers


async def open_experiments(pilot) -> None:
    await pilot.press("e")
    await settle(pilot)


def test_experiments(snap_compare, tmp_path):
    app = make_app(journal_path=experiment_journal(tmp_path / "journal.json"))
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_experiments)


def test_experiments_empty(snap_compare, tmp_path):
    app = make_app(journal_path=tmp_path / "journal.json")
    assert snap_compare(app, terminal_size=(80, 24), run_before=open_experiments)

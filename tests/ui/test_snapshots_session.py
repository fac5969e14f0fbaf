"""The session on a phone upright (40x44) and at the smallest size (60x18):
get ready, a hold with its side, the switch of sides, and the line for a
missing voice. 80x24 and 120x40 are in test_snapshots.py.
Update with `pytest tests/ui/test_snapshots_session.py --snapshot-update`."""

from __future__ import annotations

import pytest

from tests.ui.test_snapshots import QUAD, READY, session_at

pytestmark = pytest.mark.slow  # snapshot comparisons; see pyproject.toml's markers
SIZES = [(40, 44), (60, 18)]
IDS = ["40x44", "60x18"]


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_session_get_ready_small(snap_compare, size):
    assert session_at(snap_compare, size, 0)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_session_hold_small(snap_compare, size):
    assert session_at(snap_compare, size, READY + 12)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_session_switch_sides_small(snap_compare, size):
    assert session_at(snap_compare, size, READY + QUAD + 1)


@pytest.mark.parametrize("size", SIZES, ids=IDS)
def test_session_without_a_voice_small(snap_compare, size, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no espeak-ng
    assert session_at(snap_compare, size, READY + 12, voice=True)

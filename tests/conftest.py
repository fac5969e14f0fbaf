"""Shared fixtures: a fake monotonic clock, isolated user folders, writes
that skip fsync outside the reliability tests, and a time zone to run in."""

from __future__ import annotations

import time
from pathlib import Path

import pytest

from tests.clock import FakeClock
from tui.core.common import atomic

RELIABILITY = Path(__file__).parent / "reliability"


@pytest.fixture
def clock() -> FakeClock:
    return FakeClock()


@pytest.fixture(autouse=True)
def isolated_user_dirs(tmp_path_factory, monkeypatch):
    """Never touch the real config or data folders."""
    home = tmp_path_factory.mktemp("home")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / "config"))
    monkeypatch.setenv("XDG_DATA_HOME", str(home / "data"))
    monkeypatch.setenv("XDG_STATE_HOME", str(home / "state"))  # the device's name (journal/sync/device.py)
    for name in ("RECOVERY_TUI_JOURNAL", "RECOVERY_TUI_CONFIG_DIR", "RECOVERY_TUI_DATA_DIR", "RECOVERY_TUI_NOW"):
        monkeypatch.delenv(name, raising=False)
    return home


@pytest.fixture(autouse=True)
def no_fsync(request, monkeypatch):
    """Writes in this process skip the fsync system call (atomic.sync_to_disk):
    the unit tests test what is written, not that it survives a power cut, and
    fsync is most of their waiting. Every other step of a write still runs.
    The reliability tests, and any test that asks for `real_fsync`, keep the
    app's policy; child processes always do."""
    if RELIABILITY in request.node.path.parents or "real_fsync" in request.fixturenames:
        return
    monkeypatch.setattr(atomic, "sync_to_disk", False)


@pytest.fixture
def real_fsync() -> None:
    """Ask for this to keep real fsync in a test outside tests/reliability."""
    assert atomic.sync_to_disk, "the app's policy is to fsync"


@pytest.fixture
def zone(monkeypatch):
    """zone("Europe/Berlin") puts this process in that time zone, as TZ does
    for the app, until the test ends."""
    def set_zone(name: str) -> None:
        monkeypatch.setenv("TZ", name)
        time.tzset()

    yield set_zone
    monkeypatch.undo()
    time.tzset()


@pytest.fixture
def berlin(zone) -> None:
    zone("Europe/Berlin")

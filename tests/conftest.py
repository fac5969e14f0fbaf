"""Shared fixtures: a fake monotonic clock and isolated user folders."""

from __future__ import annotations

import pytest


class FakeClock:
    """A monotonic clock that moves only when told to."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds


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

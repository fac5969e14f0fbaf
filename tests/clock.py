"""The one fake monotonic clock of the test suite (the `clock` fixture in
tests/conftest.py gives a fresh one; UI tests build apps on it)."""

from __future__ import annotations


class FakeClock:
    """A monotonic clock that moves only when told to."""

    def __init__(self, start: float = 1000.0) -> None:
        self.now = start

    def __call__(self) -> float:
        return self.now

    def advance(self, seconds: float) -> None:
        self.now += seconds

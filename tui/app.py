"""RecoveryApp: screens over the headless core, with services injected."""

from __future__ import annotations

import time
from datetime import datetime

from textual.app import App
from textual.binding import Binding

from tui import __version__
from tui.core.loader import Library
from tui.core.timer import Clock
from tui.screens.home import HomeScreen
from tui.screens.runner import RunnerScreen, RunResult
from tui.screens.summary import SummaryScreen


def local_now() -> datetime:
    return datetime.now().astimezone()


class RecoveryApp(App[int]):
    """The post-run recovery companion."""

    CSS_PATH = "app.tcss"
    TITLE = "recovery-tui"
    SUB_TITLE = f"v{__version__}"
    BINDINGS = [Binding("ctrl+q", "quit", "Quit", show=False, priority=True)]

    def __init__(
        self,
        library: Library,
        *,
        clock: Clock = time.monotonic,
        now=local_now,
        quiet: bool = False,
        get_ready: float = 5,
        switch_sides: float = 5,
        start_routine: str | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.clock = clock
        self.now = now
        self.quiet = quiet
        self.get_ready = get_ready
        self.switch_sides = switch_sides
        self.start_routine = start_routine

    def on_mount(self) -> None:
        self.push_screen(HomeScreen(self.library))
        if self.start_routine:
            routine = self.library.get(self.start_routine)
            if routine is not None:
                self.start(routine.id)

    def ring(self) -> None:
        """The terminal bell, unless --quiet."""
        if not self.quiet:
            self.bell()

    def start(self, routine_id: str) -> None:
        routine = self.library.get(routine_id)
        if routine is None:
            self.notify(f"No routine called {routine_id!r}.", severity="error")
            return
        runner = RunnerScreen(
            routine,
            clock=self.clock,
            now=self.now,
            get_ready=self.get_ready,
            switch_sides=self.switch_sides,
        )
        self.push_screen(runner, callback=self.routine_ended)

    def routine_ended(self, result: RunResult | None) -> None:
        if result is not None:
            self.push_screen(SummaryScreen(result))

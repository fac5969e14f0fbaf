"""RecoveryApp: screens over the headless core, with services injected."""

from __future__ import annotations

import asyncio
import signal
import sys
import threading
import time
from collections.abc import Callable
from datetime import datetime

from textual import work
from textual.app import App
from textual.binding import Binding

from tui import __version__
from tui.crash import crash_message, write_crash_log
from tui.core.journal import Journal
from tui.core.loader import Library
from tui.core.soreness import guard_notice, pain_alerts
from tui.core.storage import JournalCorruptError, JournalError, move_aside
from tui.core.timer import Clock
from tui.core.when import local_now
from tui.screens.confirm import ConfirmScreen
from tui.screens.home import HomeScreen
from tui.screens.notice import NoticeScreen
from tui.screens.runner import RunnerScreen, RunResult
from tui.screens.soreness import SorenessScreen
from tui.screens.summary import SummaryScreen
from tui.screens.too_small import TooSmallScreen, too_small
from tui.widgets.soreness_form import SorenessEntry


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
        journal: Journal | None = None,
        clock: Clock = time.monotonic,
        now: Callable[[], datetime] = local_now,
        quiet: bool = False,
        get_ready: float = 5,
        switch_sides: float = 5,
        start_routine: str | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.journal = journal
        self.clock = clock
        self.now = now
        self.quiet = quiet
        self.get_ready = get_ready
        self.switch_sides = switch_sides
        self.start_routine = start_routine
        self.journal_failed: JournalError | None = None
        self._write_lock = threading.Lock()

    def on_mount(self) -> None:
        self.push_screen(HomeScreen(self.library))
        if self.start_routine and self.library.get(self.start_routine) is not None:
            self.start(self.start_routine)
        self._install_signal_handlers()
        self.check_size()

    # -- robustness ---------------------------------------------------------
    def on_resize(self, event) -> None:
        self.check_size(event.size)

    def check_size(self, size=None) -> None:
        """Cover the screen with a request to enlarge the window while it is too small."""
        size = size or self.size
        small = too_small(size.width, size.height)
        showing = isinstance(self.screen, TooSmallScreen)
        if small and not showing:
            self.push_screen(TooSmallScreen())
        elif showing and not small:
            self.pop_screen()

    def _install_signal_handlers(self) -> None:
        try:
            loop = asyncio.get_running_loop()
            for signum in (signal.SIGTERM, signal.SIGHUP):
                loop.add_signal_handler(signum, self.stop_on_signal, signum)
        except (NotImplementedError, RuntimeError, ValueError):
            pass  # not the main thread, or a platform without them

    def stop_on_signal(self, signum: int) -> None:
        """Record a routine in progress as partial, then leave cleanly."""
        for screen in self.screen_stack:
            if isinstance(screen, RunnerScreen) and not screen.timer.finished:
                screen.timer.finish()
                result = screen.result()
                if self.journal is not None:
                    try:
                        with self._write_lock:
                            self._session_writer(result)(self.journal)
                    except (JournalError, ValueError):
                        pass  # leaving anyway; nothing else to do with it
        self.exit(return_code=128 + signum)

    def _fatal_error(self) -> None:
        """An unexpected exception: a short message and a log, never locals on screen."""
        error = sys.exc_info()[1]
        log = write_crash_log(error) if error is not None else None
        self._exit_renderables.append(crash_message(log))
        self._close_messages_no_wait()

    def ring(self) -> None:
        """The terminal bell, unless --quiet."""
        if not self.quiet:
            self.bell()

    # -- routines -----------------------------------------------------------
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
        if result is None:
            return
        self.save_session(result)
        self.push_screen(SummaryScreen(result), callback=self.soreness_given)

    def log_soreness(self) -> None:
        self.push_screen(
            SorenessScreen("How do your legs feel today?"), callback=self.soreness_given
        )

    def soreness_given(self, entry: SorenessEntry | None) -> None:
        if entry is not None:
            self.save_soreness(entry)

    # -- journal writes, off the UI thread ------------------------------------
    @work(thread=True, group="journal-write")
    def save_session(self, result: RunResult) -> None:
        self._write("session", self._session_writer(result))

    @staticmethod
    def _session_writer(result: RunResult) -> Callable[[Journal], dict]:
        report = result.report
        return lambda journal: journal.add_session(
            result.routine.id,
            result.routine.name,
            result.started,
            result.ended,
            report.completed,
            len(report.done),
            len(report.skipped),
            len(result.routine.exercises),
            round(report.seconds_spent, 1),
        )

    @work(thread=True, group="journal-write")
    def save_soreness(self, entry: SorenessEntry) -> None:
        saved = self._write(
            "rating",
            lambda journal: journal.add_soreness(
                entry.overall, entry.areas, entry.pain, entry.note, when=self.now()
            ),
        )
        if saved is None:
            return
        self.call_from_thread(self.notify, f"Saved: soreness {entry.overall}/10.")
        notice = guard_notice(pain_alerts(self.journal.records(), self.now()))
        if notice:
            self.call_from_thread(self.push_screen, NoticeScreen("Look after yourself", notice))
        self.call_from_thread(self.refresh_home)

    def _write(self, what: str, write: Callable[[Journal], dict]) -> dict | None:
        """One write at a time, in order; errors become a notification, never a crash."""
        if self.journal is None:
            self.call_from_thread(
                self.notify, f"The journal is not available, so this {what} was not saved.",
                severity="warning",
            )
            return None
        with self._write_lock:
            try:
                return write(self.journal)
            except JournalError as error:
                self.call_from_thread(self.journal_problem, error)
            except ValueError as error:
                self.call_from_thread(self.notify, f"Not saved: {error}", severity="error")
        return None

    # -- journal problems ---------------------------------------------------
    def journal_problem(self, error: JournalError) -> None:
        """Say what is wrong; for a damaged file offer to move it aside."""
        if self.journal_failed is not None:
            return
        self.journal_failed = error
        if not isinstance(error, JournalCorruptError):
            self.notify(str(error), title="Journal", severity="error", timeout=30)
            return

        def answered(move: bool | None) -> None:
            if move:
                self.move_journal_aside(error)

        self.push_screen(
            ConfirmScreen(
                "The journal cannot be read",
                f"{error}\nMove it aside (its bytes are kept) and start a new journal?",
                yes="Move aside",
                no="Not now",
            ),
            callback=answered,
        )

    def move_journal_aside(self, error: JournalError) -> None:
        try:
            moved = move_aside(error.path, self.now())
        except (OSError, JournalError) as failure:
            self.notify(f"Could not move the journal aside: {failure}", severity="error")
            return
        self.journal_failed = None
        if self.journal is not None:
            self.journal.close()
        self.notify(f"The old journal is kept at {moved}. A new one starts now.", timeout=15)
        self.refresh_home()

    def refresh_home(self) -> None:
        for screen in self.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.load_notices()

"""RecoveryApp: screens over the headless core, with services injected."""

from __future__ import annotations

import asyncio
import signal
import sys
import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path

from textual import work
from textual.app import App
from textual.binding import Binding

from tui import __version__
from tui.crash import crash_message, write_crash_log
from tui.core.journal import Journal
from tui.core.errors import DataFileError
from tui.core.loader import Library
from tui.core.paths import user_plan_path
from tui.core.plan import DueStep, build_plan, load_plan
from tui.core.settings import DEFAULTS, Settings, save_settings
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
from tui.screens.plan import PlanScreen
from tui.screens.run_start import RunKindScreen
from tui.screens.timed_step import TimedStepScreen
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
        settings: Settings = DEFAULTS,
        settings_path: Path | None = None,
        startup_problems: list[str] | None = None,
        start_routine: str | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.journal = journal
        self.clock = clock
        self.now = now
        self.quiet_flag = quiet
        self.settings = settings
        self.settings_path = settings_path
        self.startup_problems = list(startup_problems or [])
        self.start_routine = start_routine
        self.journal_failed: JournalError | None = None
        self._write_lock = threading.Lock()

    # -- settings -----------------------------------------------------------
    @property
    def quiet(self) -> bool:
        return self.quiet_flag or not self.settings.sound

    @property
    def get_ready(self) -> int:
        return self.settings.get_ready_seconds

    @property
    def switch_sides(self) -> int:
        return self.settings.switch_sides_seconds

    def use_theme(self, settings: Settings) -> Settings:
        """Apply the theme; an unknown one is reported and the default used."""
        if settings.theme not in self.available_themes:
            where = self.settings_path or "settings"
            self.startup_problems.append(
                f"{where}: field 'theme': '{settings.theme}' is not a known theme; "
                f"using {DEFAULTS.theme}"
            )
            settings = replace(settings, theme=DEFAULTS.theme)
        self.theme = settings.theme
        return settings

    def apply_settings(self, settings: Settings) -> None:
        """Use new settings now and save them (off the UI thread)."""
        self.settings = settings
        self.theme = settings.theme
        self.save_settings_file(settings)

    @work(thread=True, group="settings-write")
    def save_settings_file(self, settings: Settings) -> None:
        if self.settings_path is None:
            return
        try:
            save_settings(self.settings_path, settings)
        except OSError as error:
            self.call_from_thread(
                self.notify, f"Settings not saved to {self.settings_path}: {error.strerror}",
                severity="error",
            )
            return
        self.call_from_thread(self.notify, "Settings saved.")

    def on_mount(self) -> None:
        self.settings = self.use_theme(self.settings)
        for problem in self.startup_problems:
            self.notify(problem, title="Check your files", severity="warning", timeout=20)
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
    def start(self, routine_id: str, on_complete: Callable[[], None] | None = None) -> None:
        """Run a routine; `on_complete` is called if every exercise gets done."""
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
        self.push_screen(runner, callback=lambda result: self.routine_ended(result, on_complete))

    def routine_ended(self, result: RunResult | None, on_complete=None) -> None:
        if result is None:
            return
        if on_complete is not None and result.report.completed:
            on_complete()
        self.save_session(result)
        self.push_screen(SummaryScreen(result), callback=self.soreness_given)

    def start_timed_step(self, step: DueStep, on_complete: Callable[[], None]) -> None:
        """A plan step with a countdown of its own (ice bath, Epsom salt bath)."""

        def ended(result: RunResult | None) -> None:
            if result is not None and result.report.completed:
                on_complete()

        self.push_screen(TimedStepScreen(step, clock=self.clock, now=self.now), callback=ended)

    # -- the after-run plan -----------------------------------------------------
    def open_plan(self) -> None:
        """Resume today's plan, or ask about the run and start one."""
        self.find_todays_run()

    @work(thread=True, exclusive=True, group="plan")
    def find_todays_run(self) -> None:
        run = None
        if self.journal is not None and self.journal_failed is None:
            try:
                run = self.journal.run_for_day(self.now().date())
            except JournalError as error:
                self.call_from_thread(self.journal_problem, error)
        if run is not None:
            self.call_from_thread(self.show_plan, run)
        else:
            self.call_from_thread(self.push_screen, RunKindScreen(), self.run_kind_chosen)

    def run_kind_chosen(self, kind: str | None) -> None:
        if kind is not None:
            self.begin_run(kind or None)

    @work(thread=True, group="plan")
    def begin_run(self, kind: str | None) -> None:
        ended = self.now()
        run = {"id": None, "type": "run", "time": ended.isoformat(), "run_kind": kind,
               "practices": [], "skipped": [], "plan_date": ended.date().isoformat()}
        if self.journal is not None and self.journal_failed is None:
            try:
                run, _ = self.journal.start_run(ended, kind)
            except JournalError as error:
                self.call_from_thread(self.journal_problem, error)
        self.call_from_thread(self.show_plan, run)

    def show_plan(self, run: dict) -> None:
        from routines import PLAN_FILE

        try:
            plan, errors = load_plan(user_plan_path(), PLAN_FILE, [r.id for r in self.library.routines])
        except DataFileError as error:
            self.notify(str(error), title="Plan", severity="error")
            return
        for error in errors:
            self.notify(f"{error} (using the built-in plan)", title="Your plan file", severity="warning", timeout=20)
        ended = datetime.fromisoformat(run["time"])
        steps = build_plan(plan, ended, self.settings.bedtime, run["run_kind"], self.settings.units)
        kind = f"{run['run_kind'].capitalize()} run" if run["run_kind"] else "Run"
        heading = f"{kind} ended {ended:%H:%M} · bedtime {self.settings.bedtime:%H:%M}"
        self.push_screen(PlanScreen(run, steps, heading))

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
        """Write the session; a completed routine also counts as a practice of
        the day's run, if there is one."""
        report = result.report

        def write(journal: Journal) -> dict:
            session = journal.add_session(
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
            run = journal.run_for_day(result.ended.date()) if report.completed else None
            if run is not None:
                journal.record_practices(run["id"], [result.routine.id])
            return session

        return write

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

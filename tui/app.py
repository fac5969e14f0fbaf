"""RecoveryApp: screens over the headless core, with services injected."""

from __future__ import annotations

import threading
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.worker import Worker, WorkerState

from tui import __version__
from tui.app_journal import JournalWrites
from tui.app_plan import PlanFlow
from tui.core.settings import DEFAULTS, Settings, save_settings
from tui.core.when import local_now
from tui.messages import (JournalFailed, JournalSaved, JournalUnreadable, LogSoreness, OpenPlan,
                          SaveSoreness, ShowPlan, StartSession, StartTimedStep, WriteJournal)
from tui.screens.home import HomeScreen
from tui.min_size import too_small

# Only what the home screen needs is imported up front: every other screen is
# imported where it is opened, so the first frame comes sooner (and memory
# stays lower until those screens are used).
if TYPE_CHECKING:
    from tui.app_signals import SignalExit
    from tui.core.errors import DataFileError
    from tui.core.journal import Journal
    from tui.core.loader import Library
    from tui.core.plan import DueStep
    from tui.core.store.errors import JournalError
    from tui.core.timer import Clock
    from tui.screens.runner import SessionResult


def recovery_commands():
    """The palette's routines and screens, imported when the palette opens."""
    from tui.commands import RecoveryCommands

    return RecoveryCommands


class RecoveryApp(JournalWrites, PlanFlow, App[int]):
    """The post-run recovery companion."""

    COMMANDS = App.COMMANDS | {recovery_commands}
    CSS_PATH = "screens/home.tcss"  # the default screen's (see HomeScreen)
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
        voice: bool = False,
        settings: Settings = DEFAULTS,
        settings_path: Path | None = None,
        startup_problems: list[str] | None = None,
        settings_problems: list[DataFileError] | None = None,
        start_routine: str | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.journal = journal
        self.clock = clock
        self.now = now
        self.quiet_flag = quiet
        self.voice_flag = voice
        self._speaker = None  # a Speaker once needed; False when espeak-ng is missing
        self.settings = settings
        self.settings_path = settings_path
        self.startup_problems = list(startup_problems or [])
        self.settings_problems = list(settings_problems or [])  # shown together in one notice
        self.start_routine = start_routine
        self.journal_failed: JournalError | None = None
        self._repair_offered = False  # the damaged-journal dialog is open
        self._write_lock = threading.Lock()
        self._signals: SignalExit | None = None

    def notify(self, message: str, *, markup: bool = False, title: str = "", **options) -> None:
        """Textual's notify with markup off unless asked for: these messages
        carry file paths, settings values and error text, and a "[/]" in one
        would stop the app instead of being shown. For the same reason their
        control characters are shown as escapes (tui/core/terminal_text.py)."""
        from tui.core.terminal_text import visible

        super().notify(visible(message, lines=True), markup=markup, title=visible(title), **options)

    # -- settings -----------------------------------------------------------
    @property
    def quiet(self) -> bool:
        return self.quiet_flag or not self.settings.sound

    @property
    def voice(self) -> bool:
        """Spoken cues: --voice or the setting (--quiet silences the bell only)."""
        return self.voice_flag or self.settings.voice

    def speak(self, text: str) -> None:
        """Say a cue if the voice is on; without espeak-ng, say how to get it, once."""
        if not self.voice or self._speaker is False:
            return
        if self._speaker is None:
            from tui.core.voice import INSTALL_HINT, Speaker, find_voice

            program = find_voice()
            if program is None:
                self._speaker = False
                self.notify(INSTALL_HINT, title="Voice", severity="warning", timeout=15)
                return
            self._speaker = Speaker(program)
        self._speaker.say(text)

    @property
    def get_ready(self) -> int:
        return self.settings.get_ready_seconds

    @property
    def switch_sides(self) -> int:
        return self.settings.switch_sides_seconds

    def use_theme(self, settings: Settings) -> Settings:
        """Apply the theme; an unknown one is reported and the default used."""
        if settings.theme not in self.available_themes:
            from tui.core.errors import DataFileError

            self.settings_problems.append(DataFileError(
                self.settings_path or "settings", f"'{settings.theme}' is not a known theme; "
                f"using {DEFAULTS.theme}", field="theme"))
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
        self.call_from_thread(self.notify, f"Saved to {self.settings_path}")

    def report_startup_problems(self) -> None:
        """One notice for every problem of the settings file, one for the rest:
        seven bad values make one list to read, not seven toasts to dismiss."""
        if self.settings_problems:
            from tui.core.errors import problems_by_file

            count = len(self.settings_problems)
            self.notify(problems_by_file(self.settings_problems), severity="warning", timeout=30,
                        title=f"{count} problem{'s' if count != 1 else ''} in your settings: defaults used")
        if self.startup_problems:
            self.notify("\n".join(self.startup_problems), title="Check your files",
                        severity="warning", timeout=20)

    def get_default_screen(self) -> HomeScreen:
        # Home is the first screen itself, rather than pushed over a blank
        # default one: one screen fewer to compose and lay out before the first frame.
        return HomeScreen(self.library)

    def on_mount(self) -> None:
        self.settings = self.use_theme(self.settings)
        self.report_startup_problems()
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
        showing = self.is_screen_installed("too-small") and self.screen is self.get_screen("too-small")
        if small and not showing:
            if not self.is_screen_installed("too-small"):
                from tui.screens.too_small import TooSmallScreen  # built only for a small window

                self.install_screen(TooSmallScreen(), "too-small")  # made once, reused
            self.push_screen("too-small")
        elif showing and not small:
            self.pop_screen()

    def _install_signal_handlers(self) -> None:
        from tui.app_signals import SignalExit

        signals = SignalExit(self.stop_on_signal)
        if signals.install():  # not in a thread other than the main one
            self._signals = signals

    def on_unmount(self) -> None:
        if self._signals is not None:
            self._signals.uninstall()

    def stop_on_signal(self, signum: int) -> None:
        """Record a routine in progress as partial, then leave: in order while
        the terminal is there, at once when it is gone (see tui/app_signals.py)."""
        from tui.core.store.errors import JournalError
        from tui.screens.runner import RunnerScreen

        for screen in self.screen_stack:
            if isinstance(screen, RunnerScreen) and not screen.timer.finished:
                screen.timer.finish(left=True)
                result = screen.result()
                if self.journal is not None and result.report.began:
                    try:
                        with self._write_lock:
                            self._session_writer(result)(self.journal)
                    except (JournalError, ValueError):
                        pass  # leaving anyway; nothing else to do with it
        if self._signals is not None and self._signals.terminal_gone():
            from tui.app_signals import end_by_signal

            end_by_signal(signum)
        self.exit(return_code=128 + signum)

    def ring(self) -> None:
        """The terminal bell, unless --quiet."""
        if not self.quiet:
            self.bell()

    # -- routines -----------------------------------------------------------
    @on(StartSession)
    def session_asked(self, message: StartSession) -> None:
        self.start(message.routine_id, message.on_complete)

    @on(StartTimedStep)
    def timed_step_asked(self, message: StartTimedStep) -> None:
        self.start_timed_step(message.step, message.on_complete)

    @on(OpenPlan)
    def plan_asked(self) -> None:
        self.open_plan()

    @on(ShowPlan)
    def plan_known(self, message: ShowPlan) -> None:
        self.show_plan(message.run)

    # -- the journal: every write through one worker path (tui/app_journal.py) --
    @on(SaveSoreness)
    def soreness_given(self, message: SaveSoreness) -> None:
        self.save_soreness(message.entry, message.form)

    @on(WriteJournal)
    def write_asked(self, message: WriteJournal) -> None:
        self.write_journal(message)

    @on(JournalSaved)
    def journal_saved(self, message: JournalSaved) -> None:
        self.saved(message)

    @on(JournalFailed)
    def journal_write_failed(self, message: JournalFailed) -> None:
        self.write_failed(message)

    @on(JournalUnreadable)
    def journal_unreadable(self, message: JournalUnreadable) -> None:
        self.journal_problem(message.error)

    @on(Worker.StateChanged)
    def worker_failed(self, event: Worker.StateChanged) -> None:
        """Workers run with exit_on_error=False: an unexpected error in one is
        logged and said, and the app goes on (the journal is left as it was)."""
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            from tui.crash import write_crash_log

            log = write_crash_log(event.worker.error)
            where = f" Details are in {log}." if log else ""
            self.notify(f"Something went wrong; nothing was changed.{where}", severity="error", timeout=30)

    def start(self, routine_id: str, on_complete: Callable[[], None] | None = None) -> None:
        """Play a routine through (a session; "run" is only ever the workout);
        `on_complete` is called if the session counts as done."""
        routine = self.library.get(routine_id)
        if routine is None:
            self.notify(f"No routine called {routine_id!r}.", severity="error")
            return
        from tui.screens.runner import RunnerScreen

        runner = RunnerScreen(
            routine,
            clock=self.clock,
            now=self.now,
            get_ready=self.get_ready,
            switch_sides=self.switch_sides,
        )
        self.push_screen(runner, callback=lambda result: self.session_ended(result, on_complete))

    def session_ended(self, result: SessionResult | None, on_complete=None) -> None:
        if result is None:
            return
        if not result.report.began:
            self.notify("Left before the first exercise began: nothing recorded.")
            return
        if on_complete is not None and result.report.counts_as_practice:
            on_complete()
        from tui.screens.summary import SummaryScreen

        self.save_session(result)
        self.push_screen(SummaryScreen(result))  # it saves the rating itself (save_soreness)

    def start_timed_step(self, step: DueStep, on_complete: Callable[[], None]) -> None:
        """A plan step with a countdown of its own (ice bath, Epsom salt bath)."""
        from tui.screens.timed_step import TimedStepScreen

        def ended(result: SessionResult | None) -> None:
            if result is not None and result.report.counts_as_practice:
                on_complete()

        self.push_screen(TimedStepScreen(step, clock=self.clock, now=self.now), callback=ended)

    @on(LogSoreness)
    def log_soreness(self) -> None:
        from tui.screens.soreness import SorenessScreen

        self.push_screen(SorenessScreen("How do your legs feel today?"))

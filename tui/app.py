"""RecoveryApp: screens over the headless core, with services injected.
Screens ask for things with Messages (tui/messages.py); the journal and
plan flows are workers of tui/app_flows.py."""

from __future__ import annotations

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
from tui.app_flows import AppFlows
from tui.core.common.settings import DEFAULTS, Settings, save_settings
from tui.core.common.when import local_now
from tui.core.journal.writer import JournalWriter, session_change
from tui.core.routines.voice import LazyVoice
from tui.messages import (
    ApplySettings,
    Cue,
    JournalFailed,
    JournalSaved,
    JournalUnreadable,
    LogSoreness,
    OpenPlan,
    SaveSoreness,
    StartSession,
    StartTimedStep,
    WriteJournal,
)
from tui.min_size import too_small
from tui.screens.home import HomeScreen

# Only what the home screen needs is imported up front: every other screen is
# imported where it is opened, so the first frame comes sooner.
if TYPE_CHECKING:
    from tui.app_signals import SignalExit
    from tui.core.common.errors import DataFileError
    from tui.core.journal.journal import Journal
    from tui.core.routines.loader import Library
    from tui.core.routines.timer import Clock


def recovery_commands():
    """The palette's routines and screens, imported when the palette opens."""
    from tui.commands import RecoveryCommands

    return RecoveryCommands


class RecoveryApp(App[int]):
    """The post-run recovery companion."""

    COMMANDS = App.COMMANDS | {recovery_commands}
    CSS_PATH = "app.tcss"  # home's, History's and the dialogs' styles (see its head)
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
        watch_places: list[Path] | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.journal = journal
        self.writer = JournalWriter(journal)  # every write to the journal goes through it
        self.flows = AppFlows(self)
        self.clock = clock
        self.now = now
        self.quiet_flag = quiet
        self.voice_flag = voice
        self.voice_out = LazyVoice()
        self.settings = settings
        self.settings_path = settings_path
        self.startup_problems = list(startup_problems or [])
        self.settings_problems = list(settings_problems or [])  # shown together in one notice
        self.start_routine = start_routine
        self.watch_places = watch_places  # where "From the watch file…" looks; None: the usual places
        self._signals: SignalExit | None = None

    def notify(self, message: str, *, markup: bool = False, title: str = "", **options) -> None:
        """Textual's notify with markup off unless asked for: these messages
        carry file paths, settings values and error text, and a "[/]" in one
        would stop the app instead of being shown. For the same reason their
        control characters are shown as escapes (tui/core/common/terminal_text.py)."""
        from tui.core.common.terminal_text import visible

        super().notify(visible(message, lines=True), markup=markup, title=visible(title), **options)

    # -- settings -----------------------------------------------------------
    @property
    def quiet(self) -> bool:
        return self.quiet_flag or not self.settings.sound

    @property
    def voice(self) -> bool:
        """Spoken cues: --voice or the setting (--quiet silences the bell only)."""
        return self.voice_flag or self.settings.voice

    @property
    def get_ready(self) -> int:
        return self.settings.get_ready_seconds

    @property
    def switch_sides(self) -> int:
        return self.settings.switch_sides_seconds

    def use_theme(self, settings: Settings) -> Settings:
        """Apply the theme; an unknown one is reported and the default used."""
        if settings.theme not in self.available_themes:
            from tui.core.common.errors import DataFileError

            self.settings_problems.append(DataFileError(
                self.settings_path or "settings", f"'{settings.theme}' is not a known theme; "
                f"using {DEFAULTS.theme}", field="theme"))
            settings = replace(settings, theme=DEFAULTS.theme)
        self.theme = settings.theme
        return settings

    @on(ApplySettings)
    def apply_settings(self, message: ApplySettings) -> None:
        """Use new settings now and save them (off the UI thread)."""
        self.settings = message.settings
        self.theme = message.settings.theme
        self.save_settings_file(message.settings)

    @work(thread=True, group="settings-write", exit_on_error=False)
    def save_settings_file(self, settings: Settings) -> None:
        if self.settings_path is None:
            return
        try:
            save_settings(self.settings_path, settings)
        except OSError as error:
            self.notify(f"Settings not saved to {self.settings_path}: {error.strerror}", severity="error")
            return
        self.notify(f"Saved to {self.settings_path}")

    def report_startup_problems(self) -> None:
        """One notice for every problem of the settings file, one for the rest:
        seven bad values make one list to read, not seven toasts to dismiss."""
        if self.settings_problems:
            from tui.core.common.errors import problems_by_file

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
            self.flows.start(self.start_routine)
        self._install_signal_handlers()
        self.screen_change_signal.subscribe(self, lambda _screen: self.call_later(self.check_size))
        self.check_size()

    # -- robustness ---------------------------------------------------------
    def on_resize(self, event) -> None:
        self.check_size(event.size)

    def check_size(self, size=None) -> None:
        """Cover the top screen with a request to enlarge the window while it
        is too small; take every copy away as it comes to the top once the
        window is large enough. Checked on each resize and after each push or
        pop, so a screen pushed over the request is covered again."""
        from tui.dialogs.too_small import TooSmallScreen  # small: it only says what size is needed

        size = size or self.size
        small = too_small(size.width, size.height)
        on_top = isinstance(self.screen, TooSmallScreen)
        if small and not on_top:
            self.push_screen(TooSmallScreen())
        elif on_top and not small:
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
        """Record a routine in progress as left part-way, then leave: in order
        while the terminal is there, at once when it is gone (see tui/app_signals.py)."""
        from tui.core.journal.store.errors import JournalError
        from tui.core.journal.writer import NoJournal
        from tui.screens.session import SessionScreen

        for screen in self.screen_stack:
            if isinstance(screen, SessionScreen) and not screen.timer.finished:
                screen.timer.finish(left=True)
                result = screen.result()
                if result.report.began:
                    try:
                        self.writer.write(session_change(result.routine, result.report,
                                                         result.started, result.ended))
                    except (NoJournal, JournalError, ValueError):
                        pass  # leaving anyway; nothing else to do with it
        if self._signals is not None and self._signals.terminal_gone():
            from tui.app_signals import end_by_signal

            end_by_signal(signum)
        self.exit(return_code=128 + signum)


    @on(Worker.StateChanged)
    def worker_failed(self, event: Worker.StateChanged) -> None:
        """Workers run with exit_on_error=False: an unexpected error in one is
        logged and said, and the app goes on (the journal is left as it was)."""
        if event.state is WorkerState.ERROR and event.worker.error is not None:
            from tui.crash import write_crash_log

            log = write_crash_log(event.worker.error)
            where = f" Details are in {log}." if log else ""
            self.notify(f"Something went wrong; nothing was changed.{where}", severity="error", timeout=30)

    # -- cues ------------------------------------------------------------------
    @on(Cue)
    def cue(self, message: Cue) -> None:
        if message.bell and not self.quiet:
            self.bell()
        if message.words and self.voice and not self.voice_out.say(message.words):
            from tui.core.routines.voice import INSTALL_HINT

            self.notify(INSTALL_HINT, title="Voice", severity="warning", timeout=15)

    # -- routines, the journal and the plan: see tui/app_flows.py ---------------
    @on(StartSession)
    def session_asked(self, message: StartSession) -> None:
        self.flows.start(message.routine_id, message.on_complete)

    @on(StartTimedStep)
    def timed_step_asked(self, message: StartTimedStep) -> None:
        self.flows.start_timed_step(message.step, message.on_complete)

    @on(LogSoreness)
    def log_soreness(self) -> None:
        from tui.screens.soreness import SorenessScreen

        self.push_screen(SorenessScreen("How do your legs feel today?"))

    @on(OpenPlan)
    def plan_asked(self) -> None:
        self.flows.open_plan()

    @on(SaveSoreness)
    def soreness_given(self, message: SaveSoreness) -> None:
        self.flows.save_rating(message.entry, message.form)

    @on(WriteJournal)
    def write_asked(self, message: WriteJournal) -> None:
        self.flows.write(message.what, message.change)

    @on(JournalSaved)
    def journal_saved(self, message: JournalSaved) -> None:
        self.flows.saved(message)

    @on(JournalFailed)
    def journal_write_failed(self, message: JournalFailed) -> None:
        self.flows.write_failed(message)

    @on(JournalUnreadable)
    def journal_unreadable(self, message: JournalUnreadable) -> None:
        self.flows.journal_problem(message.error)

"""What every screen may ask of the app, typed: the library, the journal and
its one writer, settings, clocks, cues, the window's size, signals and worker
errors. Screens know the app by this class (`app = getters.app(AppServices)`);
RecoveryApp (tui/app.py) adds the screens, which this module never imports.

Every write to the journal goes through `write` (a thread worker, one change
at a time through the JournalWriter); what came of it is posted to the screen
that asked (JournalSaved, JournalFailed), which bubbles on to the app.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import replace
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Any

from textual import on, work
from textual.app import App
from textual.binding import Binding
from textual.geometry import Size
from textual.message_pump import MessagePump
from textual.signal import Signal
from textual.worker import Worker, WorkerState

from tui import __version__
from tui.app_signals import SignalExit, end_by_signal
from tui.core.common.errors import DataFileError
from tui.core.common.settings import DEFAULTS, Settings, save_settings
from tui.core.common.when import local_now
from tui.core.journal.store.errors import JournalCorruptError, JournalError
from tui.core.journal.writer import Change, JournalWriter, NoJournal
from tui.core.routines.voice import LazyVoice
from tui.messages import Cue, JournalFailed, JournalSaved, JournalUnreadable, VoiceMissing
from tui.min_size import too_small

if TYPE_CHECKING:
    from textual.message import Message

    from tui.core.journal.journal import Journal
    from tui.core.routines.loader import Library
    from tui.core.routines.timer import Clock


class AppServices(App[int]):
    """The post-run recovery companion, without its screens."""

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
        watch_mounts: list[str] | None = None,
    ) -> None:
        super().__init__()
        self.library = library
        self.journal = journal
        self.writer = JournalWriter(journal)  # every write to the journal goes through it
        self.clock = clock
        self.now = now
        self.quiet_flag = quiet
        self.voice_flag = voice
        self.voice_out = LazyVoice()
        self.settings = settings
        self.settings_path = settings_path
        self.startup_problems = list(startup_problems or [])
        self.settings_problems = list(settings_problems or [])  # shown together in one notice
        self.watch_mounts = watch_mounts  # where a watch's drive is looked for; None: places.MOUNT_ROOTS
        self.repair_offered = False  # the damaged-journal dialog is open
        # Published before the app leaves on a signal (a session records itself), and after
        # the journal changed (home reads its notices again).
        self.leaving: Signal[int] = Signal(self, "leaving")
        self.journal_changed: Signal[None] = Signal(self, "journal-changed")
        self._signals: SignalExit | None = None

    def notify(self, message: str, *, title: str = "", markup: bool = False, **options: Any) -> None:
        """Textual's notify with markup off unless asked for: these messages
        carry file paths, settings values and error text, and a "[/]" in one
        would stop the app instead of being shown. For the same reason their
        control characters are shown as escapes (tui/core/common/terminal_text.py)."""
        from tui.core.common.terminal_text import visible

        super().notify(visible(message, lines=True), title=visible(title), markup=markup, **options)

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

    def on_mount(self) -> None:
        self.settings = self.use_theme(self.settings)
        self.report_startup_problems()
        self._install_signal_handlers()
        self.screen_change_signal.subscribe(self, lambda _screen: self.call_later(self.check_size))
        self.check_size()

    # -- the window's size and signals -------------------------------------------
    def on_resize(self, event: Any) -> None:
        self.check_size(event.size)

    def check_size(self, size: Size | None = None) -> None:
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
        signals = SignalExit(self.stop_on_signal)
        if signals.install():  # not in a thread other than the main one
            self._signals = signals

    def on_unmount(self) -> None:
        if self._signals is not None:
            self._signals.uninstall()

    def stop_on_signal(self, signum: int) -> None:
        """Let a routine in progress record itself as left part-way (`leaving`:
        at once, through write_now, since the loop may not turn again once the
        terminal is gone), then leave: in order while the terminal is there, at
        once when it is gone (see tui/app_signals.py)."""
        self.leaving.publish(signum)
        if self._signals is not None and self._signals.terminal_gone():
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

    @on(Cue)
    def cue(self, message: Cue) -> None:
        if message.bell and not self.quiet:
            self.bell()
        if message.words and self.voice and not self.voice_out.say(message.words):
            self.screen.post_message(VoiceMissing())

    @on(VoiceMissing)
    def voice_missing(self, message: VoiceMissing) -> None:
        """No screen showed it in its own layout (a session does): a notice."""
        from tui.core.routines.voice import INSTALL_HINT

        self.notify(INSTALL_HINT, title="Voice", severity="warning", timeout=15)

    # -- the journal: one write path ----------------------------------------------
    @work(thread=True, group="journal-write", exit_on_error=False)
    def write(self, what: str, change: Change, origin: MessagePump | None = None) -> Any:
        """One change, written off the UI thread; a failure is said (JournalFailed
        to `origin`, else to the app). Its result: the record, or None."""
        return self.write_now(what, change, origin)

    def write_now(self, what: str, change: Change, origin: MessagePump | None = None) -> Any:
        """From a worker thread: the record written, or None (and JournalFailed posted)."""
        try:
            return self.writer.write(change, keep=what == "session")
        except NoJournal:
            self.tell(origin, JournalFailed(what, None))
        except (JournalError, ValueError) as error:
            self.tell(origin, JournalFailed(what, error))
        return None

    def tell(self, origin: MessagePump | None, message: Message) -> None:
        """Post to the screen that asked (it bubbles on to the app); to the app
        itself when there is none, or it has closed meanwhile."""
        if origin is None or not origin.post_message(message):
            self.post_message(message)

    def read_journal(self, read: Callable[[Journal], Any]) -> Any:
        """From a worker thread: `read(journal)`, or None when there is no
        journal or it cannot be read (said, with an offer to repair it)."""
        if self.journal is None:
            return None
        try:
            return read(self.journal)
        except JournalError as error:
            self.post_message(JournalUnreadable(error))
            return None

    @on(JournalSaved)
    def journal_saved(self, message: JournalSaved) -> None:
        if message.what == "rating" and message.record is not None:
            self.notify(f"Saved: soreness {message.record['overall']}/10.")
        if message.notice:
            from tui.dialogs.notice import NoticeScreen

            self.push_screen(NoticeScreen("Look after yourself", message.notice))
        self.journal_changed.publish(None)

    @on(JournalFailed)
    def journal_write_failed(self, message: JournalFailed) -> None:
        error = message.error
        if error is None:
            self.notify(message.problem, severity="warning")
        elif not isinstance(error, JournalError):
            self.notify(f"Not saved: {error}", severity="error")
        else:
            kept = " It is kept, and saved with the next save." if message.what == "session" else ""
            self.notify(f"This {message.what} was not saved. {error}{kept}", title="Journal",
                        severity="error", timeout=30)
            if isinstance(error, JournalCorruptError):
                self.journal_problem(error)

    @on(JournalUnreadable)
    def journal_unreadable(self, message: JournalUnreadable) -> None:
        self.journal_problem(message.error)

    def journal_problem(self, error: JournalError) -> None:
        """Say what is wrong; for a damaged file offer a backup or moving it
        aside (one dialog at a time)."""
        self.writer.failed = error
        if not isinstance(error, JournalCorruptError):
            self.notify(str(error), title="Journal", severity="error", timeout=30)
        elif not self.repair_offered:
            self.repair_offered = True
            self.offer_repair(error)

    @work(group="journal-repair", exit_on_error=False)
    async def offer_repair(self, error: JournalCorruptError) -> None:
        from tui.dialogs.damaged_journal import offer_repair

        try:
            repaired = await offer_repair(self, self.writer, error, self.now)
        finally:
            self.repair_offered = False
        if repaired:
            self.journal_changed.publish(None)

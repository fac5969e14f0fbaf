"""Journal writes from the app: one at a time, off the UI thread, and every
failure turned into a message (a damaged file is offered to be moved aside)."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import work

from tui.screens.home import HomeScreen

# The rest is imported where it is used, not while the app starts.
if TYPE_CHECKING:
    from tui.core.journal import Journal
    from tui.core.storage import JournalError
    from tui.screens.runner import RunResult
    from tui.widgets.soreness_form import SorenessEntry


class JournalWrites:
    """Mixed into RecoveryApp; needs `journal`, `now`, `journal_failed`, `_write_lock`."""

    @work(thread=True, group="journal-write")
    def save_session(self, result: RunResult) -> None:
        self._write("session", self._session_writer(result))

    @staticmethod
    def _session_writer(result: RunResult) -> Callable[[Journal], dict]:
        """Write the session; a completed recovery routine also counts as a
        practice of the day's run, if there is one (warm-up drills do not)."""
        from tui.core.runs import is_practice

        report = result.report
        counts = report.completed and is_practice(result.routine)

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
            run = journal.run_for_day(result.ended.date()) if counts else None
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
        from tui.core.soreness import GUARD_WINDOW, guard_notice, pain_alerts
        from tui.screens.notice import NoticeScreen

        now = self.now()
        notice = guard_notice(pain_alerts(self.journal.records(since=now - GUARD_WINDOW), now))
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
        from tui.core.storage import JournalError

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
        from tui.core.storage import JournalCorruptError
        from tui.screens.confirm import ConfirmScreen

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
        from tui.core.storage import JournalError, move_aside

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

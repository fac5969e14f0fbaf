"""Journal writes from the app: one at a time, off the UI thread, and every
failure said, every time: a failed save never silences the ones after it,
each of which tries again. A damaged journal gets a dialog offering the newest
good backup (the one `recovery-tui doctor --restore latest` picks) or moving
the file aside."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from textual import work

from tui.messages import JournalFailed, JournalSaved, JournalUnreadable, WriteJournal

from tui.screens.home import HomeScreen

# The rest is imported where it is used, not while the app starts.
if TYPE_CHECKING:
    from tui.core.backups import BackupInfo
    from tui.core.journal import Journal
    from tui.core.store.errors import JournalError
    from tui.screens.runner import SessionResult
    from tui.screens.soreness import SorenessScreen
    from tui.widgets.soreness_form import SorenessEntry


class JournalWrites:
    """Mixed into RecoveryApp; needs `journal`, `now`, `journal_failed` (the
    last error, None after a save that worked: home reads nothing meanwhile),
    `_write_lock` and `_repair_offered`."""

    @work(thread=True, group="journal-write", exit_on_error=False)
    def save_session(self, result: SessionResult) -> None:
        self._write("session", self._session_writer(result))

    @staticmethod
    def _session_writer(result: SessionResult) -> Callable[[Journal], dict]:
        """Write the session ("completed" means finished, skips or not). A
        recovery routine (warm-up drills are not one) whose holds covered at
        least half of it also counts as a practice of the day's run, if any."""
        from tui.core.runs import is_practice

        report = result.report
        counts = report.counts_as_practice and is_practice(result.routine)

        def write(journal: Journal) -> dict:
            session = journal.add_session(
                result.routine.id,
                result.routine.name,
                result.started,
                result.ended,
                report.finished,
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

    @work(thread=True, group="journal-write", exit_on_error=False)
    def save_soreness(self, entry: SorenessEntry, form: SorenessScreen | None = None) -> None:
        """Save a rating; `form` hears how it went first (JournalSaved or
        JournalFailed bubble from it to the app), and stays open if it failed."""
        saved = self._write(
            "rating",
            lambda journal: journal.add_soreness(
                entry.overall, entry.areas, entry.pain, entry.note, when=self.now()
            ),
            form,
        )
        if saved is None:
            return
        self._tell(form, JournalSaved("rating", saved))
        from tui.core.soreness import GUARD_WINDOW, guard_notice, pain_alerts
        from tui.core.store.errors import JournalError
        from tui.screens.notice import NoticeScreen

        now = self.now()
        try:
            notice = guard_notice(pain_alerts(self.journal.records(since=now - GUARD_WINDOW), now))
        except JournalError as error:
            self.post_message(JournalUnreadable(error))
            return
        if notice:
            self.call_from_thread(self.push_screen, NoticeScreen("Look after yourself", notice))
        self.call_from_thread(self.refresh_home)

    def _tell(self, origin, message) -> None:
        """Post to the screen that asked (it bubbles on to the app); to the app
        itself when there is none, or it has closed meanwhile."""
        if origin is None or not origin.post_message(message):
            self.post_message(message)

    def _write(self, what: str, write: Callable[[Journal], dict], origin=None) -> dict | None:
        """One write at a time, in order: the record, or None (and a
        JournalFailed posted). Every failure is reported, never a crash; the
        next write tries again. From a worker thread."""
        from tui.core.store.errors import JournalError

        if self.journal is None:
            self._tell(origin, JournalFailed(what, None))
            return None
        with self._write_lock:
            try:
                record = write(self.journal)
            except (JournalError, ValueError) as error:
                self._tell(origin, JournalFailed(what, error))
                return None
        self.journal_failed = None
        return record

    @work(thread=True, group="journal-write", exit_on_error=False)
    def write_journal(self, message: WriteJournal) -> None:
        self._write(message.what, message.change)

    # -- journal problems ---------------------------------------------------
    def saved(self, message: JournalSaved) -> None:
        if message.what == "rating":
            self.notify(f"Saved: soreness {message.record['overall']}/10.")

    def write_failed(self, message: JournalFailed) -> None:
        from tui.core.store.errors import JournalCorruptError, JournalError

        error = message.error
        if error is None:
            self.notify(message.problem, severity="warning")
        elif not isinstance(error, JournalError):
            self.notify(f"Not saved: {error}", severity="error")
        else:
            self.notify(f"This {message.what} was not saved. {error}", title="Journal",
                        severity="error", timeout=30)
            if isinstance(error, JournalCorruptError):
                self.journal_problem(error)
            else:
                self.journal_failed = error

    def journal_problem(self, error: JournalError) -> None:
        """Say what is wrong; for a damaged file offer a backup or moving it
        aside (one dialog at a time)."""
        from tui.core.store.errors import JournalCorruptError

        self.journal_failed = error
        if not isinstance(error, JournalCorruptError):
            self.notify(str(error), title="Journal", severity="error", timeout=30)
            return
        if not self._repair_offered:
            self._repair_offered = True
            self.offer_repair(error)

    @work(thread=True, group="journal-repair")
    def offer_repair(self, error: JournalError) -> None:
        from tui.screens.damaged_journal import DamagedJournalScreen

        backup = self._newest_good_backup(error)
        described = None if backup is None else f"the backup of {backup.day} ({backup.records} records)"

        def answered(choice: str | None) -> None:
            self._repair_offered = False
            if choice == "restore":
                self.restore_journal(error, backup)
            elif choice == "aside":
                self.move_journal_aside(error)

        self.call_from_thread(self.push_screen, DamagedJournalScreen(str(error), described), answered)

    def _newest_good_backup(self, error: JournalError) -> BackupInfo | None:
        """What `doctor --restore latest` would restore, when the damaged file is
        the journal itself (not an archive month); None if there is none."""
        import os

        from tui.core.backups import latest_good
        from tui.core.store.errors import JournalError

        if self.journal is None or os.path.realpath(error.path) != os.path.realpath(self.journal.path):
            return None
        try:
            return latest_good(self.journal.path, self.now().date())
        except JournalError:
            return None

    @work(thread=True, group="journal-write")
    def restore_journal(self, error: JournalError, backup: BackupInfo) -> None:
        from tui.core.backups import restore_backup
        from tui.core.store.errors import JournalError

        with self._write_lock:
            try:
                moved = restore_backup(self.journal.path, backup.path, self.now())
            except JournalError as failure:
                self.call_from_thread(self.notify, f"The backup was not restored: {failure}", severity="error")
                return
            self.journal.close()  # forget what was read of the damaged file
        self.journal_failed = None
        kept = f" The damaged file is kept at {moved}." if moved is not None else ""
        self.call_from_thread(self.notify, f"Restored the journal from the backup of {backup.day} "
                                           f"({backup.records} records).{kept}", timeout=15)
        self.call_from_thread(self.refresh_home)

    def move_journal_aside(self, error: JournalError) -> None:
        from tui.core.store.aside import move_aside
        from tui.core.store.errors import JournalError

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


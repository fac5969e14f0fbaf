"""The app's one write path to the journal, without Textual: one write at a
time, in order; every failure raised to the caller (who says it) and
remembered until a later write works, so each write tries again. Also the
two changes the app writes itself: a finished session and a soreness rating."""

from __future__ import annotations

import threading
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any, TypeVar

from tui.core.journal.soreness import GUARD_WINDOW, guard_notice, pain_alerts
from tui.core.journal.store.errors import JournalError
from tui.core.journal.window import WINDOW_LIMIT
from tui.core.plan.runs import is_practice

T = TypeVar("T")

if TYPE_CHECKING:
    from tui.core.journal.journal import Journal
    from tui.core.routines.model import Routine
    from tui.core.routines.timer import Report

Change = Callable[["Journal"], Any]


class NoJournal(Exception):
    """There is no journal to write to (it could not be opened at start)."""


class JournalWriter:
    """Serialises writes to one journal; `failed` is the last journal error,
    None once a write has worked (home reads nothing meanwhile). `unsaved`
    holds the kept changes that failed (a session that ended on a full disk),
    oldest first, in memory until a write works."""

    def __init__(self, journal: Journal | None) -> None:
        self.journal = journal
        self.failed: JournalError | None = None
        self.unsaved: list[Change] = []
        self._lock = threading.RLock()

    def write(self, change: Change, keep: bool = False) -> Any:
        """Apply `change` to the journal; raises NoJournal, JournalError or
        ValueError (a record the journal refuses) without changing anything.
        The kept changes that failed are written first, so a rating given
        after a session that could not be saved still follows, and links to, it.
        With `keep`, a change that fails is kept for the next write."""
        with self._lock:
            try:
                self._save_unsaved()
                record = change(self._journal())
            except JournalError as error:
                self.failed = error
                if keep:
                    self.unsaved.append(change)
                raise
        self.failed = None
        return record

    def save_pending(self) -> int:
        """Write the kept changes now (the runner's "try again"), oldest first;
        how many were saved (0: nothing was pending). Raises NoJournal or
        JournalError (what is still unsaved stays kept, in order)."""
        with self._lock:
            try:
                saved = self._save_unsaved()
            except JournalError as error:
                self.failed = error
                raise
        self.failed = None
        return saved

    def _save_unsaved(self) -> int:
        journal = self._journal()
        saved = 0
        while self.unsaved:
            self.unsaved[0](journal)
            self.unsaved.pop(0)
            saved += 1
        return saved

    def _journal(self) -> Journal:
        if self.journal is None:
            raise NoJournal
        return self.journal

    def replace(self, swap: Callable[[], T]) -> T:
        """Swap the journal's file (a restore, a move aside) between writes,
        then forget what was read of the old one."""
        with self._lock:
            result = swap()
            if self.journal is not None:
                self.journal.close()
        self.failed = None
        return result


def session_change(routine: Routine, report: Report, started: datetime, ended: datetime) -> Change:
    """Write a session ("completed" means finished, skips or not). A recovery
    routine (warm-up drills are not one) whose holds covered at least half of
    it also counts as a practice of the day's run, if any."""
    counts = report.counts_as_practice and is_practice(routine)
    written: list[dict] = []  # the session, once saved: a retry after a failed tick adds it only once

    def write(journal: Journal) -> dict:
        if not written:
            written.append(journal.add_session(
                routine.id, routine.name, started, ended, report.finished, len(report.done),
                len(report.skipped), len(routine.exercises), round(report.seconds_spent, 1),
            ))
        run = journal.run_for_day(ended.date()) if counts else None
        if run is not None:
            journal.record_practices(run["id"], [routine.id])
        return written[0]

    return write


def rating_change(overall: int, areas: dict[str, int], pain: list[str], note: str, when: datetime) -> Change:
    return lambda journal: journal.add_soreness(overall, areas, pain, note, when=when)


def pain_notice(journal: Journal, now: datetime) -> str:
    """The pain guard's notice after a rating ("" when there is nothing to say)."""
    ratings = journal.records(since=now - GUARD_WINDOW, kinds=("soreness",), each=WINDOW_LIMIT)
    return guard_notice(pain_alerts(ratings, now))

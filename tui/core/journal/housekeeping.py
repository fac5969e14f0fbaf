"""What each save does besides saving: the day's backup and the move to the archive.

Both are housekeeping only: if one fails, the save goes on, and the
storage's notices say why (nothing is lost).
"""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

from tui.core.journal import archive, rotation
from tui.core.journal.daily_backup import make_daily_backup
from tui.core.journal.records import TIME_FIELD, checks_out
from tui.core.journal.storage import SafeJSONStorage
from tui.core.journal.store.errors import JournalError

NOTED_A_SAVE = 4  # parts an earlier version made, whose types a save notes (rotation.note_kinds)


class DailyBackups:
    """The day's first write backs up the journal as it stood (the last 7 days are kept)."""

    def __init__(self, journal: Path) -> None:
        self.journal = journal
        self._done: date | None = None  # the day a backup was last made sure of

    def make(self, today: date, notices: list[str]) -> None:
        if self._done == today:
            return  # saves after the first of the day need not read the backup again
        try:
            made = make_daily_backup(self.journal, today)
        except JournalError as error:
            notices.append(str(error))
        else:
            if made is not None or self.journal.exists():  # None and no journal: nothing to back up yet
                self._done = today


def archive_old_months(storage: SafeJSONStorage, now: datetime) -> int:
    """Move the good records from before last month to the archive (see
    archive.py), and the oldest of a crowded journal to parts of their month
    (rotation.py); return how many moved."""
    try:
        with storage.locked():
            moved = rotation.finish_pending(storage, TIME_FIELD)  # before anything else moves
            before = archive.month_before(archive.month_of(now))
            joined: set[str] = set()  # parts that records join (another device's: rotation.held_in_archive)

            def held(docs: dict) -> dict[str, str]:
                tables = storage.read()
                where = rotation.held_in_archive(storage.path, docs, TIME_FIELD, rotation.part_newest(tables),
                                                 rotation.part_kinds(tables))
                joined.update(where.values())
                return where

            moved += archive.move_old_records(storage, before, TIME_FIELD, checks_out, held=held)
            for part in joined:  # a run merged into one may be later than it was
                rotation.forget_newest(storage, part)
            moved += rotation.rotate(storage, TIME_FIELD, checks_out)
            rotation.note_kinds(storage, TIME_FIELD, (archive.month_of(now), before), at_most=NOTED_A_SAVE)
            return moved
    except JournalError as error:
        storage.notices.append(f"{error} Older records stay in the journal for now; nothing was lost.")
        return 0

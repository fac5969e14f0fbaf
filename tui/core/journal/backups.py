"""The journal's backups for the runner: list them, find the latest good one,
restore one. (Making the day's backup is daily_backup.py, which every save runs.)

Restoring first moves the current journal aside (never deleting it), then
writes the backup in atomically, telling it the highest id ever given out.
"""

from __future__ import annotations

import os
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tui.core.journal.daily_backup import backup_days, readable
from tui.core.journal.records import TABLE
from tui.core.journal.storage import SafeJSONStorage
from tui.core.journal.store.aside import move_aside
from tui.core.journal.store.errors import JournalAccessError, JournalError
from tui.core.journal.store.id_floor import highest_id_beside
from tui.core.journal.store.json_tables import read_tables
from tui.core.journal.store.meta import META_TABLE, last_id, with_last_id


@dataclass(frozen=True)
class BackupInfo:
    """One backup; `records` is None and `problem` says why when it cannot be read."""

    path: Path
    day: date
    records: int | None
    ok: bool
    problem: str = ""


def read_journal_file(path: Path) -> dict[str, dict[str, Any]] | None:
    """The tables in a journal file, None if it does not exist; JournalError if unusable."""
    return read_tables(path)


def latest_good(journal_path: Path | str, today: date) -> BackupInfo | None:
    """The newest readable backup not dated after `today`."""
    return next((info for info in list_backups(journal_path) if info.ok and info.day <= today), None)


def list_backups(journal_path: Path | str) -> list[BackupInfo]:
    """Every backup of the journal, newest first, each read to see if it is usable."""
    return [_info(path, day) for day, path in backup_days(journal_path)]


def restore_backup(journal_path: Path | str, backup: Path | str, now: datetime) -> Path | None:
    """Replace the journal with a backup. The current journal, if any, is first
    moved aside with move_aside(); returns where it went (None if there was none)."""
    backup = Path(backup)
    data = read_journal_file(backup)
    if data is None:
        raise JournalAccessError(backup, f"There is no backup at {backup}.")
    store = SafeJSONStorage(journal_path, create_dirs=True, check_existing=False)
    try:
        with store.locked():
            moved = None
            if os.path.lexists(store.path):
                moved = move_aside(store.path, now, "replaced" if readable(store.path) else "corrupt")
            # ids given out since the backup was made must not be given out again
            for table in {TABLE, *data} - {META_TABLE}:  # the records, the experiments, ...
                floor = max(last_id(data, table), highest_id_beside(store.path, table))
                data = with_last_id(data, table, floor)
            try:
                store.write(data)
            except JournalError as error:
                if moved is None:
                    raise
                raise JournalAccessError(
                    store.path, f"{error.message} The previous journal is kept at {moved}."
                ) from None
    finally:
        store.close()
    return moved


def _info(path: Path, day: date) -> BackupInfo:
    try:
        data = read_journal_file(path)
    except JournalError as error:
        return BackupInfo(path, day, None, False, error.message)
    if data is None:
        return BackupInfo(path, day, None, False, f"There is no backup at {path}.")
    return BackupInfo(path, day, len(data.get(TABLE, {})), True)

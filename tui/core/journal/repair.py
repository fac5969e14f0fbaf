"""What can be done about a damaged journal, without Textual: find the newest
good backup (the one `recovery-tui doctor --restore latest` picks), restore
it, or move the damaged file aside. Nothing is deleted either way."""

from __future__ import annotations

import os
from datetime import date, datetime
from pathlib import Path

from tui.core.journal.backups import BackupInfo, latest_good, restore_backup
from tui.core.journal.store.aside import move_aside
from tui.core.journal.store.errors import JournalError
from tui.core.journal.writer import JournalWriter, NoJournal


def newest_good_backup(journal_path: Path | None, damaged: Path | str, today: date) -> BackupInfo | None:
    """The backup to offer when the damaged file is the journal itself (not an
    archive month); None if it is not, or there is none."""
    if journal_path is None or os.path.realpath(damaged) != os.path.realpath(journal_path):
        return None
    try:
        return latest_good(journal_path, today)
    except JournalError:
        return None


def restore_newest(writer: JournalWriter, backup: BackupInfo, now: datetime) -> Path | None:
    """Put `backup` in the journal's place, between writes; returns where the
    damaged file was kept (None if there was none). Raises JournalError, or
    NoJournal when the app has none open to restore into."""
    journal = writer.journal
    if journal is None:
        raise NoJournal("no journal is open to restore the backup into")
    return writer.replace(lambda: restore_backup(journal.path, backup.path, now))


def move_damaged_aside(writer: JournalWriter, damaged: Path | str, now: datetime) -> Path:
    """Move the damaged file aside so that a new journal starts; returns where
    it went. Raises JournalError or OSError."""
    return writer.replace(lambda: move_aside(damaged, now))


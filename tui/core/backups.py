"""Daily backups of the journal: one a day, the last seven kept.

A backup is "backups/<journal stem>-YYYY-MM-DD<suffix>" next to the journal
(files 0600, folder 0700), e.g. backups/journal-2024-11-22.json. It is written
atomically (temp file, fsync, rename) and read back before it counts. An older
backup is deleted only once seven newer ones read back as journals, so a run of
bad days never costs the last good copy. A backup dated after today (made
while the clock was wrong) is never the latest and is pruned first. Restoring
first moves the current journal aside (never deleting it), then writes the
backup in atomically, telling it the highest id ever given out.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path
from typing import Any

from tui.core.records import TABLE
from tui.core.store.aside import move_aside
from tui.core.store.atomic import remove_temp_files, write_atomically
from tui.core.store.errors import JournalAccessError, JournalError, reason
from tui.core.store.folder import list_names, make_private_folder
from tui.core.store.id_floor import highest_id_beside
from tui.core.store.json_tables import encode_tables, read_tables
from tui.core.store.links import require_real_folder
from tui.core.store.lock import FileLock
from tui.core.store.meta import last_id, with_last_id
from tui.core.storage import SafeJSONStorage

KEEP = 7
FOLDER_NAME = "backups"
LOCK_NAME = ".lock"


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


def backup_folder(journal_path: Path | str) -> Path:
    return _real(journal_path).parent / FOLDER_NAME


def backup_path(journal_path: Path | str, day: date) -> Path:
    journal = _real(journal_path)
    return journal.parent / FOLDER_NAME / f"{journal.stem}-{day.isoformat()}{journal.suffix}"


def make_daily_backup(journal_path: Path | str, today: date) -> Path | None:
    """Back up the journal unless today's backup exists; prune to the last KEEP.
    Call it after each successful save, with the local date of the save.

    Returns the new backup, or None when there was nothing to do (no journal
    yet, or today's backup is already there). Raises JournalError, naming the
    path, when the journal cannot be read or the backup cannot be written.
    """
    journal = _real(journal_path)
    target = backup_path(journal, today)
    if _info(target, today).ok:  # the usual case after the first save of the day
        return None
    data = read_journal_file(journal)
    if data is None:
        return None
    with _locked(backup_folder(journal)):
        if _info(target, today).ok:  # another copy of the app was quicker
            return None
        write_atomically(target, encode_tables(data))
        read_journal_file(target)  # reads back, or raises before anything is pruned
        _prune(journal, today)
    return target


def latest_good(journal_path: Path | str, today: date) -> BackupInfo | None:
    """The newest readable backup not dated after `today`."""
    return next((info for info in list_backups(journal_path) if info.ok and info.day <= today), None)


def list_backups(journal_path: Path | str) -> list[BackupInfo]:
    """Every backup of the journal, newest first, each read to see if it is usable."""
    journal = _real(journal_path)
    pattern = re.compile(
        rf"{re.escape(journal.stem)}-(\d{{4}}-\d{{2}}-\d{{2}}){re.escape(journal.suffix)}"
    )
    names = list_names(backup_folder(journal), journal, "the backups")
    found = []
    for name in names:
        match = pattern.fullmatch(name)
        try:
            day = date.fromisoformat(match.group(1)) if match else None
        except ValueError:  # e.g. 2024-02-30
            day = None
        if day is not None:
            found.append(_info(backup_folder(journal) / name, day))
    return sorted(found, key=lambda info: info.day, reverse=True)


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
                moved = move_aside(store.path, now, "replaced" if _readable(store.path) else "corrupt")
            # ids given out since the backup was made must not be given out again
            floor = max(last_id(data, TABLE), highest_id_beside(store.path, TABLE))
            try:
                store.write(with_last_id(data, TABLE, floor))
            except JournalError as error:
                if moved is None:
                    raise
                raise JournalAccessError(
                    store.path, f"{error.message} The previous journal is kept at {moved}."
                ) from None
    finally:
        store.close()
    return moved


# -- helpers -------------------------------------------------------------------


def _real(journal_path: Path | str) -> Path:
    return Path(os.path.realpath(os.fspath(journal_path)))


def _readable(path: Path) -> bool:
    try:
        read_journal_file(path)
    except JournalError:
        return False
    return True


def _info(path: Path, day: date) -> BackupInfo:
    try:
        data = read_journal_file(path)
    except JournalError as error:
        return BackupInfo(path, day, None, False, error.message)
    if data is None:
        return BackupInfo(path, day, None, False, f"There is no backup at {path}.")
    return BackupInfo(path, day, len(data.get(TABLE, {})), True)


def _prune(journal: Path, today: date) -> None:
    """Delete the backups older than the KEEP newest readable ones; those
    dated after today count as the oldest."""
    readable = 0
    for info in sorted(list_backups(journal), key=lambda info: info.day > today):  # stable
        if readable >= KEEP:
            _unlink(info.path)
        elif info.ok:
            readable += 1


@contextmanager
def _locked(folder: Path) -> Iterator[None]:
    """Create the folder (0700) and hold its lock; clear temp files of killed backups."""
    try:
        require_real_folder(folder)
        make_private_folder(folder)
    except OSError as exc:
        raise _error(folder, exc) from None
    lock = FileLock(folder / LOCK_NAME, folder, "backups")
    try:
        with lock.hold():
            remove_temp_files(folder, "")
            yield
    except OSError as exc:
        raise _error(folder, exc) from None
    finally:
        lock.close()


def _unlink(path: Path) -> None:
    try:
        os.unlink(path)
    except FileNotFoundError:
        pass


def _error(folder: Path, exc: OSError) -> JournalAccessError:
    return JournalAccessError(
        folder, f"Cannot write the backups in {folder}: {reason(exc)}."
    )

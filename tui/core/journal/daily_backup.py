"""The day's backup, made by the first save of each day; the last seven are kept.

A backup is "backups/<journal stem>-YYYY-MM-DD.<device><suffix>" in the app's
folder for the journal (paths.own_files_folder; files 0600, folder 0700), e.g.
backups/journal-2024-11-22.laptop-k3j9.json: named by the device that made it
(sync/device.py), so that two devices sharing a synced folder never write, or
prune, each other's. It is written atomically (temp file, fsync, rename) and
read back before it counts. An older backup is deleted only once seven newer
ones read back as journals, so a run of
bad days never costs the last good copy. A backup dated after today (made
while the clock was wrong) is never the latest and is pruned first. Each
device prunes its own (and those without a device's name, made before).

Every save runs this, so it holds only what a save needs; listing backups
for the runner and restoring one are in backups.py.
"""

from __future__ import annotations

import contextlib
import os
import re
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import date
from pathlib import Path

from tui.core.common.atomic import remove_temp_files, write_atomically
from tui.core.common.paths import own_files_folder
from tui.core.journal.store.errors import JournalAccessError, JournalError, reason
from tui.core.journal.store.folder import list_names, make_private_folder
from tui.core.journal.store.json_tables import encode_tables, read_tables
from tui.core.journal.store.links import require_real_folder
from tui.core.journal.store.lock import FileLock
from tui.core.journal.sync.device import device_name

KEEP = 7
FOLDER_NAME = "backups"
LOCK_NAME = ".lock"


def real_journal(journal_path: Path | str) -> Path:
    """The journal file itself (links resolved): its backups sit beside it."""
    return Path(os.path.realpath(os.fspath(journal_path)))


def backup_folder(journal_path: Path | str) -> Path:
    return own_files_folder(real_journal(journal_path)) / FOLDER_NAME


def backup_path(journal_path: Path | str, day: date, device: str | None = None) -> Path:
    """This device's backup of `day` (or `device`'s)."""
    journal = real_journal(journal_path)
    device = device_name() if device is None else device
    return backup_folder(journal) / f"{journal.stem}-{day.isoformat()}.{device}{journal.suffix}"


def device_of(journal_path: Path | str, backup: Path) -> str | None:
    """The device that made a backup, None for one named without (made before devices had names)."""
    journal = real_journal(journal_path)
    middle = backup.name[len(journal.stem) + 11:len(backup.name) - len(journal.suffix)]
    return middle[1:] if middle.startswith(".") else None


def make_daily_backup(journal_path: Path | str, today: date) -> Path | None:
    """Back up the journal unless today's backup exists; prune to the last KEEP.
    Call it after each successful save, with the local date of the save.

    Returns the new backup, or None when there was nothing to do (no journal
    yet, or today's backup is already there). Raises JournalError, naming the
    path, when the journal cannot be read or the backup cannot be written.
    """
    journal = real_journal(journal_path)
    target = backup_path(journal, today)
    if readable(target):  # the usual case after the first save of the day
        return None
    data = read_tables(journal)
    if data is None:
        return None
    with _locked(backup_folder(journal)):
        if readable(target):  # another copy of the app was quicker
            return None
        write_atomically(target, encode_tables(data))
        read_tables(target)  # reads back, or raises before anything is pruned
        _prune(journal, today)
    return target


def backup_days(journal_path: Path | str) -> list[tuple[date, Path]]:
    """Every backup file of the journal by its day, newest first (not read)."""
    journal = real_journal(journal_path)
    pattern = re.compile(
        rf"{re.escape(journal.stem)}-(\d{{4}}-\d{{2}}-\d{{2}})(?:\.[a-z0-9][a-z0-9-]{{0,39}})?{re.escape(journal.suffix)}"
    )
    found = []
    for name in list_names(backup_folder(journal), journal, "the backups"):
        match = pattern.fullmatch(name)
        try:
            day = date.fromisoformat(match.group(1)) if match else None
        except ValueError:  # e.g. 2024-02-30
            day = None
        if day is not None:
            found.append((day, backup_folder(journal) / name))
    mine = (None, device_name())  # on the same day, this device's first
    return sorted(found, key=lambda found: (found[0], device_of(journal, found[1]) in mine, found[1].name),
                  reverse=True)


def readable(path: Path) -> bool:
    """Whether the file is there and reads as a journal."""
    try:
        return read_tables(path) is not None
    except JournalError:
        return False


def _prune(journal: Path, today: date) -> None:
    """Delete this device's backups older than its KEEP newest readable ones;
    those dated after today count as the oldest."""
    kept = 0
    mine = [(day, path) for day, path in backup_days(journal) if device_of(journal, path) in (None, device_name())]
    for _day, path in sorted(mine, key=lambda found: found[0] > today):  # stable
        if kept >= KEEP:
            _unlink(path)
        elif readable(path):
            kept += 1


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
    with contextlib.suppress(FileNotFoundError):
        os.unlink(path)


def _error(folder: Path, exc: OSError) -> JournalAccessError:
    return JournalAccessError(
        folder, f"Cannot write the backups in {folder}: {reason(exc)}."
    )

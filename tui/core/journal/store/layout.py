"""Moving the app's files of a journal outside the data folder into their own folder.

Before, a journal such as ~/Documents/recovery.json had its lock file,
backups/ and archive/ beside it, among the runner's files. Now they live in
"recovery.json.d/" (paths.own_files_folder). An open, under the journal's
lock, moves what an older version left: only files named as the app names
them for this journal, each by a rename in the same file system (all there or
not moved); a name already taken in the new folder is left where it is. An
old folder is removed only once empty; anything else in it stays.
"""

from __future__ import annotations

import contextlib
import errno
import fcntl
import os
import re
from pathlib import Path

from tui.core.common.atomic import TEMP_MARK
from tui.core.journal.store.errors import reason
from tui.core.journal.store.folder import make_private_folder
from tui.core.journal.store.links import is_link

FOLDERS = ("archive", "backups")  # archive.FOLDER_NAME, daily_backup.FOLDER_NAME


def move_old_layout(journal: Path, own: Path, notices: list[str]) -> None:
    """Move the journal's archive months and backups from beside it into `own`;
    drop its old lock file. Nothing to do (three lookups) on a journal without."""
    beside = journal.parent
    if own == beside:
        return
    ours = re.compile(rf"{re.escape(journal.stem)}-\d{{4}}-\d{{2}}(-\d{{2}})?.*{re.escape(journal.suffix)}(\.insights)?")
    for name in FOLDERS:
        old = beside / name
        if os.path.isdir(old) and not is_link(old):
            try:
                _move_files(old, own / name, ours, f".{journal.stem}-", notices)
            except OSError as exc:
                notices.append(f"Could not move the files in {old} to {own / name}: {reason(exc)}.")
    _drop_old_lock(beside / f"{journal.name}.lock")


def _move_files(old: Path, new: Path, ours: re.Pattern[str], temp_prefix: str, notices: list[str]) -> None:
    names = [name for name in os.listdir(old) if ours.fullmatch(name)]
    if not names:
        return
    make_private_folder(new)
    moved = 0
    for name in names:
        if os.path.lexists(new / name):
            notices.append(f"Left {old / name} where it is: {new / name} exists already.")
            continue
        os.rename(old / name, new / name)
        moved += 1
    with contextlib.suppress(OSError):
        for leftover in os.listdir(old):
            if leftover == ".lock" or (leftover.startswith(temp_prefix) and TEMP_MARK in leftover):
                os.unlink(old / leftover)  # the backups' lock, a killed write's temp file
        os.rmdir(old)  # only if empty: anything of hers stays
    if moved:
        notices.append(f"Moved {moved} file(s) from {old} to {new}, the app's folder for this journal.")


def _drop_old_lock(lock: Path) -> None:
    """An older version's lock file beside the journal, if no one holds it."""
    try:
        fd = os.open(lock, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC)
    except OSError:
        return
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        os.unlink(lock)
    except OSError as exc:
        if exc.errno not in (errno.EWOULDBLOCK, errno.ENOENT):
            return
    finally:
        os.close(fd)

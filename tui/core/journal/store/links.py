"""Symbolic links inside the data folder are never followed.

The journal itself may be a link the user made (storage resolves it once).
Everything the app keeps beside it - the lock file, crash.log, backups/,
archive/ - is opened with O_NOFOLLOW: a link in their place is replaced
(a file the app owns, such as the lock) or refused (a folder of records),
and its target is never read, written, chmod-ed or deleted.
"""

from __future__ import annotations

import errno
import os
import stat
from pathlib import Path

FILE_MODE = 0o600


class LinkRefused(OSError):
    """A symbolic link where the app keeps its own file or folder."""

    def __init__(self, path: Path | str) -> None:
        super().__init__(errno.ELOOP, f"{path} is a symbolic link, and links inside the data folder "
                                      "are not followed (put the folder itself there)", str(path))
        self.path = Path(path)


def is_link(path: Path | str) -> bool:
    try:
        return stat.S_ISLNK(os.lstat(path).st_mode)
    except OSError:
        return False


def require_real_folder(folder: Path | str) -> None:
    """LinkRefused if `folder` is a symbolic link (a missing folder is fine)."""
    if is_link(folder):
        raise LinkRefused(folder)


def open_own_file(path: Path | str, flags: int, notices: list[str] | None = None) -> int:
    """os.open(path, flags | O_NOFOLLOW | O_CLOEXEC, 0600) for a file the app
    owns and may recreate (a lock file, a log). A symbolic link in its place
    is removed (its target is not touched) and a fresh file made; `notices`
    hears of it. Other OSErrors pass through."""
    flags |= os.O_NOFOLLOW | os.O_CLOEXEC
    try:
        return os.open(path, flags, FILE_MODE)
    except OSError as exc:
        if exc.errno != errno.ELOOP or not is_link(path) or not flags & os.O_CREAT:
            raise
    os.unlink(path)  # the link only
    if notices is not None:
        notices.append(f"Replaced the symbolic link {path} with a file of its own; "
                       "its target was not touched.")
    return os.open(path, flags | os.O_EXCL, FILE_MODE)

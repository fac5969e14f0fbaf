"""A journal that is briefly missing is not a new journal.

While a sync tool replaces it, journal.json can be gone for a moment. If
its folder holds the app's other files (archive months, backups, merged
copies), a journal lived there: it is waited for, and if it does not come
back, that is reported. A new journal is started only in a folder that
never held one.
"""

from __future__ import annotations

import os
import time
from collections.abc import Callable, Iterable
from pathlib import Path

from tui.core.common.paths import own_files_folder
from tui.core.journal.store.errors import JournalAccessError

WAIT_SECONDS = 3.0
POLL_SECONDS = 0.05
TRACE_FOLDERS = ("archive", "backups", "merged")
ASIDE = (".replaced-", ".corrupt-")  # a journal moved aside (store/aside.py)


class JournalMissing(JournalAccessError):
    """The journal is gone from a folder that held one."""


def traces(journal: Path) -> list[Path]:
    """Files that show a journal lived here and should be back: its archive
    months, backups and merged copies, unless the journal was moved aside
    since (the runner chose to start afresh, or a restore is under way)."""
    found = []
    own = own_files_folder(journal)
    for folder in TRACE_FOLDERS:
        try:
            names = os.listdir(own / folder)
        except OSError:
            continue
        found += [own / folder / n for n in names if n.startswith(journal.stem)]
    moved = _newest(journal.parent / n for n in _names(journal.parent)
                    if any(n.startswith(journal.name + mark) for mark in ASIDE))
    if found and moved is not None and moved >= (_newest(found, "st_mtime_ns") or 0):
        return []
    return found


def _names(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []


def _newest(paths: Iterable[Path], field: str = "st_ctime_ns") -> int | None:
    """The latest ctime (the moment a file was moved) or mtime among `paths`."""
    times = []
    for path in paths:
        try:
            times.append(getattr(os.lstat(path), field))
        except OSError:
            continue
    return max(times, default=None)


def await_journal(journal: Path, sleep: Callable[[float], None] = time.sleep,
                  clock: Callable[[], float] = time.monotonic) -> None:
    """Return once the journal is there, or at once if its folder never held one;
    JournalMissing if it held one and the journal does not come back soon."""
    if os.path.lexists(journal) or not traces(journal):
        return
    deadline = clock() + WAIT_SECONDS
    while clock() < deadline:
        sleep(POLL_SECONDS)
        if os.path.lexists(journal):
            return
    raise JournalMissing(
        journal,
        f"The journal at {journal} is missing, but its folder holds the archive or backups of one, "
        "so no new journal was started over it. If a sync tool is replacing it, try again in a moment; "
        "if it stays missing, restore a backup: recovery-tui doctor --restore latest.",
    )

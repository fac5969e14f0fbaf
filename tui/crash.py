"""What the runner sees when something unexpected breaks: one short message.

The full traceback (without local variables, which could hold a private
note) is added to a log file in the data folder, written like every other
file the app keeps: through store/atomic.py, 0600, whole or not at all.
"""

from __future__ import annotations

import os
import stat
import traceback
from datetime import datetime
from pathlib import Path

from tui.core.paths import data_dir
from tui.core.store.atomic import DIR_MODE, write_atomically


def crash_log_path() -> Path:
    return data_dir() / "crash.log"


def write_crash_log(error: BaseException, path: Path | None = None) -> Path | None:
    """Add the traceback to the crash log; None if even that fails."""
    path = path or crash_log_path()
    entry = (f"--- {datetime.now().astimezone().isoformat()}\n"
             + "".join(traceback.format_exception(type(error), error, error.__traceback__)))
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        # a symbolic link in its place is replaced by the rename, never written through
        write_atomically(path, _earlier_entries(path) + entry.encode("utf-8"))
        return path
    except OSError:
        return None


def _earlier_entries(path: Path) -> bytes:
    """What the log holds already; nothing if it is missing, a link or not a file."""
    try:
        fd = os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC | os.O_NONBLOCK)
    except OSError:
        return b""
    with open(fd, "rb") as log:
        return log.read() if stat.S_ISREG(os.fstat(fd).st_mode) else b""


def crash_message(log: Path | None) -> str:
    where = f"Details are in {log}." if log else "The details could not be written to a log."
    return (
        "recovery-tui stopped because of an unexpected error. "
        f"Your journal was left as it was. {where}"
    )

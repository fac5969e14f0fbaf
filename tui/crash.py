"""What the runner sees when something unexpected breaks: one short message.

The details go to a log file in the data folder, written like every other
file the app keeps: through store/atomic.py, 0600, whole or not at all. The
log never holds local variables, which could hold a private note: a runner
may paste it into a bug report.

Inside the app, Textual reports an unexpected error by printing a traceback,
local variables included, to the public `App.error_console` once the app
has closed. `CrashCatcher` is that console: it keeps the report instead of
showing it, and the launcher logs it without the locals panels.
"""

from __future__ import annotations

import io
import os
import stat
import traceback
from datetime import datetime
from pathlib import Path

from tui.core.common.atomic import DIR_MODE, write_atomically
from tui.core.common.paths import data_dir
from tui.core.journal.store.errors import JournalError
from tui.core.journal.store.lock import FileLock

REPORT_WIDTH = 200  # Textual renders the report at the terminal's width first; this only avoids re-wrapping
LOCALS_CORNER, CLOSING_CORNER = "╭", "╰"


def crash_log_path() -> Path:
    return data_dir() / "crash.log"


def write_crash_log(error: BaseException | str, path: Path | None = None) -> Path | None:
    """Add an error's traceback (or a report already written out) to the
    crash log; None if even that fails."""
    path = path or crash_log_path()
    details = error if isinstance(error, str) else "".join(
        traceback.format_exception(type(error), error, error.__traceback__))
    entry = f"--- {datetime.now().astimezone().isoformat()}\n{details.rstrip()}\n"
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
        # The log's lock sits beside it: the crash log is not a journal, and has no folder of its own.
        lock = FileLock(path.with_name(path.name + ".lock"), path, label="crash log")
        with lock.hold():  # two processes failing at once both keep their entry
            # a symbolic link in its place is replaced by the rename, never written through
            write_atomically(path, _earlier_entries(path) + entry.encode("utf-8"))
        lock.close()
        return path
    except (OSError, JournalError):
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


class CrashCatcher:
    """A console for `App.error_console` that keeps what Textual prints there."""

    def __init__(self) -> None:
        from rich.console import Console  # the app has loaded rich already

        self._buffer = io.StringIO()
        self.console = Console(file=self._buffer, width=REPORT_WIDTH, color_system=None,
                               force_terminal=False, markup=False, highlight=False)

    @property
    def report(self) -> str:
        """What the app reported on its way out, without local variables; "" if nothing."""
        return without_locals(self._buffer.getvalue()).strip()


def without_locals(report: str) -> str:
    """A Rich traceback without its "locals" panels. A panel ends where a line
    has the closing corner in the column of its opening one, so a value that
    itself holds a corner character cannot end it early."""
    kept: list[str] = []
    column = None
    for line in report.splitlines():
        if column is None:
            start = line.find(LOCALS_CORNER)
            if start != -1 and "locals" in line[start:]:
                column = start
            else:
                kept.append(line)
        elif line[column:column + 1] == CLOSING_CORNER:
            column = None
    return "\n".join(kept)

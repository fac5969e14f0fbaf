"""What the runner sees when something unexpected breaks: one short message.

The full traceback (without local variables, which could hold a private
note) goes to a log file in the data folder, created 0600.
"""

from __future__ import annotations

import os
import traceback
from datetime import datetime
from pathlib import Path

from tui.core.paths import data_dir
from tui.core.store.links import open_own_file


def crash_log_path() -> Path:
    return data_dir() / "crash.log"


def write_crash_log(error: BaseException, path: Path | None = None) -> Path | None:
    """Append the traceback to the crash log; None if even that fails."""
    path = path or crash_log_path()
    try:
        path.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        # a symbolic link in its place is replaced, never appended through
        descriptor = open_own_file(path, os.O_WRONLY | os.O_CREAT | os.O_APPEND)
        with os.fdopen(descriptor, "a", encoding="utf-8") as log:
            os.fchmod(log.fileno(), 0o600)
            log.write(f"--- {datetime.now().astimezone().isoformat()}\n")
            log.write("".join(traceback.format_exception(type(error), error, error.__traceback__)))
        return path
    except OSError:
        return None


def crash_message(log: Path | None) -> str:
    where = f"Details are in {log}." if log else "The details could not be written to a log."
    return (
        "recovery-tui stopped because of an unexpected error. "
        f"Your journal was left as it was. {where}"
    )

"""The one strict reader (and writer's encoder) of journal-shaped JSON files.

The journal, its archive months and its backups are all an object of tables
of documents (see shape.py). A file that is empty, not UTF-8, not JSON or
oddly shaped is refused with a sentence naming it; it is never replaced.
"""

from __future__ import annotations

import json
import os
import stat
from pathlib import Path
from typing import Any

from tui.core.journal.store.errors import JournalAccessError, JournalCorruptError, reason
from tui.core.journal.store.shape import shape_problem

Tables = dict[str, dict[str, Any]]


def require_regular(path: Path, st: os.stat_result, label: str = "journal") -> None:
    """JournalAccessError unless `st` is a regular file's."""
    if stat.S_ISDIR(st.st_mode):
        raise JournalAccessError(path, f"The {label} at {path} is a folder, not a file.")
    if not stat.S_ISREG(st.st_mode):
        raise JournalAccessError(path, f"The {label} at {path} is not a regular file.")


def read_bytes(path: Path, label: str = "journal") -> bytes | None:
    """The file's bytes, None if it does not exist; JournalError if it is not a regular file."""
    found = read_bytes_and_stat(path, label)
    return None if found is None else found[0]


def read_bytes_and_stat(path: Path, label: str = "journal") -> tuple[bytes, os.stat_result] | None:
    """The file's bytes and the stat of the file they were read from (see read_bytes)."""
    try:
        # O_NONBLOCK: a FIFO in the file's place must not hang us
        fd = os.open(path, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
    except FileNotFoundError:
        return None
    except IsADirectoryError:
        raise JournalAccessError(path, f"The {label} at {path} is a folder, not a file.") from None
    except OSError as exc:
        raise JournalAccessError(path, f"Cannot read the {label} at {path}: {reason(exc)}.") from None
    try:
        st = os.fstat(fd)
        require_regular(path, st, label)
        with open(fd, "rb", closefd=False) as f:
            return f.read(), st
    except OSError as exc:
        raise JournalAccessError(path, f"Cannot read the {label} at {path}: {reason(exc)}.") from None
    finally:
        os.close(fd)


def parse_tables(raw: bytes, path: Path, label: str = "journal") -> Tables:
    """The tables in `raw`; JournalCorruptError saying what is wrong with it."""

    def corrupt(what: str) -> JournalCorruptError:
        return JournalCorruptError(path, f"The {label} at {path} {what}; it was left untouched.")

    if not raw:
        raise corrupt("is empty (0 bytes)")
    try:
        text = raw.decode("utf-8")  # strict
    except UnicodeDecodeError as exc:
        raise corrupt(f"is not valid UTF-8 text (byte {exc.start})") from None
    try:
        data: dict[str, dict[str, Any]] = json.loads(text)  # its shape is checked next
    except json.JSONDecodeError as exc:
        raise corrupt(f"is not valid JSON (line {exc.lineno}, column {exc.colno})") from None
    except RecursionError:
        raise corrupt("is nested too deeply to be read") from None
    problem = shape_problem(data)
    if problem is not None:
        raise corrupt(problem)
    return data


def read_tables(path: Path | str, label: str = "journal") -> Tables | None:
    """The tables in a journal-shaped file (the journal, a backup, an archive
    month), None if it does not exist; JournalError, naming the file as
    `label`, if it cannot be used. Reads only: nothing is created or locked."""
    path = Path(path)
    raw = read_bytes(path, label)
    return None if raw is None else parse_tables(raw, path, label)


def encode_tables(data: Tables) -> bytes:
    """Compact UTF-8 JSON of an object of tables; what JSON cannot hold, or
    what read_tables() would refuse, raises TypeError/ValueError."""
    problem = shape_problem(data)
    if problem is not None:
        raise ValueError(f"Not saved: the data {problem}.")
    try:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except RecursionError:
        raise ValueError("Not saved: the data is nested too deeply to be read back.") from None

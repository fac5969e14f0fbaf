"""What this device has checked of an archive's files (see arrivals.py):
per archive key, the file's [inode, size, mtime_ns, ctime_ns, lowest number,
highest number], kept in the state folder, outside the synced folder."""

from __future__ import annotations

import hashlib
import json
import os
from collections.abc import Iterable
from pathlib import Path

from tui.core.common.atomic import write_atomically
from tui.core.journal.store.folder import make_private_folder
from tui.core.journal.sync.device import state_folder

Seen = dict[str, list[int]]


def index_path(journal: Path) -> Path:
    name = hashlib.sha256(str(journal.resolve()).encode()).hexdigest()[:24]
    return state_folder() / "numbers" / f"{name}.json"


def fingerprint(st: os.stat_result) -> list[int]:
    return [st.st_ino, st.st_size, st.st_mtime_ns, st.st_ctime_ns]


def load(journal: Path) -> Seen:
    try:
        found = json.loads(index_path(journal).read_bytes())
    except (OSError, ValueError):
        return {}  # never checked here (or the record of it is damaged): every file is checked once
    if not isinstance(found, dict):
        return {}
    return {key: value for key, value in found.items()
            if isinstance(value, list) and len(value) in (4, 6) and all(type(n) is int for n in value)}


def save(journal: Path, seen: Seen) -> None:
    path = index_path(journal)
    try:
        make_private_folder(path.parent)
        write_atomically(path, json.dumps(seen, separators=(",", ":")).encode(), durable=False)
    except OSError:
        pass  # the next open checks these files again: slower, never wrong


def remember_write(journal: Path, key: str, before: os.stat_result | None, path: Path, keys: Iterable[str]) -> None:
    """This device wrote archive file `key`: it is checked as written, if it
    was new or as checked before (else the next open checks it)."""
    seen = load(journal)
    if (before is None and key not in seen) or (before is not None and seen.get(key, [])[:4] == fingerprint(before)):
        numbers = [int(number) for number in keys]
        try:
            seen[key] = [*fingerprint(os.stat(path)), *([min(numbers), max(numbers)] if numbers else [])]
        except OSError:
            return
        save(journal, seen)

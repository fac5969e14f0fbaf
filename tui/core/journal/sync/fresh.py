"""Never writing back a stale journal.

A sync engine replaces journal.json without taking the app's lock, so the
file a save read may have been replaced before the save lands. The storage
remembers what each thread last read (inode, size, modification time, and
the bytes, hashed only when those differ); a save whose file changed since
is merged into the version on disk (merge.py, with what was read as the
base) instead of replacing it.
"""

from __future__ import annotations

import os
import time
from functools import cached_property
from pathlib import Path

from tui.core.journal.store.json_tables import read_bytes_and_stat
from tui.core.journal.sync.missing import POLL_SECONDS, WAIT_SECONDS, JournalMissing


class Seen:
    """What a read found: the file's bytes and identity, or None if there was no file.
    A plain class: every read makes one, and `log` loads no dataclasses
    (tests/core/test_cli_imports.py)."""

    def __init__(self, raw: bytes | None, identity: tuple[int, int, int] | None) -> None:
        self.raw = raw
        self.identity = identity

    @classmethod
    def of(cls, found: tuple[bytes, os.stat_result] | None) -> Seen:
        if found is None:
            return cls(None, None)
        raw, st = found
        return cls(raw, (st.st_ino, st.st_size, st.st_mtime_ns))

    @cached_property
    def digest(self) -> bytes:
        import hashlib  # only when the file's identity changed: most saves never hash

        return hashlib.sha256(self.raw or b"").digest()

    def unchanged(self, st: os.stat_result | None) -> bool:
        """Whether a file with this stat is surely the one read (no bytes read)."""
        if st is None:
            return self.raw is None
        return self.identity == (st.st_ino, st.st_size, st.st_mtime_ns)


def changed_since(path: Path, seen: Seen, st: os.stat_result | None) -> bytes | None:
    """The bytes now on disk if they differ from what was read, else None.
    A journal read earlier and gone now is waited for briefly (a sync tool
    replacing it); JournalMissing if it does not come back."""
    if seen.unchanged(st):
        return None
    found = read_bytes_and_stat(path)
    deadline = time.monotonic() + WAIT_SECONDS
    while found is None and seen.raw is not None and time.monotonic() < deadline:
        time.sleep(POLL_SECONDS)
        found = read_bytes_and_stat(path)
    if found is None:
        if seen.raw is None:
            return None
        raise JournalMissing(path, f"The journal at {path} went missing while saving (a sync tool may be "
                                   "replacing it), so nothing was saved. Try again in a moment.")
    now = Seen.of(found)
    return None if now.digest == seen.digest else found[0]

"""Durable, private storage for the journal: a TinyDB Storage on a JSON file.

Guarantees (each kept in one module of store/):
- a save either lands completely or not at all (store/atomic.py); an
  interrupted save leaves the old journal intact;
- an empty, unparsable or oddly shaped journal is reported, never silently
  replaced by an empty one (store/json_tables.py);
- files are 0600 and the data folder 0700, whatever the umask (store/folder.py);
- ``locked()`` serialises read-modify-write cycles across processes
  (store/lock.py); where no lock file can be made (a read-only folder) the
  journal can still be read;
- a file that is not a journal is refused before anything is created or
  changed, and links inside the data folder are not followed (store/links.py);
- write() refuses what read() would refuse; read() returns fresh objects.

Nothing is cached: TinyDB tables and this storage read the file each time,
so what another process wrote is always seen (see store/table.py).
"""

from __future__ import annotations

import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

from tinydb import Storage, TinyDB

from tui.core.common import atomic
from tui.core.journal.store.aside import lock_path_of
from tui.core.journal.store.errors import JournalAccessError, reason
from tui.core.journal.store.folder import prepare_folder, tighten
from tui.core.journal.store.json_tables import encode_tables, parse_tables, read_bytes_and_stat, require_regular
from tui.core.journal.store.lock import FileLock
from tui.core.journal.store.table import JournalTable
from tui.core.journal.sync.fresh import Seen, changed_since
from tui.core.journal.sync.merge import merge_tables


class SafeJSONStorage(Storage):
    """TinyDB storage with atomic saves, strict reads, private modes and a lock.

    Wrap every read-modify-write in ``with storage.locked():`` and use
    :class:`JournalTable` (or :class:`JournalDB`), whose tables do not keep
    stale ids or query results from before the lock was taken.
    Like TinyDB's JSONStorage, a missing folder is created only with
    ``create_dirs=True``. A file that is not a journal is refused before
    anything is created or changed (a restore opens a damaged one to replace
    it: ``check_existing=False``); a journal that cannot be locked (a
    read-only mount) can still be read. Extra keyword arguments (TinyDB
    passes storage options through) are ignored.
    """

    def __init__(self, path: Path | str, create_dirs: bool = False, *,
                 check_existing: bool = True, **kwargs: Any) -> None:
        super().__init__()
        # Resolve symlinks so a save replaces the target, not the link.
        self.path = Path(os.path.realpath(os.fspath(path)))
        self.folder = self.path.parent
        self.lock_path = lock_path_of(self.path)
        self.notices: list[str] = []
        self._seen = threading.local()  # what this thread last read (sync/fresh.py)
        self._lock = FileLock(self.lock_path, self.path, "journal", self.notices)

        # what the check read, before the lock: a hint for what an open must do (sync/opening.py)
        self.first_read = self._read_checked() if check_existing else None
        prepare_folder(self.path, create_dirs, self.notices)
        try:
            with self.locked():
                if check_existing:
                    self._check_journal()
                if not self._lock.read_only:  # a temp file is stale only if its writer held this lock
                    self._remove_stale_temps()
        except BaseException:
            self.close()
            raise

    @property
    def read_only(self) -> bool:
        """True where no lock file can be made: the journal can only be read
        (then an open merges no conflict copies: sync/opening.py)."""
        return self._lock.read_only

    def _check_journal(self) -> None:
        """Fail early on a folder in the journal's place; tighten a loose journal."""
        st = self._regular_file_stat("read")
        if st is not None and st.st_mode & atomic.LOOSE_BITS:
            tighten(self.path, st, atomic.FILE_MODE, self.notices)

    def _regular_file_stat(self, doing: str) -> os.stat_result | None:
        """The journal's stat, None if there is no journal yet; JournalAccessError
        ("Cannot <doing> the journal ...") if it cannot be looked at or is not a regular file."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return None
        except OSError as exc:
            raise JournalAccessError(self.path, f"Cannot {doing} the journal at {self.path}: {reason(exc)}.") from None
        require_regular(self.path, st)
        return st

    def _remove_stale_temps(self) -> None:
        """Temp files of killed writers. Safe under the lock: a live writer
        holds the lock for as long as its temp file exists."""
        try:
            removed = atomic.remove_temp_files(self.folder, f".{self.path.name}{atomic.TEMP_MARK}")
        except OSError as exc:
            self.notices.append(f"Could not remove leftover temporary files in {self.folder}: {reason(exc)}.")
            return
        if removed:
            self.notices.append(
                f"Removed {removed} leftover temporary file(s) of an interrupted save in {self.folder}."
            )

    @contextmanager
    def locked(self) -> Iterator[SafeJSONStorage]:
        """Hold an exclusive flock on "<journal>.lock". Re-entrant within this
        thread; blocks other processes, threads and storage objects."""
        with self._lock.hold():
            yield self

    # -- tinydb.Storage ----------------------------------------------------

    def read(self) -> dict[str, dict[str, Any]] | None:
        """The journal's tables, or None if the file does not exist yet.

        Each call reads the file again and returns new objects: changing what
        read() returned never changes what the next read or save sees, and
        nothing read before the lock was taken is trusted after it.
        """
        return self._read_checked()

    def _read_checked(self) -> dict[str, dict[str, Any]] | None:
        found = read_bytes_and_stat(self.path)
        self._seen.value = Seen.of(found)
        return None if found is None else parse_tables(found[0], self.path)

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Atomically replace the journal with ``data``.

        A value JSON cannot hold, or a shape read() would refuse, raises
        TypeError/ValueError before any file is touched.
        """
        payload = encode_tables(data)
        with self.locked():
            st = self._regular_file_stat("write")
            seen: Seen | None = getattr(self._seen, "value", None)
            theirs = None if seen is None else changed_since(self.path, seen, st)
            if theirs is not None and seen is not None:
                payload = encode_tables(self._merged(data, theirs, seen))
            try:
                atomic.replace_file(self.path, payload)
            except OSError as exc:
                raise JournalAccessError(self.path, f"Cannot write the journal at {self.path}: {reason(exc)}.") from None
            try:
                atomic.fsync_folder(self.folder)
            except OSError as exc:
                raise JournalAccessError(
                    self.path,
                    f"The journal at {self.path} was saved but could not be flushed to disk: {reason(exc)}.",
                ) from None
            try:
                self._seen.value = Seen.of((payload, os.stat(self.path)))
            except OSError:
                self._seen.value = Seen(payload, None)  # checked by its bytes next time

    def _merged(self, data: dict[str, dict[str, Any]], theirs: bytes, seen: Seen) -> dict[str, dict[str, Any]]:
        """`data` (this save) merged into the version that arrived since it was read."""
        base = None if seen.raw is None else parse_tables(seen.raw, self.path)
        merged, _ = merge_tables(data, parse_tables(theirs, self.path), base)
        self.notices.append(f"The journal at {self.path} changed on disk during this save (a version from "
                            "another device arrived): its records were kept and this save was added to them.")
        return merged

    def close(self) -> None:
        """Release the lock file. Inside locked(), this happens when the block ends."""
        self._lock.close()


class JournalDB(TinyDB):
    """TinyDB with SafeJSONStorage and JournalTable by default: ``JournalDB(path)``."""

    table_class = JournalTable  # type: ignore[assignment]  # TinyDB's stubs want Table's exact constructor
    default_storage_class = SafeJSONStorage  # type: ignore[assignment]  # TinyDB takes any Storage here

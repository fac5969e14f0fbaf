"""Durable, private storage for the journal (TinyDB on a JSON file).

Guarantees:
- a save either lands completely or not at all (temp file, fsync, os.replace,
  fsync of the folder); an interrupted save leaves the old journal intact;
- an empty, unparsable or oddly shaped journal is reported, never silently
  replaced by an empty one;
- files are 0600 and the data folder 0700, whatever the umask;
- ``locked()`` serialises read-modify-write cycles across processes; where
  no lock file can be made (a read-only folder) the journal can still be read;
- a file that is not a journal is refused before anything is created or
  changed, and links inside the data folder are not followed (store/links.py);
- write() refuses what read() would refuse; read() returns fresh objects.

Nothing is cached between reads: parsing the file costs about as much as
copying a cached dict, and a stat-keyed cache can be fooled by inode reuse.
"""

from __future__ import annotations

import errno
import fcntl
import json
import os
import stat
import _thread  # what threading.Lock/RLock/get_ident are, without importing threading (`log` starts faster)
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path
from typing import Any

from tinydb import Storage, TinyDB

from tui.core.store.links import LinkRefused, open_own_file, require_real_folder
from tui.core.store.shape import shape_problem
from tui.core.store.table import JournalTable, last_id, meta, with_last_id, with_meta

__all__ = [
    "JournalError",
    "JournalCorruptError",
    "JournalAccessError",
    "SafeJSONStorage",
    "JournalTable",
    "JournalDB",
    "move_aside",
    "last_id",
    "with_last_id",
    "meta",
    "with_meta",
    "read_tables",
    "write_file_atomically",
    "list_names",
]

FILE_MODE = 0o600
DIR_MODE = 0o700
_LOOSE_BITS = 0o077

# Lock files (realpath) this process currently holds through a storage object;
# lets move_aside() run inside storage.locked() without deadlocking.
_HELD_LOCKS: set[str] = set()


class JournalError(Exception):
    """A journal problem the user must see. str(e) is one clear sentence naming the path."""

    def __init__(self, path: Path | str, message: str) -> None:
        self.path = Path(path)
        self.message = message
        super().__init__(self.path, message)  # both args, so the error pickles

    def __str__(self) -> str:
        return self.message


class JournalCorruptError(JournalError):
    """The journal exists but its content cannot be used; it was left untouched."""


class JournalAccessError(JournalError):
    """The operating system refused an operation on the journal or its folder."""


# --------------------------------------------------------------------------
# Small helpers. write() calls them through module globals so tests can make
# each step fail in turn.


def _create_temp(folder: Path, journal_name: str) -> tuple[int, Path]:
    """Create a fresh 0600 temp file next to the journal; return (fd, path)."""
    while True:
        name = f".{journal_name}.tmp-{os.getpid()}-{os.urandom(4).hex()}"
        path = folder / name
        try:
            fd = os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL | os.O_CLOEXEC, FILE_MODE)
        except FileExistsError:
            continue
        try:
            os.fchmod(fd, FILE_MODE)  # defeat umask / default-ACL oddities
        except BaseException:
            os.close(fd)
            os.unlink(path)
            raise
        return fd, path


def _write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


def _fsync_file(fd: int) -> None:
    os.fsync(fd)


def _replace(src: Path, dst: Path) -> None:
    os.replace(src, dst)


def _replace_with(target: Path, payload: bytes, durable: bool = True) -> None:
    """A temp file beside target, written and flushed (unless not `durable`),
    then renamed over it; the temp file is removed if any step fails. Raises OSError."""
    fd, tmp = _create_temp(target.parent, target.name)
    try:
        try:
            _write_all(fd, payload)
            if durable:
                _fsync_file(fd)
        finally:
            os.close(fd)
        _replace(tmp, target)
    except BaseException:
        try:
            os.unlink(tmp)
        except OSError:
            pass  # the step that failed is what to report
        raise


def _fsync_dir(folder: Path) -> None:
    """Make the rename durable. Filesystems that cannot fsync a folder are tolerated."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        os.fsync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def _dumps(data: dict) -> bytes:
    """Compact UTF-8 JSON of an object of tables; what JSON cannot hold, or
    what read() would refuse, raises TypeError/ValueError."""
    problem = shape_problem(data)
    if problem is not None:
        raise ValueError(f"Not saved: the data {problem}.")
    try:
        return json.dumps(data, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    except RecursionError:
        raise ValueError("Not saved: the data is nested too deeply to be read back.") from None


def _reason(exc: OSError) -> str:
    """A short lower-case reason for an OSError, for use inside a sentence."""
    reasons = {
        errno.EACCES: "permission denied",
        errno.EPERM: "permission denied",
        errno.EROFS: "the folder is on a read-only file system",
        errno.ENOSPC: "the disk is full",
        errno.EDQUOT: "the disk quota is exceeded",
        errno.ENOENT: "the folder does not exist",
        errno.ENOTDIR: "a part of the path is not a folder",
        errno.ELOOP: "a symbolic link is in the way",
    }
    if isinstance(exc, LinkRefused):
        return exc.strerror
    if exc.errno in reasons:
        return reasons[exc.errno]
    text = exc.strerror or str(exc) or type(exc).__name__
    return text[:1].lower() + text[1:]


def _is_shared_folder(folder: Path, st: os.stat_result) -> bool:
    """Folders we must never chmod: /tmp-like (sticky), home, filesystem root, not ours."""
    if st.st_mode & stat.S_ISVTX or st.st_uid != os.geteuid():
        return True
    if folder.parent == folder:
        return True
    try:
        return folder == Path.home().resolve()
    except RuntimeError:  # no home directory known
        return False


# --------------------------------------------------------------------------


class SafeJSONStorage(Storage):
    """TinyDB storage with atomic saves, strict reads, private modes and a lock.

    Wrap every read-modify-write in ``with storage.locked():`` and use
    :class:`JournalTable` (or :class:`JournalDB`), whose tables do not keep
    stale ids or query results from before the lock was taken.
    Like TinyDB's JSONStorage, a missing folder is created only with
    ``create_dirs=True``. A file that is not a journal is refused before
    anything is created or changed; a journal that cannot be locked (a
    read-only mount) can still be read. Extra keyword arguments (TinyDB
    passes storage options through) are ignored.
    """

    def __init__(self, path: Path | str, create_dirs: bool = False, *,
                 check_existing: bool = True, **kwargs: Any) -> None:
        super().__init__()
        self.label = "journal"  # what error messages call the file
        # Resolve symlinks so os.replace updates the target, not the link.
        self.path = Path(os.path.realpath(os.fspath(path)))
        self.folder = self.path.parent
        self.lock_path = self.path.with_name(self.path.name + ".lock")
        self.notices: list[str] = []
        self._thread_lock = _thread.RLock()
        self._lock_fd: int | None = None
        self._depth = 0
        self._owner: int | None = None
        # The file's bytes (checked), valid only while this thread holds the lock.
        self._cache: bytes | None = None
        self._close_pending = False
        self.read_only = False  # set when no lock file can be made: reads only

        # A file that is not a journal is refused before anything changes
        # (a restore opens a damaged one to replace it: check_existing=False).
        raw = self._read_file()
        if raw is not None and check_existing:
            self._parse(raw)
        self._prepare_folder(create_dirs)
        try:
            with self.locked():
                if check_existing:
                    self._check_journal()
                self._remove_stale_temps()
        except BaseException:
            self.close()
            raise

    # -- setup -------------------------------------------------------------

    def _prepare_folder(self, create_dirs: bool) -> None:
        folder = self.folder
        try:
            st = os.stat(folder)
        except FileNotFoundError:
            if not create_dirs:
                raise JournalAccessError(
                    self.path, f"The folder for the journal at {self.path} does not exist."
                ) from None
            try:
                os.makedirs(folder, mode=DIR_MODE, exist_ok=True)
                os.chmod(folder, DIR_MODE)
            except OSError as exc:
                raise JournalAccessError(
                    self.path,
                    f"Cannot create the folder for the journal at {self.path}: {_reason(exc)}.",
                ) from None
            return
        except OSError as exc:
            raise JournalAccessError(
                self.path, f"Cannot open the folder of the journal at {self.path}: {_reason(exc)}."
            ) from None
        if not stat.S_ISDIR(st.st_mode):
            raise JournalAccessError(
                self.path, f"The journal at {self.path} cannot be used: {folder} is not a folder."
            )
        if st.st_mode & _LOOSE_BITS and not _is_shared_folder(folder, st):
            self._tighten(folder, st, DIR_MODE)

    def _tighten(self, path: Path, st: os.stat_result, mode: int) -> None:
        old = stat.S_IMODE(st.st_mode)
        try:
            os.chmod(path, mode)
        except OSError as exc:
            self.notices.append(
                f"Could not tighten permissions of {path} (now {old:04o}): {_reason(exc)}."
            )
            return
        self.notices.append(f"Tightened permissions of {path} to {mode:04o} (was {old:04o}).")

    def _check_journal(self) -> None:
        """Fail early on a folder in the journal's place; tighten a loose journal."""
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise JournalAccessError(
                self.path, f"Cannot read the journal at {self.path}: {_reason(exc)}."
            ) from None
        self._require_regular(st)
        if st.st_mode & _LOOSE_BITS:
            self._tighten(self.path, st, FILE_MODE)

    def _require_regular(self, st: os.stat_result) -> None:
        if stat.S_ISDIR(st.st_mode):
            raise JournalAccessError(self.path, f"The {self.label} at {self.path} is a folder, not a file.")
        if not stat.S_ISREG(st.st_mode):
            raise JournalAccessError(self.path, f"The {self.label} at {self.path} is not a regular file.")

    def _remove_stale_temps(self) -> None:
        """Delete temp files of killed writers. Safe under the lock: a live
        writer holds the lock for as long as its temp file exists."""
        prefix = f".{self.path.name}.tmp-"
        removed = 0
        try:
            with os.scandir(self.folder) as entries:
                for entry in entries:
                    if entry.name.startswith(prefix) and entry.is_file(follow_symlinks=False):
                        try:
                            os.unlink(entry.path)
                            removed += 1
                        except FileNotFoundError:
                            pass
        except OSError as exc:
            self.notices.append(
                f"Could not remove leftover temporary files in {self.folder}: {_reason(exc)}."
            )
            return
        if removed:
            self.notices.append(
                f"Removed {removed} leftover temporary file(s) of an interrupted save in {self.folder}."
            )

    # -- locking -----------------------------------------------------------

    def _open_lock_file(self) -> int | None:
        """The lock file's descriptor; None where it cannot be made (a read-only
        folder): then nobody can write, and reading needs no lock."""
        try:
            fd = open_own_file(self.lock_path, os.O_RDWR | os.O_CREAT, self.notices)
        except OSError as exc:
            if exc.errno not in (errno.EROFS, errno.EACCES, errno.EPERM):
                raise JournalAccessError(
                    self.path,
                    f"Cannot create the lock file {self.lock_path} for the journal: {_reason(exc)}.",
                ) from None
            try:
                return open_own_file(self.lock_path, os.O_RDONLY)  # flock works on it too
            except OSError:
                self.read_only = True
                return None
        try:
            old = stat.S_IMODE(os.fstat(fd).st_mode)
            if old != FILE_MODE:
                os.fchmod(fd, FILE_MODE)
                if old & _LOOSE_BITS:
                    self.notices.append(
                        f"Tightened permissions of {self.lock_path} to 0600 (was {old:04o})."
                    )
        except OSError as exc:
            self.notices.append(f"Could not tighten permissions of {self.lock_path}: {_reason(exc)}.")
        return fd

    @contextmanager
    def locked(self) -> Iterator[SafeJSONStorage]:
        """Hold an exclusive flock on "<journal>.lock". Re-entrant within this
        object (and its thread); blocks other processes and storage objects."""
        with self._thread_lock:
            if self._depth == 0:
                if self._lock_fd is None and not self.read_only:
                    self._lock_fd = self._open_lock_file()
                self._close_pending = False
                try:
                    if self._lock_fd is not None:
                        fcntl.flock(self._lock_fd, fcntl.LOCK_EX)
                except OSError as exc:
                    raise JournalAccessError(
                        self.path, f"Cannot lock the journal at {self.path}: {_reason(exc)}."
                    ) from None
                _HELD_LOCKS.add(str(self.lock_path))
                self._owner = _thread.get_ident()
            self._depth += 1
            try:
                yield self
            except BaseException:
                self._cache = None  # a failed update may have left it out of step
                raise
            finally:
                self._depth -= 1
                if self._depth == 0:
                    self._cache = None  # other processes may write from now on
                    self._owner = None
                    _HELD_LOCKS.discard(str(self.lock_path))
                    if self._lock_fd is not None:
                        fcntl.flock(self._lock_fd, fcntl.LOCK_UN)
                    if self._close_pending:
                        self.close()

    # -- tinydb.Storage ----------------------------------------------------

    def _cached(self) -> bool:
        return self._cache is not None and self._depth > 0 and self._owner == _thread.get_ident()

    def read(self) -> dict[str, dict[str, Any]] | None:
        """The journal's tables, or None if the file does not exist yet.

        Each call returns new objects, nested lists included: changing what
        read() returned never changes what the next read or save sees. Under
        locked() the file cannot change but through us, so it is read and
        checked once and its bytes kept (parsing them again is the copy).
        """
        if self._cached():
            return json.loads(self._cache)
        raw = self._read_file()
        if raw is None:
            return None
        data = self._parse(raw)
        if self._depth > 0 and self._owner == _thread.get_ident():
            self._cache = raw
        return data

    def _read_file(self) -> bytes | None:
        """The file's bytes; JournalError if it is not a regular file."""
        try:
            # O_NONBLOCK: a FIFO in the journal's place must not hang us
            fd = os.open(self.path, os.O_RDONLY | os.O_CLOEXEC | os.O_NONBLOCK)
        except FileNotFoundError:
            return None
        except IsADirectoryError:
            raise JournalAccessError(
                self.path, f"The {self.label} at {self.path} is a folder, not a file."
            ) from None
        except OSError as exc:
            raise JournalAccessError(
                self.path, f"Cannot read the {self.label} at {self.path}: {_reason(exc)}."
            ) from None
        try:
            self._require_regular(os.fstat(fd))
            with open(fd, "rb", closefd=False) as f:
                raw = f.read()
        except OSError as exc:
            raise JournalAccessError(
                self.path, f"Cannot read the {self.label} at {self.path}: {_reason(exc)}."
            ) from None
        finally:
            os.close(fd)
        return raw

    def _corrupt(self, what: str) -> JournalCorruptError:
        return JournalCorruptError(
            self.path, f"The {self.label} at {self.path} {what}; it was left untouched."
        )

    def _parse(self, raw: bytes) -> dict[str, dict[str, Any]]:
        if not raw:
            raise self._corrupt("is empty (0 bytes)")
        try:
            text = raw.decode("utf-8")  # strict
        except UnicodeDecodeError as exc:
            raise self._corrupt(f"is not valid UTF-8 text (byte {exc.start})") from None
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise self._corrupt(
                f"is not valid JSON (line {exc.lineno}, column {exc.colno})"
            ) from None
        except RecursionError:
            raise self._corrupt("is nested too deeply to be read") from None
        problem = shape_problem(data)
        if problem is not None:
            raise self._corrupt(problem)
        return data

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        """Atomically replace the journal with ``data``.

        A value JSON cannot hold, or a shape read() would refuse, raises
        TypeError/ValueError before any file is touched.
        """
        payload = _dumps(data)
        with self.locked():
            self._cache = None
            self._require_writable_target()
            try:
                _replace_with(self.path, payload)
            except OSError as exc:
                raise self._write_error(exc) from None
            try:
                _fsync_dir(self.folder)
            except OSError as exc:
                raise JournalAccessError(
                    self.path,
                    f"The journal at {self.path} was saved but could not be flushed to disk: "
                    f"{_reason(exc)}.",
                ) from None
            if self._depth > 1:  # still locked after this write: keep what the file holds
                self._cache = payload

    def _require_writable_target(self) -> None:
        try:
            st = os.stat(self.path)
        except FileNotFoundError:
            return
        except OSError as exc:
            raise self._write_error(exc) from None
        self._require_regular(st)

    def _write_error(self, exc: OSError) -> JournalAccessError:
        return JournalAccessError(
            self.path, f"Cannot write the journal at {self.path}: {_reason(exc)}."
        )

    def close(self) -> None:
        """Release the lock file. Inside locked(), this happens when the block ends."""
        with self._thread_lock:
            if self._depth:
                self._close_pending = True
            elif self._lock_fd is not None:
                os.close(self._lock_fd)
                self._lock_fd = None


# --------------------------------------------------------------------------


class JournalDB(TinyDB):
    """TinyDB with SafeJSONStorage and JournalTable by default: ``JournalDB(path)``."""

    table_class = JournalTable
    default_storage_class = SafeJSONStorage


class _OneFile(SafeJSONStorage):
    """SafeJSONStorage's strict read() of one file: no lock file, no folder changes."""

    def __init__(self, path: Path, label: str) -> None:
        self.path = Path(path)  # no super().__init__(): it would create a folder and a lock file
        self.label = label
        self._cache = None  # never locked, so never cached
        self._depth = 0
        self._owner = None


def read_tables(path: Path | str, label: str = "journal") -> dict[str, dict[str, Any]] | None:
    """The tables in a journal-shaped file (a backup, an archive month), None if
    it does not exist; JournalError, naming the file as `label`, if it cannot be used."""
    return _OneFile(path, label).read()


def write_file_atomically(target: Path, tables: dict[str, dict[str, Any]]) -> None:
    """Write tables to target as a whole or not at all (temp file, fsync,
    rename, fsync of the folder). Raises OSError; the caller holds a lock."""
    write_bytes_atomically(target, _dumps(tables))


def write_bytes_atomically(target: Path, payload: bytes, durable: bool = True) -> None:
    """Write bytes to target as a whole or not at all, the same way. Not
    `durable`: no fsync, for a cache that is made again if a crash leaves
    it empty or old. Raises OSError; the caller holds a lock."""
    _replace_with(target, payload, durable)
    if durable:
        _fsync_dir(target.parent)


def list_names(folder: Path, about: Path, what: str) -> list[str]:
    """The names in a folder, [] if it does not exist; JournalAccessError
    (about `about`, calling the folder's content `what`) if it cannot be listed
    or is a symbolic link (never followed, see store/links.py)."""
    try:
        require_real_folder(folder)
        return os.listdir(folder)
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise JournalAccessError(about, f"Cannot list {what} in {folder}: {_reason(exc)}.") from None


def move_aside(path: Path | str, now: datetime, why: str = "corrupt") -> Path:
    """Rename a journal to "<name>.<why>-YYYYmmdd-HHMMSS[-n]" and return the new
    path: "corrupt" for a damaged one, "replaced" for one a restore replaces.
    Never overwrites; the bytes are not touched."""
    path = Path(os.path.realpath(os.fspath(path)))
    base = f"{path.name}.{why}-{now:%Y%m%d-%H%M%S}"
    lock_path = path.with_name(path.name + ".lock")
    lock_fd = None
    try:
        if str(lock_path) not in _HELD_LOCKS:  # keep writers out while we move
            lock_fd = open_own_file(lock_path, os.O_RDWR | os.O_CREAT)
            fcntl.flock(lock_fd, fcntl.LOCK_EX)
        if not os.path.lexists(path):
            raise FileNotFoundError(errno.ENOENT, "no such file", str(path))
        for n in range(10_000):
            target = path.with_name(base if n == 0 else f"{base}-{n}")
            if _move_no_overwrite(path, target):
                return target
        raise FileExistsError(errno.EEXIST, "too many earlier copies", str(path))
    except OSError as exc:
        reason = "it does not exist" if isinstance(exc, FileNotFoundError) else _reason(exc)
        raise JournalAccessError(
            path, f"Cannot move the journal at {path} aside: {reason}."
        ) from None
    finally:
        if lock_fd is not None:
            os.close(lock_fd)


def _move_no_overwrite(src: Path, dst: Path) -> bool:
    """Rename src to dst unless dst exists; False if it does."""
    try:
        os.link(src, dst)  # atomic, fails if dst exists
    except FileExistsError:
        return False
    except OSError as exc:
        if exc.errno not in (errno.EPERM, errno.ENOTSUP, errno.EXDEV, errno.EMLINK):
            raise
        if os.path.lexists(dst):  # no hard links here: check, then rename
            return False
        os.rename(src, dst)
        return True
    os.unlink(src)
    return True

"""Moving a journal aside: renamed, never overwritten, its bytes untouched."""

from __future__ import annotations

import errno
import os
from datetime import datetime
from pathlib import Path

from tui.core.common.paths import own_files_folder
from tui.core.journal.store.errors import JournalAccessError, reason
from tui.core.journal.store.lock import FileLock


def lock_path_of(journal: Path) -> Path:
    """The journal's lock file, "<name>.lock" in the app's own folder for it (paths.py)."""
    return own_files_folder(journal) / (journal.name + ".lock")


def move_aside(path: Path | str, now: datetime, why: str = "corrupt") -> Path:
    """Rename a journal to "<name>.<why>-YYYYmmdd-HHMMSS[-n]" and return the new
    path: "corrupt" for a damaged one, "replaced" for one a restore replaces.
    Never overwrites; the bytes are not touched. Writers are kept out (the
    journal's lock, which a caller in this thread may already hold)."""
    path = Path(os.path.realpath(os.fspath(path)))
    base = f"{path.name}.{why}-{now:%Y%m%d-%H%M%S}"
    lock = FileLock(lock_path_of(path), path)
    try:
        with lock.hold():
            if not os.path.lexists(path):
                raise FileNotFoundError(errno.ENOENT, "no such file", str(path))
            for n in range(10_000):
                target = path.with_name(base if n == 0 else f"{base}-{n}")
                if _move_no_overwrite(path, target):
                    return target
            raise FileExistsError(errno.EEXIST, "too many earlier copies", str(path))
    except OSError as exc:
        why_not = "it does not exist" if isinstance(exc, FileNotFoundError) else reason(exc)
        raise JournalAccessError(path, f"Cannot move the journal at {path} aside: {why_not}.") from None
    finally:
        lock.close()


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

"""The one way the app replaces a file: whole or not at all, private.

A temp file beside the target (0600 whatever the umask), written, fsync-ed,
renamed over the target, then the folder fsync-ed so the rename survives a
power cut. The journal, archive months, backups, settings, the crash log and
the insights cache all write through write_atomically(); exports, which must
never replace a file, through write_new(); remove_temp_files() clears what
a killed writer left. Each step is a module function so tests can make it fail.
Hand-written on purpose: atomicwrites, the library made for this, is archived
by its author (last release 1.4.1, 2022).
"""

from __future__ import annotations

import contextlib
import errno
import os
from collections.abc import Callable
from pathlib import Path
from typing import TextIO

FILE_MODE = 0o600
DIR_MODE = 0o700
LOOSE_BITS = 0o077
TEMP_MARK = ".tmp-"  # in every temp file's name: ".<target name>.tmp-<pid>-<random>"


def create_temp(folder: Path, target_name: str) -> tuple[int, Path]:
    """Create a fresh 0600 temp file in folder; return (fd, path)."""
    while True:
        path = folder / f".{target_name}{TEMP_MARK}{os.getpid()}-{os.urandom(4).hex()}"
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


def write_all(fd: int, payload: bytes) -> None:
    view = memoryview(payload)
    while view:
        written = os.write(fd, view)
        view = view[written:]


# The durability policy: True in the app, so every durable write reaches the
# disk. Unit tests switch it off (tests/conftest.py) where a power cut is not
# what they test; every other step still runs. os.fsync is looked up at call
# time, so a test can make it fail.
sync_to_disk = True


def sync(fd: int) -> None:
    """os.fsync(fd), unless the policy above is off."""
    if sync_to_disk:
        os.fsync(fd)


def fsync_file(fd: int) -> None:
    sync(fd)


def replace(src: Path, dst: Path) -> None:
    os.replace(src, dst)


def fsync_folder(folder: Path) -> None:
    """Make a rename durable. Filesystems that cannot fsync a folder are tolerated."""
    fd = os.open(folder, os.O_RDONLY | os.O_DIRECTORY | os.O_CLOEXEC)
    try:
        sync(fd)
    except OSError as exc:
        if exc.errno not in (errno.EINVAL, errno.ENOTSUP, errno.EBADF):
            raise
    finally:
        os.close(fd)


def replace_file(target: Path, payload: bytes, durable: bool = True) -> None:
    """The temp file, written and flushed (unless not `durable`), renamed over
    target; the temp file is removed if any step fails. Raises OSError."""
    fd, tmp = create_temp(target.parent, target.name)
    try:
        try:
            write_all(fd, payload)
            if durable:
                fsync_file(fd)
        finally:
            os.close(fd)
        replace(tmp, target)
    except BaseException:
        with contextlib.suppress(OSError):  # the step that failed is what to report
            os.unlink(tmp)
        raise


def write_atomically(target: Path, payload: bytes, durable: bool = True) -> None:
    """replace_file() then fsync of the folder. Not `durable`: no fsync at all,
    for a cache made again if a crash leaves it empty or old. Raises OSError;
    the caller holds whatever lock keeps other writers out."""
    replace_file(target, payload, durable)
    if durable:
        fsync_folder(target.parent)


def write_new(target: Path, write: Callable[[TextIO], None]) -> None:
    """Stream text into a new file, whole or not at all, never replacing one:
    the temp file is written by `write`, fsync-ed, then linked to `target`
    (FileExistsError if the name is taken, even meanwhile) and the folder
    fsync-ed. For exports, which are too big to hold in memory."""
    fd, tmp = create_temp(target.parent, target.name)
    try:
        with open(fd, "w", encoding="utf-8", newline="") as file:
            write(file)
            file.flush()
            fsync_file(file.fileno())
        try:
            os.link(tmp, target)  # fails if the name was taken meanwhile
        except FileExistsError:
            raise
        except OSError:  # no hard links on this file system
            if os.path.lexists(target):
                raise FileExistsError(errno.EEXIST, "file exists", str(target)) from None
            replace(tmp, target)
        fsync_folder(target.parent)
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)


def remove_temp_files(folder: Path, prefix: str = ".") -> int:
    """Delete the temp files (names starting with `prefix`) that killed writers
    left in folder; return how many. Safe only under the lock that every
    writer of the folder holds while its temp file exists. A missing folder
    holds none; other OSErrors pass through."""
    removed = 0
    try:
        with os.scandir(folder) as entries:
            for entry in entries:
                if (entry.name.startswith(prefix) and TEMP_MARK in entry.name
                        and entry.is_file(follow_symlinks=False)):
                    try:
                        os.unlink(entry.path)
                        removed += 1
                    except FileNotFoundError:
                        pass
    except FileNotFoundError:
        return 0
    return removed

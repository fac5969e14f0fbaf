"""Read a TOML file into a dict, turning every failure into a DataFileError.

Only regular files of at most MAX_BYTES are read: a FIFO in a routine's place
must not hang the app, nor a link to /dev/zero fill its memory. A user's
file may itself be a symbolic link (dotfile managers make them); what it
points to must pass the same checks.
"""

from __future__ import annotations

import os
import stat
import tomllib
from pathlib import Path

from tui.core.common.errors import DataFileError

MAX_BYTES = 1024 * 1024  # a routine is a few KB; a settings file a few hundred bytes


def read_bytes_limited(path: Path, limit: int = MAX_BYTES) -> bytes:
    """The bytes of a regular file of at most `limit` bytes; DataFileError otherwise."""
    try:
        # O_NONBLOCK: opening a FIFO returns at once instead of waiting for a writer
        fd = os.open(path, os.O_RDONLY | os.O_NONBLOCK | os.O_CLOEXEC)
    except FileNotFoundError:
        raise DataFileError(path, "file not found") from None
    except IsADirectoryError:
        raise DataFileError(path, "is a folder, not a file") from None
    except OSError as error:
        raise DataFileError(path, f"cannot be read ({error.strerror})") from None
    try:
        st = os.fstat(fd)
        if stat.S_ISDIR(st.st_mode):
            raise DataFileError(path, "is a folder, not a file")
        if not stat.S_ISREG(st.st_mode):
            raise DataFileError(path, "is not a regular file (a pipe, a device or a socket); it was not read")
        if st.st_size > limit:
            raise DataFileError(path, f"is too big to be read ({st.st_size:,} bytes; at most {limit:,})")
        with open(fd, "rb", closefd=False) as file:
            raw = file.read(limit + 1)  # the file may have grown since fstat
    except OSError as error:
        raise DataFileError(path, f"cannot be read ({error.strerror})") from None
    finally:
        os.close(fd)
    if len(raw) > limit:
        raise DataFileError(path, f"is too big to be read (more than {limit:,} bytes)")
    return raw


def read_toml(path: Path) -> dict:
    raw = read_bytes_limited(path)
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as error:
        raise DataFileError(
            path, f"is not UTF-8 text (bad byte at offset {error.start})"
        ) from None
    try:
        return tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise DataFileError(path, f"invalid TOML: {error}") from None
    except RecursionError:
        raise DataFileError(path, "invalid TOML: nested too deeply") from None

"""Read a TOML file into a dict, turning every failure into a DataFileError."""

from __future__ import annotations

import tomllib
from pathlib import Path

from tui.core.errors import DataFileError


def read_toml(path: Path) -> dict:
    try:
        raw = path.read_bytes()
    except FileNotFoundError:
        raise DataFileError(path, "file not found") from None
    except IsADirectoryError:
        raise DataFileError(path, "is a folder, not a file") from None
    except OSError as error:
        raise DataFileError(path, f"cannot be read ({error.strerror})") from None
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

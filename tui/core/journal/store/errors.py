"""The errors of the journal's storage, and the words for an operating-system refusal."""

from __future__ import annotations

import errno
from pathlib import Path

from tui.core.journal.store.links import LinkRefused


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


REASONS = {
    errno.EACCES: "permission denied",
    errno.EPERM: "permission denied",
    errno.EROFS: "the folder is on a read-only file system",
    errno.ENOSPC: "the disk is full",
    errno.EDQUOT: "the disk quota is exceeded",
    errno.ENOENT: "the folder does not exist",
    errno.ENOTDIR: "a part of the path is not a folder",
    errno.ELOOP: "a symbolic link is in the way",
}


def reason(exc: OSError) -> str:
    """A short lower-case reason for an OSError, for use inside a sentence."""
    if isinstance(exc, LinkRefused) and exc.strerror:
        return exc.strerror
    if exc.errno in REASONS:
        return REASONS[exc.errno]
    text = exc.strerror or str(exc) or type(exc).__name__
    return text[:1].lower() + text[1:]

"""Child process for test_full_disk.py, run on a 64 KiB tmpfs of its own:

    full_disk_child.py FOLDER

A journal with one rating, then the disk filled: a session that ends fails and
is kept, a rating after it fails too; the disk freed, JournalWriter.save_pending
saves the session. Prints one JSON line of what it saw."""

from __future__ import annotations

import errno
import json
import os
import sys
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tui.core.journal.journal import Journal
from tui.core.journal.store.errors import JournalError
from tui.core.journal.writer import JournalWriter, rating_change

NOW = datetime(2026, 11, 22, 21, 40, tzinfo=UTC)


def fill(folder: Path) -> Path:
    """A file that takes every free block."""
    filler = folder / "filler"
    fd = os.open(filler, os.O_WRONLY | os.O_CREAT, 0o600)
    try:
        while True:
            os.write(fd, b"\0" * 4096)
    except OSError as exc:
        assert exc.errno == errno.ENOSPC, exc
    finally:
        os.close(fd)
    return filler


def session(journal: Journal) -> dict:
    return journal.add_session("stretch", "Stretch", NOW - timedelta(minutes=14), NOW, True, 6, 0, 6, 840.0)


def main(folder: Path) -> dict:
    path = folder / "journal.json"
    writer = JournalWriter(Journal(path, now=lambda: NOW))
    writer.write(rating_change(3, {}, [], "before", NOW - timedelta(hours=1)))
    before = path.read_bytes()
    filler = fill(folder)
    seen: dict = {}
    try:
        writer.write(session, keep=True)
    except JournalError as error:
        seen["session"] = str(error)
    try:
        writer.save_pending()
    except JournalError as error:
        seen["retry while full"] = str(error)
    seen["pending while full"] = len(writer.unsaved)
    seen["journal kept"] = path.read_bytes() == before
    filler.unlink()
    seen["saved"] = writer.save_pending()
    seen["pending"] = len(writer.unsaved)
    seen["records"] = [(r["type"], r.get("note", "")) for r in Journal(path).records()]
    return seen


if __name__ == "__main__":
    print(json.dumps(main(Path(sys.argv[1]))))

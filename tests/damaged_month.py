"""A journal with one damaged archive month, for the tests of issue 24 item
12 (the command line's and the Insights screen's)."""

from __future__ import annotations

from datetime import datetime, timedelta
from pathlib import Path

from tui.core.journal.archive import archive_path
from tui.core.journal.journal import Journal


def write_damaged_september(path: Path, now: datetime) -> None:
    """Runs with foam rolling (or not) and their morning-after ratings in
    August, September and October 2026; August and September archived,
    September truncated."""
    with Journal(path, now=lambda: now) as journal:
        for month in (8, 9, 10):
            for day in range(1, 9):
                ended = datetime(2026, month, day, 21, 30, tzinfo=now.tzinfo)
                run = journal.add_run(ended)
                journal.record_practices(run["id"], ["foam-roll"] if day % 2 else ["meal"])
                journal.add_soreness(3 if day % 2 else 5, when=ended + timedelta(hours=10))
        journal.archive_old_months()
    september = archive_path(path, "2026-09")
    september.write_bytes(september.read_bytes()[:60])

"""Two copies of the app on one journal. (Two processes writing 200 records
each at once: tests/core/test_storage.py.) Here: a copy that has the journal
open while another copy replaces the file loses nothing."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tinydb import TinyDB

from tests.reliability.helpers import child_env
from tui.core.journal.journal import Journal
from tui.core.journal.records import TABLE

NOW = datetime(2024, 11, 22, 9, 12, tzinfo=timezone(timedelta(hours=1)))
OTHER_COPY = """
import sys
from datetime import datetime
from tui.core.journal.journal import Journal
now = datetime.fromisoformat(sys.argv[2])
with Journal(sys.argv[1], now=lambda: now) as journal:
    for overall in range(5):
        journal.add_soreness(overall, note=f"from the other copy {overall}")
"""


def other_copy_writes(path: Path) -> None:
    """Another process adds five ratings; each save replaces the file."""
    subprocess.run([sys.executable, "-c", OTHER_COPY, str(path), NOW.isoformat()],
                   check=True, env=child_env(), timeout=60)


def notes(path: Path) -> list[str]:
    return sorted(doc["note"] for doc in json.loads(path.read_bytes())[TABLE].values())


def test_open_copy_keeps_what_another_copy_wrote(tmp_path: Path) -> None:
    path = tmp_path / "data" / "journal.json"
    first = Journal(path, now=lambda: NOW)
    first.add_soreness(1, note="mine before")
    assert len(first.records()) == 1  # open, and has read

    original = os.open(path, os.O_RDONLY)
    try:
        other_copy_writes(path)
        # the file this copy read was replaced (unlinked) under it; inode numbers
        # can be reused, so ask the old file itself rather than compare numbers
        assert os.fstat(original).st_nlink == 0
    finally:
        os.close(original)

    assert len(first.records()) == 6  # sees the other copy's records, not a stale view
    mine = first.add_soreness(2, note="mine after")
    first.close()
    expected = sorted(["mine before", "mine after", *(f"from the other copy {n}" for n in range(5))])
    assert notes(path) == expected
    assert mine["id"] == 7 and len(Journal(path).records()) == 7


def test_control_stock_tinydb_copy_loses_its_write(tmp_path: Path) -> None:
    """Stock TinyDB keeps the file it opened: after another copy replaced it,
    its write goes to the old, unlinked file and is lost."""
    path = tmp_path / "data" / "journal.json"
    with Journal(path, now=lambda: NOW) as journal:
        journal.add_soreness(1, note="mine before")
    stock = TinyDB(path)
    assert len(stock.table(TABLE)) == 1
    other_copy_writes(path)
    stock.table(TABLE).insert({"note": "mine after"})
    stock.close()
    assert "mine after" not in notes(path)

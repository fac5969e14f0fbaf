"""A journal whose current month and one archive month are kept in parts
(rotation.py), left by the app's own saves: October 2026 and December 2026
each hold a runner's days (runs with practices, routines, ratings) and a
script's thousands of ratings; October was rotated then, December now.
For the tests of every command over such a journal and of `doctor`."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

from tests.benchmarks.generate_journal import generate
from tui.core.journal import archive
from tui.core.journal.journal import Journal
from tui.core.journal.records import SCHEMA_VERSION, TABLE
from tui.core.journal.storage import SafeJSONStorage
from tui.core.journal.store.meta import last_id, with_last_id

ZONE = timezone(timedelta(hours=1))
OCTOBER = datetime(2026, 10, 28, 20, 0, tzinfo=ZONE)  # when October was crowded and rotated
NOW = datetime(2026, 12, 6, 20, 0, tzinfo=ZONE)  # when December was, and the tests run
RUN_END = NOW.replace(hour=18, minute=30)  # today's run, saved by the app


def month_docs(now: datetime, bulk: int, first: int, tag: str) -> dict[str, dict[str, Any]]:
    """The records of `now`'s month until yesterday, numbered from `first`: a
    runner's days (tests/benchmarks/generate_journal.py) and `bulk` ratings a
    script logged, spread evenly over the month until two hours ago."""
    days = generate(years=(now.day - 1) / 365, seed=now.month, end=now.date() - timedelta(days=1))[TABLE]
    docs = {}
    for key, doc in days.items():
        session = doc.get("session")
        docs[str(first - 1 + int(key))] = {**doc, "session": session + first - 1} if session else doc
    start, first = now.replace(day=1, hour=0), first + len(days)
    step = (now - timedelta(hours=2) - start) / bulk
    for n in range(bulk):
        docs[str(first + n)] = {
            "v": SCHEMA_VERSION, "type": "soreness", "time": (start + step * n).isoformat(), "overall": n % 11,
            "areas": {"calves": n % 11}, "pain": [], "note": f"{tag}, by a script", "session": None,
            "uid": f"parted-{tag}-{n:05d}",
        }
    return docs


def _add(path: Path, docs: dict[str, dict[str, Any]]) -> None:
    """Store records in the journal file as a script would (one write, no rotation)."""
    storage = SafeJSONStorage(path, create_dirs=True)
    try:
        tables = storage.read() or {"meta": {"1": {"uids": 1}}}
        table = {**tables.get(TABLE, {}), **docs}
        storage.write(with_last_id({**tables, TABLE: table}, TABLE, max(map(int, table))))
    finally:
        storage.close()


def write_parted(path: Path, october: int = 1_100, december: int = 1_100) -> set[str]:
    """Write the journal; the uids of every record it holds."""
    _add(path, month_docs(OCTOBER, october, 1, "october"))
    with Journal(path, now=lambda: OCTOBER) as journal:
        journal.add_soreness(3, note="october, typed", when=OCTOBER)  # the save that rotates October
    storage = SafeJSONStorage(path)
    try:
        first = last_id(storage.read(), TABLE) + 1
    finally:
        storage.close()
    _add(path, month_docs(NOW, december, first, "december"))
    with Journal(path, now=lambda: NOW) as journal:
        journal.add_run(RUN_END, run_kind="easy")  # archives October's rest, rotates December
        uids = {record["uid"] for record in journal.records()}
        assert journal.problems == []
    keys = archive.archive_months(path)
    for wanted in ("2026-10", "2026-10.part-0001", "2026-12.part-0001"):
        assert wanted in keys, keys
    return uids


def flat_copy(parted: Path, flat: Path) -> None:
    """The same records in one journal file, with no archive: what every
    reading command must show alike (nothing moves until a save)."""
    with Journal(parted, now=lambda: NOW) as journal:
        records = journal.records()
    _add(flat, {str(r["id"]): {k: v for k, v in r.items() if k != "id"} for r in records})


"""A journal whose current month holds many records (logged by a script), for
the tests of rotation.py: ratings, with a session and a run among them."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone
from pathlib import Path

from tests.benchmarks.crowded_month import crowded
from tui.core.journal.records import SCHEMA_VERSION, TABLE
from tui.core.journal.storage import SafeJSONStorage

NOW = datetime(2026, 11, 28, 20, 0, tzinfo=timezone(timedelta(hours=1)))


def write_crowded(path: Path, records: int, now: datetime = NOW) -> dict:
    """Write the journal (not yet rotated); its tables. Record 1 is a session
    of the 2nd, record 2 a run of the 3rd, the rest ratings spread over the month."""
    data = crowded(now, records - 2, years=0)
    table = data[TABLE]
    ratings = {str(int(key) + 2): doc for key, doc in table.items()}
    ended = now.replace(day=2, hour=9)
    table.clear()
    table["1"] = {"v": SCHEMA_VERSION, "type": "session", "routine_id": "foam-rolling", "routine_name": "Foam rolling",
                  "started": (ended - timedelta(minutes=9)).isoformat(), "ended": ended.isoformat(),
                  "completed": True, "exercises_done": 5, "exercises_skipped": 0, "exercises_total": 5,
                  "seconds": 540.0, "uid": "crowded-session"}
    table["2"] = {"v": SCHEMA_VERSION, "type": "run", "time": now.replace(day=3, hour=7).isoformat(),
                  "run_kind": "easy", "practices": [], "skipped": [], "plan_date": "2026-11-03", "uid": "crowded-run"}
    table.update(ratings)
    storage = SafeJSONStorage(path, create_dirs=True)
    try:
        storage.write(data)
    finally:
        storage.close()
    return data

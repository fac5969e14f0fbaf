"""A journal with everything `history` reads, for the tests of its stream:
a year of archive months (sessions, ratings, runs with plan steps), this
month crowded into parts (rotation.py), records either side of a month's
end in other time zones, hostile notes, records that do not check out, and
one archive month truncated."""

from __future__ import annotations

import json
from datetime import UTC, date, datetime, timedelta, timezone
from pathlib import Path

from tests.benchmarks.crowded_month import crowded, write_as_kept
from tui.core.journal.archive import archive_folder, archive_path
from tui.core.journal.records import SCHEMA_VERSION, TABLE

TZ = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 22, 21, 0, tzinfo=TZ)
DAMAGED = "2026-03"
HOSTILE = ("\x1b[2J\x1b[31mred\x1b[0m", "=HYPERLINK(\"http://x\")", "abc\u202edlrow", "two\nlines\ttab", "\x9b31m")


def _rating(when: datetime, note: str, uid: str, overall: object = 3) -> dict:
    return {"v": SCHEMA_VERSION, "type": "soreness", "time": when.isoformat(), "overall": overall,
            "areas": {"calves": 3}, "pain": [], "note": note, "session": None, "uid": uid}


def _extra(start: int) -> dict[str, dict]:
    """Records at a month's end in far zones, hostile notes, bad records."""
    east, west = timezone(timedelta(hours=14)), timezone(timedelta(hours=-11))
    docs = [
        _rating(datetime(2026, 7, 1, 0, 30, tzinfo=east), "July by the clock, June by UTC", "edge-1"),
        _rating(datetime(2026, 6, 30, 23, 30, tzinfo=west), "June by the clock, July by UTC", "edge-2"),
        _rating(datetime(2026, 7, 1, 3, 0, tzinfo=UTC), "early in July", "edge-5"),
        _rating(datetime(2026, 6, 30, 10, 30, tzinfo=west), "the same moment twice", "edge-3"),
        _rating(datetime(2026, 6, 30, 10, 30, tzinfo=west), "the same moment twice", "edge-4"),
        *(_rating(datetime(2026, 5, 10 + n, 8, tzinfo=TZ), note, f"hostile-{n}") for n, note in enumerate(HOSTILE)),
        *(_rating(NOW - timedelta(days=1, minutes=n), note, f"hostile-now-{n}") for n, note in enumerate(HOSTILE)),
        _rating(datetime(2026, 4, 12, 8, tzinfo=TZ), "a rating of eleven", "bad-1", overall=11),
        _rating(NOW - timedelta(days=3), "a rating of minus one", "bad-2", overall=-1),
        {"v": SCHEMA_VERSION, "type": "soreness", "time": "not a time", "uid": "bad-3"},
        {"v": SCHEMA_VERSION, "type": "run", "time": datetime(2026, 8, 2, 7, tzinfo=TZ).isoformat(),
         "run_kind": "long", "practices": ["hydrate", "no-such-step", "runner-yoga"], "skipped": ["foam-rolling"],
         "plan_date": "2026-08-02", "uid": "run-steps"},
    ]
    return {str(start + n): doc for n, doc in enumerate(docs)}


def write_history_journal(path: Path, crowd: int = 2_400, damage: bool = True) -> Path:
    """Write the journal at `path` as the app's saves would have kept it."""
    data = crowded(NOW, crowd, years=1)
    data[TABLE].update(_extra(len(data[TABLE]) + 1))
    write_as_kept(path, data, NOW)
    if damage:
        month = archive_path(path, DAMAGED)
        month.write_bytes(month.read_bytes()[:300])
    return path


def archive_keys(path: Path) -> list[str]:
    """The archive's files, as their keys ("2026-11.part-0001")."""
    prefix = f"{path.stem}-"
    return sorted(p.stem[len(prefix):] for p in archive_folder(path).glob("*.json"))


def bad_doc_in(path: Path, key: str) -> None:
    """Make the first record of archive file `key` one that does not check out."""
    month = archive_folder(path) / f"{path.stem}-{key}{path.suffix}"
    tables = json.loads(month.read_text())
    doc = next(iter(tables[TABLE].values()))
    doc["type"] = "bad"
    month.write_text(json.dumps(tables))


def first_day(month: str) -> date:
    return date(int(month[:4]), int(month[5:]), 1)

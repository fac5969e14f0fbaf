"""A journal with an experiment's runs and ratings, and a simple outcome rule of the tests' own."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tui.core.journal.journal import Journal
from tui.core.journal.records import record_time
from tui.core.plan.practices import PracticeNames

ZONE = timezone(timedelta(hours=1))
START = datetime(2024, 3, 1, 9, 0, tzinfo=ZONE)
NAMES = PracticeNames()


def next_rating(records: list[dict]) -> dict[int, tuple[float, float | None]]:
    """The tests' own outcome rule: the first rating 6-36 h after each run."""
    ratings = sorted((record_time(r), r["overall"]) for r in records if r["type"] == "soreness")
    found = {}
    for run in (r for r in records if r["type"] == "run"):
        ended = record_time(run)
        later = [value for moment, value in ratings if timedelta(hours=6) <= moment - ended <= timedelta(hours=36)]
        if later:
            found[run["id"]] = (later[0], None)
    return found


def add_run(journal: Journal, day: int, outcome: int | None, did: bool = False, kind: str | None = None,
            hour: int = 18) -> dict:
    """A run on March `day` at `hour`, the practice done or not, and its next-morning rating."""
    ended = START.replace(day=day, hour=hour)
    run = journal.add_run(ended, kind)
    if did:
        run = journal.record_practices(run["id"], ["ice-bath"])
    if outcome is not None:
        journal.add_soreness(outcome, when=ended.replace(hour=8) + timedelta(days=1))
    return run

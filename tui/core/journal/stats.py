"""Counts over the journal: days with a session, the streak, this week, trends.

Pure functions over `Journal.records()` (any order) and an aware `now`;
calendar days are those of `now`'s time zone. The streak is counted one way,
by SessionDays, whether its days come from records or from the archive's
month masks.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import Protocol

from tui.core.common.ids import AREAS
from tui.core.journal.records import record_time


class DaysSource(Protocol):
    """What journal_streak needs of a Journal (journal.py imports this module)."""

    def session_days(self, now: datetime) -> SessionDays: ...


def ratings_until(records: Iterable[dict], now: datetime) -> list[tuple[datetime, dict]]:
    """Soreness ratings up to `now`, oldest first."""
    timed = [(record_time(r), r["id"], r) for r in records if r["type"] == "soreness"]
    return [(t, r) for t, _, r in sorted(timed, key=lambda x: x[:2]) if t <= now]


def sessions_until(records: Iterable[dict], now: datetime) -> list[tuple[datetime, dict]]:
    """Sessions that ended up to `now`, oldest first."""
    timed = [(record_time(r), r["id"], r) for r in records if r["type"] == "session"]
    return [(t, r) for t, _, r in sorted(timed, key=lambda x: x[:2]) if t <= now]


def day_of(moment: datetime, now: datetime) -> date:
    return moment.astimezone(now.tzinfo).date()


class SessionDays:
    """The days with a session, without building ten years of dates: recent
    days as a set, archived months as bit masks (bit d: day d)."""

    def __init__(self, recent: set[date], masks: dict[str, int]) -> None:
        self.recent = recent
        self.masks = {(int(month[:4]), int(month[5:])): mask for month, mask in masks.items()}

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, date):
            return False
        return day in self.recent or bool(self.masks.get((day.year, day.month), 0) >> day.day & 1)

    def streak(self, now: datetime) -> int:
        """Days in a row with a session, ending today (or yesterday if none yet today)."""
        today = now.date()
        return self.run_back_from(today if today in self else today - timedelta(days=1))

    def run_back_from(self, day: date) -> int:
        """How many days in a row, `day` and back, had a session; an archived
        month with a session every day counts in one step."""
        count = 0
        while True:
            if day in self.recent:
                count, day = count + 1, day - timedelta(days=1)
                continue
            mask = self.masks.get((day.year, day.month), 0)
            if not mask >> day.day & 1:
                return count
            whole = (1 << (day.day + 1)) - 2  # days 1 to day.day
            if mask & whole == whole:
                count, day = count + day.day, day.replace(day=1) - timedelta(days=1)
            else:
                count, day = count + 1, day - timedelta(days=1)



def area_trends(records: Iterable[dict], now: datetime, days: int = 28) -> dict[str, list[float | None]]:
    """Per day (oldest first, today last) the mean rating of "overall" and each
    area; None for a day without a rating of it."""
    first = now.date() - timedelta(days=days - 1)
    sums: dict[str, list[list[int]]] = {key: [[] for _ in range(days)] for key in ("overall", *AREAS)}
    for moment, record in ratings_until(records, now):
        index = (day_of(moment, now) - first).days
        if 0 <= index < days:
            sums["overall"][index].append(record["overall"])
            for area, value in record["areas"].items():
                sums[area][index].append(value)
    return {
        key: [sum(values) / len(values) if values else None for values in per_day]
        for key, per_day in sums.items()
    }


def latest_ratings(records: Iterable[dict], now: datetime, days: int = 28) -> dict[str, int]:
    """The latest rating of "overall" and of each area within the last `days`
    days (as area_trends counts them): the rating itself, not its day's mean."""
    first = now.date() - timedelta(days=days - 1)
    latest: dict[str, int] = {}
    for moment, record in ratings_until(records, now):  # oldest first: a later rating wins
        if day_of(moment, now) >= first:
            latest["overall"] = record["overall"]
            latest.update(record["areas"])
    return latest


def week_count(records: Iterable[dict], now: datetime) -> int:
    """Sessions that ended in the current ISO week (Monday on), up to now."""
    monday = now.date() - timedelta(days=now.weekday())
    return sum(1 for t, _ in sessions_until(records, now) if day_of(t, now) >= monday)


def journal_streak(journal: DaysSource, now: datetime) -> int:
    """Days in a row with a session, ending today (or yesterday if none yet
    today), through the archive without reading it (see archive.py)."""
    return journal.session_days(now).streak(now)

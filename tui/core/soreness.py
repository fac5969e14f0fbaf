"""What the journal says about the legs: pain guard, DOMS check-in, trends, streak.

Pure functions over `Journal.records()` (any order) and an aware `now`.
Calendar days are those of `now`'s time zone.
"""

from __future__ import annotations

from collections import namedtuple
from collections.abc import Container, Iterable
from datetime import date, datetime, timedelta

from tui.core.journal import record_time
from tui.core.ids import AREAS, area_label, area_words

PAIN = "pain"  # a pain flag in the latest rating
HIGH = "high"  # rated 7+ on three ratings in a row, on different days
HIGH_RATING = 7
HIGH_DAYS = 3
GUARD_WINDOW = timedelta(days=7)
DOMS_FROM = timedelta(hours=12)
DOMS_UNTIL = timedelta(hours=72)

NOT_MEDICAL_ADVICE = "This is not medical advice."


class Alert(namedtuple("Alert", "area reason")):
    """An area (str) and why it is flagged (PAIN or HIGH). Made with
    collections.namedtuple: typing.NamedTuple compiles each string annotation,
    and a dataclass imports more, both slowing `log` down."""

    __slots__ = ()


def _ratings(records: Iterable[dict], now: datetime) -> list[tuple[datetime, dict]]:
    """Soreness ratings up to `now`, oldest first."""
    timed = [(record_time(r), r["id"], r) for r in records if r["type"] == "soreness"]
    return [(t, r) for t, _, r in sorted(timed, key=lambda x: x[:2]) if t <= now]


def _sessions(records: Iterable[dict], now: datetime) -> list[tuple[datetime, dict]]:
    timed = [(record_time(r), r["id"], r) for r in records if r["type"] == "session"]
    return [(t, r) for t, _, r in sorted(timed, key=lambda x: x[:2]) if t <= now]


def _day(moment: datetime, now: datetime) -> date:
    return moment.astimezone(now.tzinfo).date()


def pain_alerts(records: Iterable[dict], now: datetime) -> list[Alert]:
    """One alert per area, in AREAS order, judged on the last 7 days.

    PAIN: the latest rating flags the area. HIGH: the area's latest ratings
    (only those that rate it) are all 7 or more, back over three different days.
    Only ratings from the last 7 days count, so `records(since=now - GUARD_WINDOW)`
    is all it needs.
    """
    recent = [(t, r) for t, r in _ratings(records, now) if t >= now - GUARD_WINDOW]
    if not recent:
        return []
    flagged = set(recent[-1][1]["pain"])
    alerts = []
    for area in AREAS:
        if area in flagged:
            alerts.append(Alert(area, PAIN))
            continue
        days: set[date] = set()
        for moment, record in reversed(recent):
            if area not in record["areas"]:
                continue
            if record["areas"][area] < HIGH_RATING:
                break
            days.add(_day(moment, now))
        rated_lately = any(area in r["areas"] for _, r in recent)
        if rated_lately and len(days) >= HIGH_DAYS:
            alerts.append(Alert(area, HIGH))
    return alerts


def pain_advice(alert: Alert) -> str:
    """What to do about one alert, in a sentence or two."""
    if alert.reason == PAIN:
        cause = f"Sharp or localised pain flagged in {area_words(alert.area)}."
    else:
        cause = (
            f"{area_label(alert.area)} rated {HIGH_RATING}/10 or more "
            f"on {HIGH_DAYS} different days in a row."
        )
    return (
        f"{cause} Rest that area, skip the stretches that put load on it, "
        "and see a doctor if it still hurts after rest."
    )


def guard_notice(alerts: Iterable[Alert]) -> str:
    """Every alert's advice, then NOT_MEDICAL_ADVICE once; "" without alerts."""
    lines = [pain_advice(alert) for alert in alerts]
    return "\n".join([*lines, NOT_MEDICAL_ADVICE]) if lines else ""


def doms_checkin_due(records: Iterable[dict], now: datetime) -> dict | None:
    """The latest session that ended 12-72 h ago with no rating after its end."""
    records = list(records)
    due = [(t, s) for t, s in _sessions(records, now) if DOMS_FROM <= now - t <= DOMS_UNTIL]
    if not due:
        return None
    ended, session = due[-1]
    if any(t > ended for t, _ in _ratings(records, now)):
        return None
    return session


def area_trends(records: Iterable[dict], now: datetime, days: int = 28) -> dict[str, list[float | None]]:
    """Per day (oldest first, today last) the mean rating of "overall" and each
    area; None for a day without a rating of it."""
    first = now.date() - timedelta(days=days - 1)
    sums = {key: [[] for _ in range(days)] for key in ("overall", *AREAS)}
    for moment, record in _ratings(records, now):
        index = (_day(moment, now) - first).days
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
    for moment, record in _ratings(records, now):  # oldest first: a later rating wins
        if _day(moment, now) >= first:
            latest["overall"] = record["overall"]
            latest.update(record["areas"])
    return latest


def session_days(records: Iterable[dict], now: datetime) -> set[date]:
    return {_day(t, now) for t, _ in _sessions(records, now)}


def week_count(records: Iterable[dict], now: datetime) -> int:
    """Sessions that ended in the current ISO week (Monday on), up to now."""
    monday = now.date() - timedelta(days=now.weekday())
    return sum(1 for t, _ in _sessions(records, now) if _day(t, now) >= monday)


def streak(records: Iterable[dict], now: datetime) -> int:
    """Days in a row with a session, ending today (or yesterday if none yet today)."""
    return days_in_a_row(session_days(records, now), now)


def days_in_a_row(days: Container[date], now: datetime) -> int:
    """How many days of `days` run back without a gap from today (or yesterday)."""
    day = now.date()
    if day not in days:
        day -= timedelta(days=1)
    count = 0
    while day in days:
        count += 1
        day -= timedelta(days=1)
    return count


def describe(record: dict) -> str:
    """A rating in a few words: "3/10 (calves 4, quads 2; pain: calves)"."""
    details = [", ".join(f"{area_words(area)} {value}" for area, value in record["areas"].items())]
    if record["pain"]:
        details.append("pain: " + ", ".join(area_words(area) for area in record["pain"]))
    inner = "; ".join(d for d in details if d)
    return f"{record['overall']}/10" + (f" ({inner})" if inner else "")


def journal_streak(journal, now: datetime) -> int:
    """streak() of a Journal, through its archive without reading it (see archive.py)."""
    days = journal.session_days(now)
    today = now.date()
    return days.run_back_from(today if today in days else today - timedelta(days=1))

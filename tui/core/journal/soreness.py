"""What the journal says about the legs: the pain guard and the DOMS check-in.

Pure functions over `Journal.records()` (any order) and an aware `now`.
Calendar days are those of `now`'s time zone.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import date, datetime, timedelta
from typing import NamedTuple

from tui.core.common.ids import AREAS, area_label, area_words
from tui.core.journal.stats import day_of, ratings_until, sessions_until

PAIN = "pain"  # a pain flag in the latest rating
HIGH = "high"  # rated 7+ on three ratings in a row, on different days
HIGH_RATING = 7
HIGH_DAYS = 3
GUARD_WINDOW = timedelta(days=7)
DOMS_FROM = timedelta(hours=12)
DOMS_UNTIL = timedelta(hours=72)
RATE_AGAIN_WITHIN = timedelta(minutes=30)  # a rating this recent is offered again, not asked for again
REPEAT_WITHIN = timedelta(minutes=1)  # the same rating again this soon is most likely a key pressed twice

NOT_MEDICAL_ADVICE = "This is not medical advice."
# Signs that it is not muscle soreness (../shared/evidence.md: Nye et al. 2021 on
# exertional rhabdomyolysis, Kahanov et al. 2015 on bone stress injuries).
WARNING_SIGNS = (
    "Stop and see a doctor for: very dark urine after an extreme effort; sharp, pinpoint pain over "
    "a bone, at rest or at night, or a limp; swelling, a joint that gives way, numbness; soreness not "
    "easing after about three days, or getting worse."
)


class Alert(NamedTuple):
    """An area and why it is flagged (PAIN or HIGH). A NamedTuple, not a
    dataclass: `log` loads no dataclasses (tests/core/test_cli_imports.py)."""

    area: str
    reason: str


def pain_alerts(records: Iterable[dict], now: datetime) -> list[Alert]:
    """One alert per area, in AREAS order, judged on the last 7 days.

    PAIN: the latest rating flags the area. HIGH: the area's latest ratings
    (only those that rate it) are all 7 or more, back over three different days.
    Only ratings from the last 7 days count, so `records(since=now - GUARD_WINDOW)`
    is all it needs.
    """
    recent = [(t, r) for t, r in ratings_until(records, now) if t >= now - GUARD_WINDOW]
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
            days.add(day_of(moment, now))
        rated_lately = any(area in r["areas"] for _, r in recent)
        if rated_lately and len(days) >= HIGH_DAYS:
            alerts.append(Alert(area, HIGH))
    return alerts


def pain_cause(alert: Alert) -> str:
    """Why one area is flagged, in a sentence."""
    if alert.reason == PAIN:
        return f"Sharp or localised pain flagged in {area_words(alert.area)}."
    return (
        f"{area_label(alert.area)} rated {HIGH_RATING}/10 or more "
        f"on {HIGH_DAYS} different days in a row."
    )


def pain_advice(alert: Alert) -> str:
    """What to do about one alert, in a sentence or two."""
    return (
        f"{pain_cause(alert)} Rest that area, skip the stretches that put load on it, "
        "and see a doctor if it still hurts after rest."
    )


def guard_notice(alerts: Iterable[Alert]) -> str:
    """The alerts' advice (said once for several), the warning signs, then
    NOT_MEDICAL_ADVICE once; "" without alerts."""
    alerts = list(alerts)
    if not alerts:
        return ""
    if len(alerts) == 1:
        lines = [pain_advice(alerts[0])]
    else:
        lines = [*(pain_cause(alert) for alert in alerts),
                 "Rest those areas, skip the stretches that put load on them, "
                 "and see a doctor if they still hurt after rest."]
    return "\n".join([*lines, WARNING_SIGNS, NOT_MEDICAL_ADVICE])


def doms_checkin_due(records: Iterable[dict], now: datetime) -> dict | None:
    """The latest session that ended 12-72 h ago with no rating after its end."""
    records = list(records)
    due = [(t, s) for t, s in sessions_until(records, now) if DOMS_FROM <= now - t <= DOMS_UNTIL]
    if not due:
        return None
    ended, session = due[-1]
    if any(t > ended for t, _ in ratings_until(records, now)):
        return None
    return session


def recent_rating(records: Iterable[dict], now: datetime) -> dict | None:
    """The latest rating saved up to RATE_AGAIN_WITHIN before `now`, or None:
    after a second routine, the summary offers it instead of a blank form."""
    ratings = ratings_until(records, now)
    if ratings and now - ratings[-1][0] <= RATE_AGAIN_WITHIN:
        return ratings[-1][1]
    return None


def describe(record: dict) -> str:
    """A rating in a few words: "3/10 (calves 4, quads 2; pain: calves)"."""
    details = [", ".join(f"{area_words(area)} {value}" for area, value in record["areas"].items())]
    if record["pain"]:
        details.append("pain: " + ", ".join(area_words(area) for area in record["pain"]))
    inner = "; ".join(d for d in details if d)
    return f"{record['overall']}/10" + (f" ({inner})" if inner else "")


def repeat_of(records: Iterable[dict], record: dict) -> dict | None:
    """The rating `record` repeats: the same overall, areas, pain and note,
    saved up to REPEAT_WITHIN before it (the latest such), or None."""
    def same(other: dict) -> bool:
        return all(other.get(key) == record.get(key) for key in ("overall", "areas", "pain", "note"))

    moment = datetime.fromisoformat(record["time"])
    return max((r for r in records if r["type"] == "soreness" and r["id"] != record["id"] and same(r)
                and timedelta(0) <= moment - datetime.fromisoformat(r["time"]) <= REPEAT_WITHIN),
               key=lambda r: datetime.fromisoformat(r["time"]), default=None)

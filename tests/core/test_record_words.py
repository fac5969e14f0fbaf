"""A record in full writes its dates in words, in the runner's time zone by
each date's own rules (issue 24, smaller things): a record from another year,
one after midnight, and in Europe/Berlin a record written with another UTC
offset (a phone, a synced laptop) on either side of both changes of the clocks."""

from __future__ import annotations

from datetime import date, datetime, timedelta, timezone

import pytest

from tui.core.common.paths import PLAN_FILE
from tui.core.common.when import long_day, long_time
from tui.core.journal.record_view import record_fields, record_title
from tui.core.journal.records import new_rating, new_run, new_session
from tui.core.plan.definition import load_plan
from tui.core.plan.practices import PracticeNames, practice_names

CET = timezone(timedelta(hours=1))
NOW = datetime(2026, 12, 5, 21, 30, tzinfo=CET)
NAMES = practice_names(load_plan(None, PLAN_FILE)[0], [])


def fields(record: dict, now: datetime = NOW, names: PracticeNames = NAMES) -> dict[str, str]:
    return dict(record_fields({**record, "id": 7}, names, now))


def test_days_and_moments_in_words():
    assert long_day(date(2026, 12, 5)) == "Saturday 5 December 2026"
    assert long_time(datetime(2026, 12, 5, 21, 30, tzinfo=CET)) == "Saturday 5 December 2026, 21:30"
    assert long_time(datetime(1999, 1, 1, 0, 5, tzinfo=CET)) == "Friday 1 January 1999, 00:05"


def test_a_record_from_another_year_gives_its_year():
    rating = {**new_rating(3, {"calves": 4}, [], "", datetime(2025, 3, 1, 8, 0, tzinfo=CET), None), "id": 7}
    assert record_title(rating, NOW) == "Soreness rating, Saturday 1 March 2025, 08:00"


def test_a_run_after_midnight_is_on_the_day_it_ended():
    ended = datetime(2026, 12, 6, 0, 20, tzinfo=CET)  # a late run: it ended on Sunday
    run = new_run(ended, "easy")
    run.update(practices=["hydrate", "cool-down-walk"], skipped=["ice-bath"])
    shown = fields(run, ended + timedelta(minutes=10))
    assert shown["Ended"] == "Sunday 6 December 2026, 00:20"
    assert shown["Plan day"] == "Sunday 6 December 2026"  # was 2026-12-06
    assert (shown["Done"], shown["Skipped"]) == ("Drink, Cool-down walk", "Ice bath")  # were the ids


@pytest.mark.parametrize("now, stored, shown", [
    ("2026-12-06T10:00", "2026-07-15T08:00:00+00:00", "Wednesday 15 July 2026, 10:00"),  # in winter, summer time
    ("2026-07-20T10:00", "2026-01-15T09:00:00+00:00", "Thursday 15 January 2026, 10:00"),  # in summer, winter time
    ("2026-12-06T10:00", "2026-10-24T22:30:00+00:00", "Sunday 25 October 2026, 00:30"),  # before the change back
    ("2026-12-06T10:00", "2026-10-25T01:30:00+00:00", "Sunday 25 October 2026, 02:30"),  # after it
    ("2026-12-06T10:00", "2026-03-29T00:30:00+00:00", "Sunday 29 March 2026, 01:30"),  # before the change forward
    ("2026-12-06T10:00", "2026-03-29T01:30:00+00:00", "Sunday 29 March 2026, 03:30"),  # after it
])
def test_in_berlin_each_date_by_its_own_rules(berlin, now, stored, shown):
    now_here = datetime.fromisoformat(now).astimezone()  # the app's clock: the local offset of today
    rating = {**new_rating(2, {}, [], "", datetime.fromisoformat(stored), None), "id": 7}
    assert record_title(rating, now_here) == f"Soreness rating, {shown}"
    ended = datetime.fromisoformat(stored)
    session = new_session("post-run-stretches", "Post-run stretches", ended - timedelta(minutes=10), ended,
                          True, 8, 0, 8, 600)
    assert fields(session, now_here)["Ended"] == shown
    assert fields(new_run(ended, None), now_here)["Ended"] == shown

"""Issue 24, item 1: a run's outcome is the morning-after rating, for the evening
runner (runs ending 20:30-21:45, bed 22:30-23:00, ratings at breakfast,
sometimes a second short run), on a fake wall clock, across summer time in Berlin.

Before this rule, an outcome was the next rating 12-72 h after the run: a run
ending 21:30 skipped the 07:30 rating (10 h later) and took the next
morning's, which belongs to the next run, so foam rolling every other night
read "+2.0 worse" at 07:30 and "-2.0 helps" at 09:45.
"""

from __future__ import annotations

from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.core.evening_runner import BEDTIME, BERLIN, evening_runner
from tui.core.insights.facts import RATING_ID, RATING_OVERALL, facts_of, read_facts
from tui.core.insights.findings import insights
from tui.core.insights.outcome import NEXT_RUN_FIRST, NOT_RATED, morning_after
from tui.core.insights.pairing import EVENING, NO_RUN, NOT_FIRST, OUTCOME, REASON, SORE_BEFORE, pair_runs
from tui.core.insights.words import left_out_text
from tui.core.plan.practices import PracticeNames

NAMES = PracticeNames()
LOS_ANGELES = ZoneInfo("America/Los_Angeles")


def foam(found):
    return next(i for i in found if i.practice == "foam-roll")


@pytest.mark.parametrize("rated_at", [time(7, 30), time(9, 45)])
@pytest.mark.parametrize("first", [date(2026, 10, 1), date(2026, 3, 10)])  # across each change of the clocks
def test_foam_rolling_every_other_night_helps_whenever_she_rates_at_breakfast(tmp_path, rated_at, first):
    with evening_runner(tmp_path / "journal.json", first, 40, rated_at) as journal:
        facts = read_facts(journal)
    for found in (insights(facts, NAMES), insights(facts, NAMES, bedtime=BEDTIME),
                  insights(facts, NAMES, bedtime=time(23, 0)), insights(facts, NAMES, bedtime=None)):
        rolled = foam(found)
        assert rolled.verdict == "helps"
        assert rolled.adjusted.difference == pytest.approx(-2.0, abs=0.05)
        assert rolled.difference == pytest.approx(-2.0)
        assert (rolled.with_n, rolled.without_n) == (20, 20)  # the first of a night's two runs has none


def test_a_second_short_run_takes_the_morning_and_the_first_says_why_not(tmp_path):
    with evening_runner(tmp_path / "journal.json", date(2026, 10, 20), 10) as journal:
        facts = read_facts(journal)
    pairing = pair_runs(facts, NAMES, BEDTIME)
    reasons = [run[REASON] for run in pairing.runs]
    assert reasons.count(NEXT_RUN_FIRST) == 2  # nights 3 and 8 have two runs
    assert reasons.count(None) == 10 and len(reasons) == 12
    assert pairing.left_out(facts) == {}  # every rating is a morning after
    assert left_out_text(pairing.left_out(facts), pairing.without_outcome()) == \
        "Left out: 2 runs: another run ended before the morning after."


def run_fact(ended: datetime, practices=("foam-roll",)):
    return (1, ended.timestamp(), None, list(practices), int(ended.utcoffset().total_seconds()), None)


def rating_fact(record_id: int, when: datetime, overall: int = 4):
    return (record_id, when.timestamp(), overall, [None] * 12)


@pytest.mark.parametrize("zone, night", [
    (BERLIN, date(2026, 10, 24)), (BERLIN, date(2026, 3, 28)),  # the night the clocks go back, and forward
    (LOS_ANGELES, date(2026, 10, 31)), (LOS_ANGELES, date(2026, 3, 7)),
])
def test_the_morning_after_across_a_change_of_the_clocks(zone, night):
    ended = datetime.combine(night, time(21, 40), zone)
    morning = datetime.combine(night + timedelta(days=1), time(7, 30), zone)
    evening = ended + timedelta(minutes=25)  # the summary's form: how sore she already was
    bedtime_rating = datetime.combine(night, time(23, 55), zone)
    ratings = [rating_fact(2, morning), rating_fact(3, evening), rating_fact(4, bedtime_rating),
               rating_fact(5, morning + timedelta(hours=2))]
    assert morning_after(run_fact(ended), ratings, bedtime=BEDTIME)[RATING_ID] == 2
    after_midnight = datetime.combine(night + timedelta(days=1), time(0, 40), zone).timestamp()
    assert morning_after(run_fact(ended), ratings, next_run_ended=after_midnight, bedtime=BEDTIME) == NEXT_RUN_FIRST
    before_breakfast = (morning - timedelta(hours=1)).timestamp()  # the morning began, unrated
    assert morning_after(run_fact(ended), ratings, next_run_ended=before_breakfast, bedtime=BEDTIME) == NOT_RATED
    assert morning_after(run_fact(ended), ratings[1:3], bedtime=BEDTIME) == NOT_RATED


def test_a_morning_run_is_judged_the_next_morning_not_the_same_evening():
    ended = datetime(2026, 6, 10, 7, 15, tzinfo=BERLIN)
    same_evening = rating_fact(2, datetime(2026, 6, 10, 21, 0, tzinfo=BERLIN))
    next_morning = rating_fact(3, datetime(2026, 6, 11, 7, 30, tzinfo=BERLIN))
    assert morning_after(run_fact(ended), [next_morning, same_evening], bedtime=BEDTIME)[RATING_ID] == 3
    assert morning_after(run_fact(ended), [next_morning, same_evening])[RATING_ID] == 3  # the app's bedtime
    # with bedtime=None only "6 h after the run" is known: the evening rating is then the first
    assert morning_after(run_fact(ended), [next_morning, same_evening], bedtime=None)[RATING_ID] == 2


def test_ratings_left_out_are_counted_with_why():
    run = {"type": "run", "id": 1, "time": "2026-11-20T21:30:00+01:00", "run_kind": "easy",
           "practices": ["foam-roll"], "plan_date": "2026-11-20", "skipped": []}

    def rating(record_id, stamp):
        return {"type": "soreness", "id": record_id, "time": stamp, "overall": 3, "areas": {}, "pain": [],
                "note": "", "session": None}

    records = [rating(2, "2026-11-20T21:50:00+01:00"), rating(3, "2026-11-20T23:10:00+01:00"),
               rating(4, "2026-11-21T07:30:00+01:00"), rating(5, "2026-11-21T09:00:00+01:00"),
               rating(6, "2026-11-25T08:00:00+01:00"), run]
    facts = facts_of(records)
    pairing = pair_runs(facts, NAMES, BEDTIME)
    (row,) = pairing.runs
    assert row[OUTCOME][RATING_ID] == 4 and row[SORE_BEFORE][RATING_ID] == 2
    assert pairing.left_out(facts) == {EVENING: 1, NOT_FIRST: 1, NO_RUN: 1}
    assert left_out_text(pairing.left_out(facts), pairing.without_outcome()) == (
        "Left out: 1 rating given after a run but before the night was over; "
        "1 rating not the first after the night; 1 rating with no run in the 3 days before.")
    assert row[OUTCOME][RATING_OVERALL] == 3

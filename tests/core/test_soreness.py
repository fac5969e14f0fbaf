"""Pain guard, DOMS check-in, trends, week count and streak over fixed records."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tui.core.common.ids import AREAS
from tui.core.journal import soreness, stats
from tui.core.journal.journal import Journal
from tui.core.journal.soreness import (
    HIGH,
    NOT_MEDICAL_ADVICE,
    PAIN,
    Alert,
    doms_checkin_due,
    guard_notice,
    pain_advice,
    pain_alerts,
    recent_rating,
)
from tui.core.journal.stats import area_trends, journal_streak, week_count

PLUS_ONE = timezone(timedelta(hours=1))
NOW = datetime(2024, 11, 22, 9, 12, tzinfo=PLUS_ONE)  # a Friday
_ids = iter(range(1, 10_000))


def session(ended, completed=True):
    return {"v": 1, "type": "session", "id": next(_ids), "routine_id": "post-run",
            "routine_name": "Post-run stretches", "started": (ended - timedelta(minutes=10)).isoformat(),
            "ended": ended.isoformat(), "completed": completed, "exercises_done": 8,
            "exercises_skipped": 0, "exercises_total": 8, "seconds": 600.0}


def rating(time, overall=3, areas=None, pain=(), note=""):
    return {"v": 1, "type": "soreness", "id": next(_ids), "time": time.isoformat(), "overall": overall,
            "areas": dict(areas or {}), "pain": list(pain), "note": note, "session": None}


def ago(**kwargs):
    return NOW - timedelta(**kwargs)


# -- pain guard


def test_pain_flag_in_the_latest_rating_alerts():
    records = [rating(ago(days=2)), rating(ago(hours=3), pain=["calves", "back"])]
    assert pain_alerts(records, NOW) == [Alert("calves", PAIN), Alert("back", PAIN)]


def test_pain_flag_cleared_by_a_later_rating_or_older_than_a_week():
    assert pain_alerts([rating(ago(days=2), pain=["calves"]), rating(ago(hours=1))], NOW) == []
    assert pain_alerts([rating(ago(days=8), pain=["calves"])], NOW) == []


def test_three_high_ratings_on_different_days_alert():
    records = [rating(ago(days=d), 5, {"quads": 7 + d % 2}) for d in (2, 1, 0)]
    assert pain_alerts(records, NOW) == [Alert("quads", HIGH)]


def test_high_ratings_count_only_within_the_last_week():
    records = [rating(ago(days=d), 5, {"quads": 8}) for d in (12, 9, 1)]
    assert pain_alerts(records, NOW) == []
    assert pain_alerts([*records[1:], rating(ago(days=5), 5, {"quads": 8})], NOW) == []  # 9 days ago: out
    assert pain_alerts([*records, rating(ago(days=5), 5, {"quads": 8}), rating(ago(days=3), 5, {"quads": 9})],
                       NOW) == [Alert("quads", HIGH)]


def test_three_high_ratings_on_one_day_do_not():
    records = [rating(ago(hours=h), 5, {"quads": 9}) for h in (3, 2, 1)]
    assert pain_alerts(records, NOW) == []


def test_high_run_counts_days_and_skips_ratings_without_the_area():
    records = [
        rating(ago(days=2), 5, {"quads": 8}),
        rating(ago(days=1, hours=2), 5, {"quads": 8}),
        rating(ago(days=1, hours=1), 2, {"calves": 1}),  # does not rate quads: run goes on
        rating(ago(days=1), 5, {"quads": 8}),
        rating(ago(hours=1), 5, {"quads": 7}),
    ]
    assert pain_alerts(records, NOW) == [Alert("quads", HIGH)]


def test_a_lower_rating_breaks_the_run():
    records = [rating(ago(days=d), 5, {"quads": v}) for d, v in ((3, 8), (2, 8), (1, 6), (0, 8))]
    assert pain_alerts(records, NOW) == []


def test_high_run_long_ago_does_not_alert():
    records = [rating(ago(days=d), 5, {"quads": 9}) for d in (12, 11, 10)]
    assert pain_alerts(records, NOW) == []


def test_advice_is_plain_and_the_disclaimer_is_said_once():
    advice = pain_advice(Alert("calves", PAIN))
    assert "calves" in advice and "Rest that area" in advice and "doctor" in advice
    assert NOT_MEDICAL_ADVICE not in advice
    notice = guard_notice([Alert("calves", PAIN), Alert("quads", HIGH)])
    assert notice.count(NOT_MEDICAL_ADVICE) == 1 and "Quads rated 7/10 or more" in notice
    assert guard_notice([]) == ""


# -- a rating minutes ago, offered again after the next routine


@pytest.mark.parametrize("minutes, offered", [(0, True), (29.9, True), (30, True), (30.1, False), (-1, False)])
def test_a_rating_up_to_30_minutes_ago_is_offered_again(minutes, offered):
    recent = rating(ago(minutes=minutes), 4, {"calves": 6})
    assert recent_rating([session(ago(minutes=40)), recent], NOW) == (recent if offered else None)


def test_the_latest_of_two_recent_ratings_is_offered_whatever_their_order():
    older, newer = rating(ago(minutes=20), 5), rating(ago(minutes=5), 3)
    assert recent_rating([newer, older], NOW) == newer == recent_rating([older, newer], NOW)
    assert recent_rating([session(ago(minutes=2))], NOW) is None


# -- DOMS check-in


@pytest.mark.parametrize("hours, due", [(11.9, False), (12, True), (40, True), (72, True), (72.1, False)])
def test_doms_checkin_due_between_12_and_72_hours(hours, due):
    s = session(ago(hours=hours))
    assert doms_checkin_due([s], NOW) == (s if due else None)


def test_doms_checkin_not_due_after_a_rating():
    s = session(ago(hours=30))
    assert doms_checkin_due([s, rating(ago(hours=29))], NOW) is None
    assert doms_checkin_due([s, rating(ago(hours=31))], NOW) == s


def test_doms_checkin_picks_the_latest_session():
    older, newer = session(ago(hours=60)), session(ago(hours=20))
    assert doms_checkin_due([newer, older], NOW) == newer


# -- trends, week, streak


def test_area_trends_one_mean_per_day_oldest_first():
    records = [
        rating(ago(hours=1), 4, {"calves": 6}),
        rating(ago(hours=2), 2, {"calves": 3, "quads": 1}),
        rating(ago(days=2), 5),
        rating(ago(days=40), 9, {"calves": 9}),  # outside the window
    ]
    trends = area_trends(records, NOW, days=28)
    assert list(trends) == ["overall", *AREAS]
    assert all(len(values) == 28 for values in trends.values())
    assert trends["overall"][-1] == 3.0 and trends["overall"][-3] == 5.0
    assert trends["calves"][-1] == 4.5 and trends["quads"][-1] == 1.0
    assert trends["overall"][:-3] == [None] * 25 and trends["back"] == [None] * 28


def test_latest_ratings_are_the_latest_values_not_a_mean():
    records = [
        rating(ago(hours=1), 4, {"calves": 6}),
        rating(ago(hours=2), 2, {"calves": 3, "quads": 1}),  # earlier today: today's calves mean is 4.5
        rating(ago(days=40), 9, {"back": 9}),  # outside the window
    ]
    assert stats.latest_ratings(reversed(records), NOW, days=28) == {"overall": 4, "calves": 6, "quads": 1}
    assert stats.latest_ratings([], NOW) == {}


def test_week_count_starts_on_monday():
    monday = datetime(2024, 11, 18, 0, 0, tzinfo=PLUS_ONE)
    records = [session(monday), session(monday + timedelta(days=3)), session(monday - timedelta(minutes=1))]
    assert week_count(records, NOW) == 2


@pytest.mark.parametrize(
    "days_ago, expected",
    [((0, 1, 2), 3), ((1, 2), 2), ((0, 0, 2), 1), ((2, 3), 0), ((), 0)],
)
def test_streak_ends_today_or_yesterday(days_ago, expected, tmp_path):
    with Journal(tmp_path / "journal.json", now=lambda: NOW) as journal:
        for d in days_ago:
            ended = ago(days=d)
            journal.add_session("post-run", "Post-run stretches", ended - timedelta(minutes=10), ended,
                                True, 8, 0, 8, 600.0)
        journal.add_soreness(3, when=ago(hours=1))
        assert journal_streak(journal, NOW) == expected


def test_describe():
    assert soreness.describe(rating(NOW, 3, {"calves": 4}, ["calves"])) == "3/10 (calves 4; pain: calves)"
    assert soreness.describe(rating(NOW, 0)) == "0/10"


def test_the_pain_notice_names_the_warning_signs_each_with_see_a_doctor():
    from tui.core.journal.soreness import WARNING_SIGNS

    notice = guard_notice([Alert("calves", PAIN)])
    for sign in ("very dark urine after an extreme effort", "pinpoint pain over a bone", "a limp",
                 "swelling, a joint that gives way, numbness", "not easing after about three days"):
        assert sign in notice
    assert WARNING_SIGNS.startswith("Stop and see a doctor for:") and WARNING_SIGNS in notice
    assert notice.endswith(NOT_MEDICAL_ADVICE)

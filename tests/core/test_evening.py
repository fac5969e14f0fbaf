"""The plan fitted to the evening: evening, late-night and after-midnight runs,
a bedtime after midnight, days when the clocks change, and a zone that is not UTC."""

from __future__ import annotations

from datetime import UTC, datetime, time, timedelta, timezone
from zoneinfo import ZoneInfo

import pytest

from tui.core.common.paths import PLAN_FILE
from tui.core.plan.definition import load_plan, step_status
from tui.core.plan.evening import build_plan, night_for

TZ = timezone(timedelta(hours=1))
FRI = datetime(2024, 11, 22, tzinfo=TZ)


def at(hour: int, minute: int = 0, day: int = 0, tz=TZ) -> datetime:
    return datetime(2024, 11, 22 + day, hour, minute, tzinfo=tz)


@pytest.fixture(scope="module")
def plan():
    return load_plan(None, PLAN_FILE)[0]


def laid_out(plan, ended, bedtime, kind=None) -> dict:
    """{step id: (start, end, title)}, None for a dropped step's times."""
    return {s.id: (s.start, s.end, s.title) for s in build_plan(plan, ended, bedtime, kind)}


def check_fits(steps, ended) -> None:
    """What must hold for every plan: in order, nothing after sleep, Epsom after the stretches."""
    sleep = next(s for s in steps if s.id == "sleep")
    placed = [s for s in steps if not s.dropped]
    assert steps[-1] is sleep and sleep.start >= ended
    assert [s.start for s in placed] == sorted(s.start for s in placed)
    assert all(ended <= s.start <= s.end <= sleep.start for s in placed)
    assert all(s.start is s.end is None for s in steps if s.dropped)
    done_first = [s.end for s in placed if s.id in ("cool-down-walk", "stretch")]
    epsom = next((s for s in placed if s.id == "epsom-bath"), None)
    if epsom is not None:
        assert epsom.start >= max(done_first)
        # never in the bath while another step has only just begun
        assert all(epsom.start > s.start for s in placed if s.step.anchor == "run-end")


def test_a_tempo_run_ending_at_a_quarter_to_ten(plan):
    """The evening from the issue: run ends 21:45, bedtime 23:15; one thing at a time."""
    steps = build_plan(plan, at(21, 45), time(23, 15), "tempo")
    check_fits(steps, at(21, 45))
    due = {s.id: (s.start, s.end, s.title) for s in steps}
    assert due["cool-down-walk"][:2] == (at(21, 45), at(21, 55))
    assert due["hydrate"][:2] == (at(21, 55), at(22, 0))
    assert due["stretch"][:2] == due["snack"][:2] == (at(22, 10), at(22, 15))  # the snack during the stretch
    assert due["foam-roll"][:2] == (at(22, 15), at(22, 25))  # after the stretch, cut back to its 10 min
    assert due["ice-bath"] == (at(22, 25), at(22, 40), "Ice bath or warm bath")  # one either-or row
    assert "heat" not in due
    assert due["bedtime-stretch"][:2] == (at(22, 40), at(22, 45))
    # the meal would end after bedtime, and a light snack would come within
    # the hour of the first; the hot bath would come within the hour of the cold one
    assert due["meal"][:2] == due["epsom-bath"][:2] == (None, None)
    assert due["legs-up"][:2] == due["nap"][:2] == (None, None)  # skip tonight
    assert due["sleep"][:2] == (at(23, 15), at(23, 15))
    assert [s.id for s in steps][-5:] == ["meal", "legs-up", "nap", "epsom-bath", "sleep"]
    assert step_status(steps[-2], at(21, 50)) == "dropped"


def test_no_nap_in_the_evening_but_one_after_a_morning_run(plan):
    assert laid_out(plan, at(7, 40), time(22, 30))["nap"][:2] == (at(9, 45), at(10, 40))  # after legs up
    assert laid_out(plan, at(14, 30), time(22, 30))["nap"][:2] == (at(16, 35), at(17, 30))  # 5 h clear of bed
    assert laid_out(plan, at(14, 31), time(22, 30))["nap"][:2] == (None, None)
    assert laid_out(plan, at(14, 31), time(22, 30))["legs-up"][:2] == (at(16, 31), at(17, 31))  # not cut: no nap


def test_a_meal_too_close_to_bed_is_a_light_snack_or_dropped(plan):
    due = laid_out(plan, at(19, 30), time(22, 5))  # a meal 20:30-21:30 would end 35 min before bed
    assert due["meal"] == (at(21, 0), at(21, 15), "Light snack instead of a meal")  # an hour after the snack
    due = laid_out(plan, at(21, 0), time(22, 5))  # the snack at 21:25: no second one before bed
    assert due["meal"][:2] == (None, None)


@pytest.mark.parametrize("ended, sleep", [
    (at(0, 30, day=1), at(1, 30, day=1)),  # after midnight: an hour on, not 22 h away
    (at(23, 40), at(0, 40, day=1)),  # after bedtime
    (at(22, 30), at(23, 30)),  # 45 min before bedtime: sleep an hour after the run
    (at(22, 15), at(23, 15)),  # exactly an hour before: bedtime itself
    (at(4, 0, day=1), at(5, 0, day=1)),  # still the same night
])
def test_a_late_run_gets_the_short_plan(plan, ended, sleep):
    night = night_for(ended, time(23, 15))
    assert night == type(night)(sleep, True)
    steps = build_plan(plan, ended, time(23, 15), "long")
    check_fits(steps, ended)
    kept = [s.id for s in steps if not s.dropped]
    assert kept == ["cool-down-walk", "hydrate", "stretch", "sleep"]
    assert steps[-1].start == sleep
    assert next(s for s in steps if s.id == "stretch").title == "Short stretch"


def test_an_early_morning_run_is_a_new_day(plan):
    night = night_for(at(5, 30, day=1), time(23, 15))
    assert night.sleep == at(23, 15, day=1) and not night.short
    assert night_for(at(22, 14), time(23, 15)).short is False


@pytest.mark.parametrize("ended, sleep, short", [
    (at(21, 10), at(0, 30, day=1), False),
    (at(23, 50), at(0, 50, day=1), True),  # 40 min before a 00:30 bedtime
    (at(1, 0, day=1), at(2, 0, day=1), True),  # half an hour after it
    (at(7, 40), at(0, 30, day=1), False),
])
def test_bedtime_after_midnight(plan, ended, sleep, short):
    assert night_for(ended, time(0, 30)) == type(night_for(ended, time(0, 30)))(sleep, short)
    steps = build_plan(plan, ended, time(0, 30))
    check_fits(steps, ended)
    assert steps[-1].start == sleep


def test_every_run_end_of_two_days_fits(plan):
    """Nothing after sleep and everything in order, for a run ending at any
    quarter hour, with an evening bedtime and one after midnight."""
    for bedtime in (time(21, 30), time(23, 15), time(0, 30), time(2, 0)):
        for quarter in range(2 * 24 * 4):
            ended = at(0) + timedelta(minutes=15 * quarter)
            check_fits(build_plan(plan, ended, bedtime, "race"), ended)


BERLIN = ZoneInfo("Europe/Berlin")


def utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)


def test_the_night_the_clocks_go_forward(plan):
    """Sun 30 Mar 2025: 02:00 becomes 03:00 in Berlin. A run ends 01:30, half
    an hour after a 01:00 bedtime: sleep is one real hour later, at 03:30."""
    ended = datetime(2025, 3, 30, 1, 30, tzinfo=BERLIN)
    steps = {s.id: s for s in build_plan(plan, ended, time(1, 0))}
    sleep = steps["sleep"].start
    assert utc(sleep) - utc(ended) == timedelta(hours=1)
    assert sleep.strftime("%H:%M %z") == "03:30 +0200"
    assert steps["stretch"].start.strftime("%H:%M %z") == "01:55 +0100"


def test_the_evening_before_the_clocks_go_back(plan):
    """Sat 25 Oct 2025 in Berlin; bedtime 02:30 falls on the night the clocks go back."""
    ended = datetime(2025, 10, 25, 22, 0, tzinfo=BERLIN)
    steps = {s.id: s for s in build_plan(plan, ended, time(23, 30))}
    assert steps["sleep"].start == datetime(2025, 10, 25, 23, 30, tzinfo=BERLIN)
    # no second snack within the hour of the first, no hot bath within the hour of the cold one
    assert steps["meal"].dropped and steps["epsom-bath"].dropped



def test_a_plan_across_the_hour_that_does_not_exist(plan):
    """Sun 30 Mar 2025 in Berlin, run ends 00:30, bedtime 03:30 (two real hours on)."""
    steps = {s.id: s for s in build_plan(plan, datetime(2025, 3, 30, 0, 30, tzinfo=BERLIN), time(3, 30))}

    def wall(moment):
        return moment.strftime("%H:%M %z")

    assert wall(steps["sleep"].start) == "03:30 +0200"
    # the light snack one real hour after the first snack (00:55-01:00 +0100), across the jump
    snack, light = steps["snack"], steps["meal"]
    assert (wall(snack.start), wall(snack.end)) == ("00:55 +0100", "01:00 +0100")
    assert (wall(light.start), wall(light.end), light.title) == ("03:00 +0200", "03:05 +0200",
                                                                 "Light snack instead of a meal")
    assert utc(light.start) - utc(snack.end) == timedelta(hours=1)


def test_a_zone_far_from_utc(plan):
    new_york = ZoneInfo("America/New_York")
    ended = datetime(2024, 11, 22, 21, 45, tzinfo=new_york)
    steps = build_plan(plan, ended, time(23, 15), "tempo")
    check_fits(steps, ended)
    due = {s.id: s for s in steps}
    assert due["sleep"].start == datetime(2024, 11, 22, 23, 15, tzinfo=new_york)
    assert due["bedtime-stretch"].start.strftime("%H:%M %z") == "22:40 -0500"
    # a moment given in UTC compares as the same moment
    assert step_status(due["hydrate"], datetime(2024, 11, 23, 2, 56, tzinfo=UTC)) == "due"

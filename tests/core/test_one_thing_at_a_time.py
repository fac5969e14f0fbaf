"""One thing at a time (issue 24 §14): the plan's steps that need her body
never share a window, for a run ending at any time from 05:00 to 23:30 and
any bedtime; the evenings of the issue; and the rules of the source
(/work/shared/seeds/004: the first snack during the first stretch)."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone
from itertools import pairwise

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tui.core.common.paths import PLAN_FILE
from tui.core.common.settings import Settings
from tui.core.plan.definition import DueStep, load_plan
from tui.core.plan.evening import build_plan, night_for
from tui.core.plan.lengths import shipped_lengths

TZ = timezone(timedelta(hours=1))
PLAN = load_plan(None, PLAN_FILE)[0]
LENGTHS = shipped_lengths(PLAN, Settings())
SHARED = {frozenset({"snack", "stretch"})}  # may share a window
LIGHT_SNACK = "Light snack instead of a meal"


def at(hour: int, minute: int = 0, day: int = 22) -> datetime:
    return datetime(2024, 11, day, hour, minute, tzinfo=TZ)


def overlap(a: DueStep, b: DueStep) -> bool:
    return a.start < b.end and b.start < a.end


def check_one_at_a_time(steps: list[DueStep], ended: datetime) -> None:
    placed = {s.id: s for s in steps if not s.dropped}
    sleep = placed["sleep"]
    assert steps[-1] is sleep and all(ended <= s.start <= s.end <= sleep.start for s in placed.values())
    body = [s for s in placed.values() if s.id != "sleep"]
    for n, a in enumerate(body):
        for b in body[n + 1:]:
            if frozenset({a.id, b.id}) not in SHARED:
                assert not overlap(a, b), f"{a.id} {a.start:%H:%M}-{a.end:%H:%M} overlaps {b.id} {b.start:%H:%M}-{b.end:%H:%M}"
    assert "heat" not in {s.id for s in steps}  # one either-or row with the ice bath
    assert [s.ids for s in steps if "heat" in s.ids] == [("ice-bath", "heat")]
    snacks = sorted((s for s in body if s.id == "snack" or s.title == LIGHT_SNACK), key=lambda s: s.start)
    for first, second in pairwise(snacks):
        assert second.start >= first.end + timedelta(hours=1)
    meal = placed.get("meal")
    if meal is not None and meal.title != LIGHT_SNACK:
        assert meal.end <= sleep.start - timedelta(minutes=45)
    if "ice-bath" in placed and "epsom-bath" in placed:
        assert placed["epsom-bath"].start >= placed["ice-bath"].end + timedelta(hours=1)
    for step in body:
        if step.routine in LENGTHS and step.title != "Short stretch":
            assert step.end - step.start >= timedelta(seconds=LENGTHS[step.routine])


@settings(max_examples=300, deadline=None)
@given(ended_minute=st.integers(5 * 60, 23 * 60 + 30),
       bedtime_minute=st.integers(0, 24 * 60 - 1),
       kind=st.sampled_from([None, "easy", "long", "race"]))
def test_no_two_steps_that_need_her_body_overlap(ended_minute, bedtime_minute, kind):
    ended = at(0) + timedelta(minutes=ended_minute)
    bedtime = time(bedtime_minute // 60, bedtime_minute % 60)
    check_one_at_a_time(build_plan(PLAN, ended, bedtime, kind, "metric", LENGTHS), ended)


def windows(ended: datetime, bedtime: time, kind: str = "long") -> dict[str, tuple]:
    steps = build_plan(PLAN, ended, bedtime, kind, "metric", LENGTHS)
    check_one_at_a_time(steps, ended)
    return {s.id: (s.start, s.end, s.title) for s in steps}


def test_foam_rolling_is_not_beside_the_ice_bath():
    """Was foam rolling 21:45-22:15 beside an ice bath 21:55-22:15."""
    due = windows(at(21, 15), time(23, 45))
    assert due["foam-roll"][:2] == (at(21, 54), at(22, 4))  # after the 13:55 stretch, its 10 minutes
    assert due["ice-bath"][:2] == (at(22, 4), at(22, 19))


def test_legs_up_is_not_during_the_epsom_bath_and_the_hot_bath_waits_for_the_cold():
    due = windows(at(19, 0), time(22, 30))
    assert due["legs-up"][:2] == (at(21, 0), at(21, 6))
    assert due["epsom-bath"][:2] == (at(21, 6), at(21, 30))  # natural 21:00, an hour after the ice bath
    assert due["bedtime-stretch"][:2] == (at(21, 45), at(22, 0))


def test_the_first_snack_is_eaten_during_the_first_stretch_and_no_second_within_the_hour():
    due = windows(at(21, 0), time(23, 30))
    assert due["snack"][:2] == (at(21, 25), at(21, 30)) and due["stretch"][:2] == (at(21, 25), at(21, 39))
    meal = due["meal"]
    assert meal[2] == LIGHT_SNACK and meal[0] >= at(22, 30)
    assert not (meal[0] < due["bedtime-stretch"][1] and due["bedtime-stretch"][0] < meal[1])


@pytest.mark.parametrize("ended, meal", [
    (at(19, 0), (at(20, 4), at(21, 0), "Meal")),  # ends 90 min before a 22:30 bed
    (at(20, 0), (at(21, 30), at(21, 45), LIGHT_SNACK)),  # an hour after the 20:25-20:30 snack
    (at(20, 50), (at(22, 20), at(22, 30), LIGHT_SNACK)),  # an hour after the snack, cut short by bed
    (at(21, 5), (None, None, "Meal")),  # a snack at 21:30: no room for another an hour on
])
def test_a_meal_ends_45_minutes_before_bed_or_becomes_the_snack(ended, meal):
    assert night_for(ended, time(22, 30)).short is False
    due = windows(ended, time(22, 30))
    assert due["meal"] == meal


def test_the_evening_runner_the_morning_runner_and_a_run_after_midnight():
    """Each rule on the three days of issue 24, bed 22:45 (the property test
    above checks the same rules at every time of day)."""
    evening = windows(at(21, 30), time(22, 45))  # run ends 21:30
    assert evening["snack"][:2] == (at(21, 55), at(22, 0)) and evening["stretch"][0] == at(21, 55)
    assert evening["ice-bath"] == (at(22, 19), at(22, 34), "Ice bath or warm bath")
    # a light snack would come within the hour of the first; the Epsom bath within the hour of the cold one
    assert evening["meal"][:2] == evening["epsom-bath"][:2] == (None, None)
    assert evening["bedtime-stretch"][:2] == (at(22, 34), at(22, 43))

    morning = windows(at(7, 0), time(22, 45))
    assert morning["meal"] == (at(8, 4), at(9, 0), "Meal")
    assert morning["nap"][:2] == (at(9, 6), at(10, 0))
    assert morning["epsom-bath"][:2] == (at(21, 15), at(21, 45))
    assert night_for(at(7, 0), time(22, 45)).short is False

    after_midnight = windows(at(0, 30, day=23), time(22, 45))  # still last night's
    assert night_for(at(0, 30, day=23), time(22, 45)).short
    assert after_midnight["sleep"][:2] == (at(1, 30, day=23), at(1, 30, day=23))
    placed = [step for step, (start, _, _) in after_midnight.items() if start is not None]
    assert placed == ["cool-down-walk", "hydrate", "stretch", "sleep"]

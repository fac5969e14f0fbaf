"""Time: deadlines survive stalls and suspend; stored times keep their offset,
and a change of time zone or DST never reorders history."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.conftest import FakeClock
from tui.core.journal.journal import Journal
from tui.core.plan.definition import load_plan, step_status
from tui.core.plan.evening import build_plan
from tui.core.routines.model import Exercise, Routine
from tui.core.routines.timer import Phase, RoutineTimer

HOLD = Routine("r", "R", "stretch", "d", (Exercise("Calf", 60, 1, ("calves",), "c"),))


def test_hold_keeps_its_deadline_after_a_one_second_stall():
    clock = FakeClock()
    timer = RoutineTimer(HOLD, clock, get_ready=0)
    timer.start()
    deadline = clock.now + 60
    clock.advance(30)
    timer.update()
    clock.advance(31.0)  # the loop stalls for a second past the deadline
    timer.update()
    assert timer.finished
    assert abs(timer.ended_at - deadline) < 0.1
    assert timer.report().seconds_spent == pytest.approx(60)


def test_suspend_does_not_make_the_countdown_jump():
    """Monotonic time stands still while the machine sleeps: the hold resumes
    where it was, whatever the wall clock did meanwhile."""
    clock = FakeClock()
    timer = RoutineTimer(HOLD, clock, get_ready=0)
    timer.start()
    clock.advance(20)
    timer.update()
    before = timer.remaining()
    # 8 hours of suspend: the wall clock moves, the monotonic clock does not.
    timer.update()
    assert timer.remaining() == before == pytest.approx(40)
    assert timer.phase is Phase.HOLD


def test_plan_due_times_follow_the_wall_clock_across_a_suspend():
    from tui.core.common.paths import PLAN_FILE

    plan, _ = load_plan(None, PLAN_FILE)
    ended = datetime(2026, 11, 22, 7, 40, tzinfo=timezone(timedelta(hours=1)))
    steps = {s.id: s for s in build_plan(plan, ended, datetime(2026, 1, 1, 22, 30).time())}
    assert step_status(steps["meal"], ended + timedelta(minutes=5)) == "later"
    assert step_status(steps["meal"], ended + timedelta(hours=8)) == "overdue"


def test_times_keep_their_offset_and_dst_does_not_reorder(tmp_path):
    journal = Journal(tmp_path / "journal.json")
    summer = timezone(timedelta(hours=2), "CEST")
    winter = timezone(timedelta(hours=1), "CET")
    # The night the clocks go back: 02:30 summer time comes BEFORE 02:10 winter time.
    first = journal.add_soreness(2, when=datetime(2026, 10, 25, 2, 30, tzinfo=summer))
    second = journal.add_soreness(5, when=datetime(2026, 10, 25, 2, 10, tzinfo=winter))
    # Then the runner flies to New York.
    third = journal.add_soreness(7, when=datetime(2026, 10, 25, 0, 0, tzinfo=timezone(timedelta(hours=-4))))
    assert first["time"] == "2026-10-25T02:30:00+02:00"
    assert second["time"] == "2026-10-25T02:10:00+01:00"
    assert [r["id"] for r in journal.records()] == [third["id"], second["id"], first["id"]]

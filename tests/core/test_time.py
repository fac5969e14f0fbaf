"""Time: deadlines survive stalls and suspend; stored times keep their offset,
and a change of time zone or DST never reorders history."""

from __future__ import annotations

import time
from datetime import datetime, timedelta, timezone

import pytest

from tests.clock import FakeClock
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


def test_suspend_does_not_make_the_countdown_jump(monkeypatch):
    """The timer counts on the monotonic clock, which stands still while the
    machine sleeps: when the wall clock has jumped 8 hours, the hold resumes
    where it was and goes on counting from there."""
    clock = FakeClock()
    timer = RoutineTimer(HOLD, clock, get_ready=0)
    timer.start()
    clock.advance(20)
    timer.update()
    woke = time.time() + 8 * 3600
    monkeypatch.setattr(time, "time", lambda: woke)  # the suspend: wall time jumps, monotonic does not
    timer.update()
    assert timer.remaining() == pytest.approx(40)
    assert timer.phase is Phase.HOLD
    clock.advance(15)  # awake again: the countdown goes on
    timer.update()
    assert timer.remaining() == pytest.approx(25)
    assert timer.phase is Phase.HOLD


def test_the_timer_counts_on_the_monotonic_clock_unless_given_one():
    assert RoutineTimer(HOLD).clock is time.monotonic


def test_a_plan_step_falls_due_by_the_wall_clock_given():
    """Due times are wall-clock times: 5 minutes after the run the meal is
    still to come, 8 hours after (a long suspend or a day away) it is overdue."""
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

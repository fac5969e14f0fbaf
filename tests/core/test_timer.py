"""The timer engine on a fake clock: deadlines, sides, pause, skip, adjust."""

from __future__ import annotations

import pytest

from tui.core.routines.model import Exercise, Routine
from tui.core.routines.timer import Phase, RoutineTimer


def make_routine() -> Routine:
    return Routine(
        id="t",
        name="T",
        kind="stretch",
        description="d",
        exercises=(
            Exercise("Quad", 30, 2, ("quads",), "cue"),
            Exercise("Calf", 60, 1, ("calves",), "cue"),
            Exercise("Hip", 20, 2, ("hips",), "cue"),
        ),
    )


@pytest.fixture
def timer(clock) -> RoutineTimer:
    t = RoutineTimer(make_routine(), clock, get_ready=5, switch_sides=5)
    t.start()
    return t


def state(timer):
    return (timer.exercise_index, timer.phase, timer.segment.side if timer.segment else None)


def test_walks_get_ready_left_switch_right(timer, clock):
    assert state(timer) == (0, Phase.GET_READY, None)
    assert timer.remaining() == 5
    clock.advance(5)
    assert timer.update() == 1
    assert state(timer) == (0, Phase.HOLD, "left")
    assert timer.remaining() == 30
    clock.advance(30)
    timer.update()
    assert state(timer) == (0, Phase.SWITCH, None)
    clock.advance(5)
    timer.update()
    assert state(timer) == (0, Phase.HOLD, "right")
    clock.advance(30)
    timer.update()
    assert state(timer) == (1, Phase.REST, None)
    clock.advance(5)
    timer.update()
    assert state(timer) == (1, Phase.HOLD, None)
    assert timer.done == {0}


def test_without_pauses_only_holds(clock):
    t = RoutineTimer(make_routine(), clock, get_ready=0, switch_sides=0)
    t.start()
    assert state(t) == (0, Phase.HOLD, "left")
    clock.advance(30)
    t.update()
    assert state(t) == (0, Phase.HOLD, "right")


def test_remaining_is_deadline_minus_now(timer, clock):
    clock.advance(2.5)
    timer.update()
    assert timer.remaining() == pytest.approx(2.5)


def test_a_stall_never_stretches_a_hold(timer, clock):
    clock.advance(5)
    timer.update()  # left hold starts at t0+5 and must end at t0+35
    clock.advance(29)
    timer.update()
    clock.advance(1.0 + 0.4)  # the event loop stalls past the deadline
    timer.update()
    assert timer.phase is Phase.SWITCH
    # the switch pause started at the old deadline, not when we noticed
    assert timer.remaining() == pytest.approx(5 - 0.4)


def test_a_long_stall_passes_several_phases(timer, clock):
    clock.advance(5 + 30 + 5 + 30 + 5 + 10)
    assert timer.update() == 5
    assert state(timer) == (1, Phase.HOLD, None)
    assert timer.remaining() == pytest.approx(50)


def test_pause_freezes_remaining_and_resume_continues(timer, clock):
    clock.advance(5)
    timer.update()
    clock.advance(10)
    timer.toggle_pause()
    assert timer.paused
    clock.advance(600)
    timer.update()
    assert timer.remaining() == pytest.approx(20)
    assert state(timer) == (0, Phase.HOLD, "left")
    timer.toggle_pause()
    clock.advance(19.9)
    timer.update()
    assert timer.phase is Phase.HOLD
    clock.advance(0.1)
    timer.update()
    assert timer.phase is Phase.SWITCH
    assert timer.elapsed() == pytest.approx(5 + 30)


def test_next_and_previous_move_between_exercises(timer, clock):
    timer.next()
    assert state(timer) == (1, Phase.REST, None)
    assert timer.remaining() == 5
    timer.next()
    assert state(timer) == (2, Phase.REST, None)
    timer.previous()
    assert state(timer) == (1, Phase.REST, None)
    timer.previous()
    timer.previous()
    assert state(timer) == (0, Phase.GET_READY, None)


def test_next_while_paused_stays_paused(timer, clock):
    timer.toggle_pause()
    timer.next()
    assert timer.paused and timer.exercise_index == 1
    assert timer.remaining() == 5


def test_adjust_adds_and_takes_time(timer, clock):
    clock.advance(5)
    timer.update()
    timer.adjust(15)
    assert timer.remaining() == pytest.approx(45)
    timer.adjust(-15)
    timer.adjust(-15)
    assert timer.remaining() == pytest.approx(15)
    timer.adjust(-15)  # nothing left: the hold ends now
    assert timer.phase is Phase.SWITCH


def test_adjust_while_paused(timer, clock):
    timer.toggle_pause()
    timer.adjust(15)
    assert timer.remaining() == 20
    clock.advance(100)
    assert timer.remaining() == 20


def test_report_done_skipped_and_time_spent(timer, clock):
    clock.advance(5 + 30 + 5 + 30)
    timer.update()  # exercise 0 done
    timer.next()  # skip exercise 1
    clock.advance(3)
    timer.finish()
    report = timer.report()
    assert report.done == (0,)
    assert report.skipped == (1, 2)
    assert not report.completed
    assert report.seconds_spent == pytest.approx(73)
    assert timer.finished and timer.phase is None


def test_full_run_completes_and_ends_at_its_deadline(clock):
    t = RoutineTimer(make_routine(), clock, get_ready=5, switch_sides=5)
    t.start()
    planned = t.routine_remaining()
    assert planned == 5 + 30 + 5 + 30 + 5 + 60 + 5 + 20 + 5 + 20
    clock.advance(planned + 1.7)  # noticed late
    t.update()
    report = t.report()
    assert report.completed and report.done == (0, 1, 2)
    assert report.seconds_spent == pytest.approx(planned)


def test_half_done_two_sided_exercise_is_skipped(timer, clock):
    clock.advance(5 + 30)
    timer.update()  # left side done
    timer.next()
    assert 0 not in timer.done


def test_pause_time_is_not_counted_as_spent(timer, clock):
    clock.advance(4)
    timer.toggle_pause()
    clock.advance(100)
    timer.toggle_pause()
    clock.advance(1)
    timer.finish()
    assert timer.report().seconds_spent == pytest.approx(5)


def test_progress_and_routine_remaining(timer, clock):
    total = timer.routine_remaining()
    clock.advance(total / 2)
    timer.update()
    assert timer.progress() == pytest.approx(0.5)
    assert timer.routine_remaining() == pytest.approx(total / 2)


# -- `-` takes time off the current phase only --------------------------------


def test_minus_with_less_left_ends_the_phase_and_starts_the_next_whole(timer, clock):
    clock.advance(5 + 25)
    timer.update()
    assert state(timer) == (0, Phase.HOLD, "left") and timer.remaining() == pytest.approx(5)
    timer.adjust(-15)
    assert state(timer) == (0, Phase.SWITCH, None)
    assert timer.remaining() == pytest.approx(5)  # the switch pause is not skipped
    clock.advance(5)
    timer.update()
    assert state(timer) == (0, Phase.HOLD, "right")
    assert timer.remaining() == pytest.approx(30)  # and the right side is whole


def test_minus_in_get_ready_starts_the_hold_whole(timer, clock):
    clock.advance(2)
    timer.update()
    timer.adjust(-15)
    assert state(timer) == (0, Phase.HOLD, "left")
    assert timer.remaining() == pytest.approx(30)


def test_minus_while_paused_starts_the_next_phase_whole_and_paused(timer, clock):
    clock.advance(5 + 20)
    timer.update()
    timer.toggle_pause()
    timer.adjust(-15)
    assert state(timer) == (0, Phase.SWITCH, None)
    assert timer.paused and timer.remaining() == 5


# -- what the report says -----------------------------------------------------


def test_held_seconds_count_only_time_in_holds(timer, clock):
    clock.advance(5 + 10)
    timer.update()
    timer.toggle_pause()
    clock.advance(100)  # paused: not held
    timer.toggle_pause()
    clock.advance(5)
    timer.adjust(-15)  # 15 s of the left side held, the rest taken off
    clock.advance(5 + 30)  # switch, then the whole right side
    timer.update()
    assert timer.report().held_seconds == pytest.approx(15 + 30)


def test_minus_to_the_end_is_finished_but_does_not_count_as_practice(timer, clock):
    while not timer.finished:
        timer.adjust(-15)
    report = timer.report()
    assert report.finished and report.completed
    assert report.held_seconds == 0
    assert not report.counts_as_practice


def test_holds_covering_half_the_routine_count_as_practice(clock):
    t = RoutineTimer(make_routine(), clock, get_ready=0, switch_sides=0)
    t.start()
    clock.advance(30 + 30 + 20)  # exercise 0 and 20 of exercise 1's 60 s: 80 of 160
    t.update()
    while not t.finished:
        t.adjust(-15)
    report = t.report()
    assert report.held_seconds == pytest.approx(80) and report.planned_hold_seconds == 160
    assert report.counts_as_practice


def test_abandoned_in_the_first_get_ready_has_not_begun(timer, clock):
    clock.advance(3)
    timer.finish(left=True)
    report = timer.report()
    assert not report.began and not report.finished


def test_finished_with_skips_is_finished_and_leaving_is_not(timer, clock):
    clock.advance(6)
    timer.update()
    timer.next()
    timer.finish()
    assert timer.report().finished and timer.report().skipped == (0, 1, 2)
    left = RoutineTimer(make_routine(), clock)
    left.start()
    clock.advance(6)
    left.update()
    left.finish(left=True)
    assert left.report().began and not left.report().finished


def test_leaving_is_not_skipping(timer, clock):
    """Left part-way: the exercise skipped with `n` is skipped; the one left
    during and those after it are not finished (never counted as skipped)."""
    clock.advance(6)
    timer.update()
    timer.next()  # skip Quad
    timer.finish(left=True)
    report = timer.report()
    assert report.skipped == (0,) and report.not_finished == (1, 2) and not report.completed
    finished = RoutineTimer(make_routine(), clock)
    finished.start()
    finished.next()
    finished.finish()  # `f`: the rest counts as skipped, as before
    assert finished.report().skipped == (0, 1, 2) and finished.report().not_finished == ()

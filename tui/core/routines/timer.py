"""The timer engine: walks a routine on an injected monotonic clock.

Deadline-based: remaining = deadline - now. A late poll (stalled event loop,
busy CPU) never stretches a phase; the next phase starts at the old deadline.
"""

from __future__ import annotations

import time
from collections.abc import Callable
from dataclasses import dataclass
from enum import StrEnum

from tui.core.routines.model import Routine

Clock = Callable[[], float]
ADJUST_SECONDS = 15


class Phase(StrEnum):
    GET_READY = "get ready"  # before the first exercise
    HOLD = "hold"
    SWITCH = "switch sides"
    REST = "rest"  # between exercises: the same length as get-ready


@dataclass(frozen=True)
class Segment:
    exercise: int
    phase: Phase
    side: str | None
    seconds: float


@dataclass(frozen=True)
class Report:
    done: tuple[int, ...]
    skipped: tuple[int, ...]  # passed over with `n`, or left to the end by `f`
    seconds_spent: float
    completed: bool  # every exercise done
    held_seconds: float = 0.0  # time spent in holds, pauses and `-` excluded
    planned_hold_seconds: float = 0.0
    began: bool = True  # a hold was reached (not abandoned in the first get-ready)
    left: bool = False  # left part-way (Escape), rather than finished
    not_finished: tuple[int, ...] = ()  # left part-way: the one left during and those after it

    @property
    def finished(self) -> bool:
        """Walked to the end or ended with `f`: "finished", skips or not."""
        return self.began and not self.left

    @property
    def counts_as_practice(self) -> bool:
        """Finished, with holds covering at least half the routine's hold time:
        pressing `-` to the end does not tick a plan step."""
        return self.finished and self.held_seconds * 2 >= self.planned_hold_seconds


def build_segments(routine: Routine, get_ready: float, switch_sides: float) -> list[Segment]:
    segments: list[Segment] = []
    for index, exercise in enumerate(routine.exercises):
        if get_ready > 0:
            before = Phase.GET_READY if index == 0 else Phase.REST
            segments.append(Segment(index, before, None, get_ready))
        if exercise.sides == 1:
            segments.append(Segment(index, Phase.HOLD, None, exercise.seconds))
            continue
        segments.append(Segment(index, Phase.HOLD, "left", exercise.seconds))
        if switch_sides > 0:
            segments.append(Segment(index, Phase.SWITCH, None, switch_sides))
        segments.append(Segment(index, Phase.HOLD, "right", exercise.seconds))
    return segments


def planned_seconds(routine: Routine, get_ready: float = 5, switch_sides: float = 5) -> float:
    """The routine's whole length as a session times it: holds, get-ready,
    rests and switches. The one total shown everywhere."""
    return sum(segment.seconds for segment in build_segments(routine, get_ready, switch_sides))


class RoutineTimer:
    def __init__(
        self,
        routine: Routine,
        clock: Clock = time.monotonic,
        *,
        get_ready: float = 5,
        switch_sides: float = 5,
    ) -> None:
        self.routine = routine
        self.clock = clock
        self.segments = build_segments(routine, get_ready, switch_sides)
        self.index = 0
        self.started_at: float | None = None
        self.ended_at: float | None = None
        self.deadline = 0.0
        self.paused_remaining: float | None = None
        self.paused_total = 0.0
        self._paused_since: float | None = None
        self.done: set[int] = set()
        self._holds_finished: dict[int, int] = {}
        self.held_seconds = 0.0
        self.began = False
        self.left = False
        self.left_at: int | None = None  # the exercise a session was left during
        self._entered_active = 0.0  # active seconds when the current segment began

    # -- state -----------------------------------------------------------
    @property
    def finished(self) -> bool:
        return self.index >= len(self.segments)

    @property
    def paused(self) -> bool:
        return self.paused_remaining is not None

    @property
    def segment(self) -> Segment | None:
        return None if self.finished else self.segments[self.index]

    @property
    def phase(self) -> Phase | None:
        """None once the routine is finished."""
        segment = self.segment
        return None if segment is None else segment.phase

    @property
    def exercise_index(self) -> int:
        segment = self.segment
        return len(self.routine.exercises) if segment is None else segment.exercise

    def remaining(self) -> float:
        """Seconds left in the current phase."""
        segment = self.segment
        if segment is None:
            return 0.0
        if self.started_at is None:
            return segment.seconds
        if self.paused_remaining is not None:
            return self.paused_remaining
        return max(0.0, self.deadline - self.clock())

    def routine_remaining(self) -> float:
        """Seconds left in the whole routine, the current phase included."""
        later = sum(segment.seconds for segment in self.segments[self.index + 1 :])
        return 0.0 if self.finished else self.remaining() + later

    def elapsed(self) -> float:
        """Active seconds since start, pauses excluded."""
        if self.started_at is None:
            return 0.0
        end = self.ended_at if self.ended_at is not None else self.clock()
        paused = self.paused_total
        if self._paused_since is not None:
            paused += end - self._paused_since
        return max(0.0, end - self.started_at - paused)

    def progress(self) -> float:
        """Fraction of planned time behind us, 0..1."""
        total = self.elapsed() + self.routine_remaining()
        return 1.0 if total <= 0 else min(1.0, self.elapsed() / total)

    def next_exercise_index(self) -> int | None:
        following = self.exercise_index + 1
        return following if following < len(self.routine.exercises) else None

    # -- commands --------------------------------------------------------
    def start(self) -> None:
        if self.started_at is None:
            self.started_at = self.clock()
            self._enter(0, self.started_at)

    def update(self) -> int:
        """Advance past every deadline that has passed; return how many phases changed."""
        if self.started_at is None or self.paused or self.finished:
            return 0
        now = self.clock()
        changes = 0
        while not self.finished and now >= self.deadline:
            self._complete_segment()
            self._account(self.deadline)
            self._enter(self.index + 1, self.deadline)
            changes += 1
        return changes

    def toggle_pause(self) -> None:
        if self.finished or self.started_at is None:
            return
        now = self.clock()
        if self.paused_remaining is None:
            self.update()
            if self.finished:
                return
            self.paused_remaining = max(0.0, self.deadline - now)
            self._paused_since = now
        else:
            self.deadline = now + self.paused_remaining
            self.paused_total += now - (self._paused_since or now)
            self.paused_remaining = None
            self._paused_since = None

    def adjust(self, seconds: float = ADJUST_SECONDS) -> None:
        """Add time to the current phase, or take it off (negative seconds).

        Taking off never reaches past the current phase: when less is left,
        the phase ends now and the next one starts whole.
        """
        if self.finished or self.started_at is None:
            return
        if self.remaining() + seconds > 0:
            if self.paused_remaining is not None:
                self.paused_remaining += seconds
            else:
                self.deadline += seconds
            return
        now = self.clock()
        self._complete_segment()
        self._account(now)
        if self.paused_remaining is None:
            self._enter(self.index + 1, now)
            return
        self.index += 1
        if self.finished:
            self._enter(self.index, now)
        else:
            self._mark(self.index)
            self.paused_remaining = self.segments[self.index].seconds

    def next(self) -> None:
        """Leave the current exercise and go to the start of the next one."""
        if self.finished:
            return
        current = self.exercise_index
        target = next(
            (i for i, s in enumerate(self.segments) if s.exercise > current),
            len(self.segments),
        )
        self._move_to(target)

    def previous(self) -> None:
        """Go back to the start of the previous exercise (or restart the first)."""
        current = self.exercise_index
        target_exercise = max(0, current - 1)
        target = next(i for i, s in enumerate(self.segments) if s.exercise == target_exercise)
        self._move_to(target)

    def finish(self, left: bool = False) -> None:
        """End the routine now; exercises not finished count as skipped.
        `left`: the session was left part-way rather than finished, and the
        exercises from the current one on are not finished, not skipped."""
        if not self.finished:
            self.left = left
            self.left_at = self.exercise_index if left else None
        self._move_to(len(self.segments))

    def report(self) -> Report:
        count = len(self.routine.exercises)
        done = tuple(sorted(self.done))
        undone = [i for i in range(count) if i not in self.done]
        left_at = count if self.left_at is None else self.left_at
        skipped = tuple(i for i in undone if i < left_at)
        not_finished = tuple(i for i in undone if i >= left_at)
        return Report(
            done,
            skipped,
            self.elapsed(),
            completed=not undone,
            held_seconds=self.held_seconds,
            planned_hold_seconds=self.routine.total_seconds,
            began=self.began,
            left=self.left,
            not_finished=not_finished,
        )

    # -- internals -------------------------------------------------------
    def _complete_segment(self) -> None:
        segment = self.segment
        if segment is None or segment.phase is not Phase.HOLD:
            return
        exercise = self.routine.exercises[segment.exercise]
        holds = self._holds_finished.get(segment.exercise, 0) + 1
        self._holds_finished[segment.exercise] = holds
        if holds >= exercise.sides:
            self.done.add(segment.exercise)

    def _move_to(self, index: int) -> None:
        """Jump to the first segment of an exercise (which starts afresh) or the end."""
        if self.started_at is None:
            self.start()
        now = self.clock()
        self._account(now)
        if index < len(self.segments):
            self._holds_finished.pop(self.segments[index].exercise, None)
            if self.paused_remaining is not None:
                self.index = index
                self._mark(index)
                self.paused_remaining = self.segments[index].seconds
                return
        self._enter(index, now)

    def _active(self, moment: float) -> float:
        """Active (unpaused) seconds from the start to `moment`."""
        paused = self.paused_total
        if self._paused_since is not None and moment > self._paused_since:
            paused += moment - self._paused_since
        return moment - (self.started_at or moment) - paused

    def _account(self, moment: float) -> None:
        """Add the current segment's time up to `moment` to the hold total."""
        segment = self.segment
        if segment is not None and segment.phase is Phase.HOLD:
            self.held_seconds += max(0.0, self._active(moment) - self._entered_active)

    def _mark(self, index: int) -> None:
        """Note where a segment begins (paused entries begin when resumed)."""
        self._entered_active = self._active(self.clock()) if self.started_at is not None else 0.0
        if index < len(self.segments) and self.segments[index].phase is Phase.HOLD:
            self.began = True

    def _enter(self, index: int, start: float) -> None:
        self.index = index
        if self.finished:
            if self._paused_since is not None:
                self.paused_total += self.clock() - self._paused_since
                self._paused_since = None
            self.paused_remaining = None
            self.ended_at = start if self.ended_at is None else self.ended_at
            return
        self.deadline = start + self.segments[index].seconds
        self._entered_active = self._active(start)
        if self.segments[index].phase is Phase.HOLD:
            self.began = True

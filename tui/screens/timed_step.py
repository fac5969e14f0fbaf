"""A single countdown for a plan step that is not a routine (ice bath, Epsom bath),
with the step's milestones shown as they come up."""

from __future__ import annotations

from typing import Any

from tui.core.plan.definition import DueStep
from tui.core.routines.model import Exercise, Routine
from tui.core.routines.timer import Segment
from tui.messages import Cue
from tui.screens.session import SessionResult, SessionScreen


def step_routine(step: DueStep) -> Routine:
    """The step as a one-exercise routine, so the timer engine runs it."""
    exercise = Exercise(step.title, step.timer_seconds or 60, 1, (), step.detail)
    return Routine(step.id, step.title, "recovery", step.detail, (exercise,))


def milestone_text(step: DueStep, elapsed: float) -> str:
    """The latest milestone reached, or the step's detail before the first."""
    reached = [m for m in step.milestones if m.at_seconds <= elapsed]
    return reached[-1].text if reached else step.detail


class TimedStepScreen(SessionScreen):
    """Dismisses with a SessionResult like any session; a completed one ticks the step."""

    def __init__(self, step: DueStep, **kwargs: Any) -> None:
        kwargs["get_ready"] = 0
        kwargs["switch_sides"] = 0
        super().__init__(step_routine(step), **kwargs)
        self.step = step
        self._milestone: str | None = None

    def record(self, result: SessionResult) -> None:
        """A plan step is not a session: ticking it is its record (the plan does that)."""

    def cue_text(self, exercise: Exercise) -> str:
        """The milestone reached so far; the bell marks each new one."""
        text = milestone_text(self.step, self.timer.elapsed())
        if self._milestone is not None and text != self._milestone:
            self.app.post_message(Cue(bell=True))
        self._milestone = text
        return text

    def position_text(self, index: int) -> str:
        return ""

    def phase_text(self, segment: Segment, exercise: Exercise) -> str:
        return "PAUSED · space to resume" if self.timer.paused else "TIMER"

    def areas_text(self, exercise: Exercise) -> str:
        return ""

    def up_next_text(self) -> str:
        return ""

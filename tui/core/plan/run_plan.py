"""One run's after-run plan for the app, without Textual: the steps fitted to
its evening, a heading that says when it ended and when bed is, and the
problems of the user's plan file (shown, while the built-in plan is used)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, time
from pathlib import Path

from tui.core.common.errors import DataFileError
from tui.core.common.paths import PLAN_FILE, user_plan_path
from tui.core.plan.definition import DueStep, load_plan
from tui.core.plan.evening import build_plan
from tui.core.plan.experiment_note import ExperimentNote, noted_heading, noted_steps
from tui.core.plan.runs import run_end
from tui.core.plan.view import plan_heading


@dataclass
class PlanSource:
    """Where a plan is read from, and what it may name."""

    user_plan: Path | None
    builtin_plan: Path
    routine_ids: list[str] = field(default_factory=list)

    @classmethod
    def standard(cls, routine_ids: Iterable[str]) -> PlanSource:
        return cls(user_plan_path(), PLAN_FILE, list(routine_ids))


@dataclass
class RunPlan:
    steps: list[DueStep]
    heading: str
    problems: list[DataFileError]  # of the user's plan file; the built-in plan is used
    notes: tuple[ExperimentNote, ...] = ()  # what self-experiments ask of tonight


def plan_steps(source: PlanSource, run: dict, now: datetime, bedtime: time,
               units: str) -> tuple[list[DueStep], list[DataFileError]]:
    """The run's steps and the user plan's problems; raises DataFileError
    when no plan can be read (the shipped one is broken)."""
    plan, problems = load_plan(source.user_plan, source.builtin_plan, source.routine_ids)
    return build_plan(plan, run_end(run, now), bedtime, run["run_kind"], units), problems


def run_plan(source: PlanSource, run: dict, now: datetime, bedtime: time, units: str,
             notes: Iterable[ExperimentNote] = ()) -> RunPlan:
    """Steps, heading and problems together, with what experiments ask of
    tonight (experiment_note.py); raises DataFileError as plan_steps does."""
    notes = tuple(notes)
    steps, problems = plan_steps(source, run, now, bedtime, units)
    return RunPlan(noted_steps(steps, notes), noted_heading(plan_heading(run, now, bedtime), notes), problems, notes)

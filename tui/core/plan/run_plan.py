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
from tui.core.common.settings import Settings
from tui.core.plan.definition import DueStep, load_plan
from tui.core.plan.evening import build_plan
from tui.core.plan.experiment_note import ExperimentNote, noted_heading, noted_steps
from tui.core.plan.lengths import routine_lengths
from tui.core.plan.runs import run_end
from tui.core.plan.view import left_out_line, plan_heading
from tui.core.routines.model import Routine


@dataclass
class PlanSource:
    """Where a plan is read from, what it may name, and how long each routine takes."""

    user_plan: Path | None
    builtin_plan: Path
    routine_ids: list[str] = field(default_factory=list)
    lengths: dict[str, float] = field(default_factory=dict)  # routine id -> seconds

    @classmethod
    def standard(cls, routines: Iterable[Routine], settings: Settings | None = None) -> PlanSource:
        """The user's plan or the shipped one, naming `routines`, timed with
        `settings`' get-ready and switch-sides (the defaults without)."""
        routines = list(routines)
        lengths = routine_lengths(routines, settings or Settings())
        return cls(user_plan_path(), PLAN_FILE, [r.id for r in routines], lengths)


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
    return build_plan(plan, run_end(run, now), bedtime, run["run_kind"], units, source.lengths), problems


def run_plan(source: PlanSource, run: dict, now: datetime, bedtime: time, units: str,
             notes: Iterable[ExperimentNote] = ()) -> RunPlan:
    """Steps, heading and problems together, with what experiments ask of
    tonight (experiment_note.py); raises DataFileError as plan_steps does."""
    notes = tuple(notes)
    steps, problems = plan_steps(source, run, now, bedtime, units)
    heading = noted_heading(plan_heading(run, now, bedtime), notes)
    left_out = left_out_line(steps, run_end(run, now))
    return RunPlan(noted_steps(steps, notes), f"{heading}\n{left_out}" if left_out else heading, problems, notes)

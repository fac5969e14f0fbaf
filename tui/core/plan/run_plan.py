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
from tui.core.common.when import in_zone_of
from tui.core.plan.definition import DueStep, load_plan
from tui.core.plan.evening import build_plan, night_for


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


def run_end(run: dict, now: datetime) -> datetime:
    """When the run ended, in the zone the user is in now."""
    return in_zone_of(datetime.fromisoformat(run["time"]), now)


def plan_steps(source: PlanSource, run: dict, now: datetime, bedtime: time,
               units: str) -> tuple[list[DueStep], list[DataFileError]]:
    """The run's steps and the user plan's problems; raises DataFileError
    when no plan can be read (the shipped one is broken)."""
    plan, problems = load_plan(source.user_plan, source.builtin_plan, source.routine_ids)
    return build_plan(plan, run_end(run, now), bedtime, run["run_kind"], units), problems


def plan_heading(run: dict, now: datetime, bedtime: time) -> str:
    """"Long run ended 21:50 · bedtime 22:30 · late run: short plan, sleep 23:00"."""
    ended = run_end(run, now)
    night = night_for(ended, bedtime)
    kind = f"{run['run_kind'].capitalize()} run" if run["run_kind"] else "Run"
    heading = f"{kind} ended {ended:%H:%M} · bedtime {bedtime:%H:%M}"
    if night.short:
        heading += f" · late run: short plan, sleep {night.sleep:%H:%M}"
    return heading


def run_plan(source: PlanSource, run: dict, now: datetime, bedtime: time, units: str) -> RunPlan:
    """Steps, heading and problems together; raises DataFileError as plan_steps does."""
    steps, problems = plan_steps(source, run, now, bedtime, units)
    return RunPlan(steps, plan_heading(run, now, bedtime), problems)

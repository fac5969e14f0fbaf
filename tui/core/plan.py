"""The after-run plan: steps with a due window, read from a TOML file.

A step is timed from the run's end or from the user's bedtime;
`tui.core.evening.build_plan` lays the definition out on one run's evening.
Detail text may hold {drink} and {ice_water}, filled in the user's units.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from pathlib import Path

from tui.core.errors import DataFileError
from tui.core.fields import Fields
from tui.core.loader import ID_PATTERN
from tui.core.settings import (boolean, fahrenheit_to_celsius, format_temperature_range,
                               format_volume_range)
from tui.core.tomlfile import read_toml

STEP_IDS = ("cool-down-walk", "hydrate", "snack", "stretch", "foam-roll", "ice-bath", "heat",
            "meal", "legs-up", "nap", "epsom-bath", "bedtime-stretch", "sleep")
from tui.core.ids import RUN_KINDS  # noqa: E402
RUN_END, BEDTIME = "run-end", "bedtime"
OFFSETS = {RUN_END: (0, 720), BEDTIME: (-720, 0)}  # minutes, per anchor
MAX_TIMER = 3600
DUE_SOON = timedelta(minutes=15)
STATUSES = ("later", "soon", "due", "overdue", "dropped")  # by the clock; runs.py adds done, skipped
PLAN_FIELDS = ("id", "name", "description", "steps")
STEP_FIELDS = ("id", "title", "from", "start_minutes", "end_minutes", "detail", "routine",
               "timer_seconds", "milestones", "optional", "run_kinds")
MILESTONE_FIELDS = ("at_seconds", "text")


def unit_text(units: str) -> dict[str, str]:
    """What the {placeholders} in detail text become."""
    return {
        "drink": format_volume_range(16 * 29.5735, 20 * 29.5735, units),  # 16-20 oz
        "ice_water": format_temperature_range(fahrenheit_to_celsius(55), fahrenheit_to_celsius(60), units),
    }


@dataclass(frozen=True)
class Milestone:
    at_seconds: int
    text: str


@dataclass(frozen=True)
class PlanStep:
    id: str
    title: str
    anchor: str  # RUN_END or BEDTIME
    start_minutes: int
    end_minutes: int
    detail: str
    routine: str | None = None
    timer_seconds: int | None = None
    milestones: tuple[Milestone, ...] = ()
    optional: bool = False
    run_kinds: tuple[str, ...] = RUN_KINDS  # after other kinds of run the step is optional


@dataclass(frozen=True)
class PlanDef:
    id: str
    name: str
    description: str
    steps: tuple[PlanStep, ...]
    source: Path | None = field(default=None, compare=False)
    builtin: bool = field(default=True, compare=False)

    def get(self, step_id: str) -> PlanStep | None:
        return next((s for s in self.steps if s.id == step_id), None)


@dataclass(frozen=True)
class DueStep:
    """One step of one run's plan. A dropped step ("skip tonight") has no
    window: it does not fit before bedtime."""

    step: PlanStep
    start: datetime | None  # due from
    end: datetime | None  # overdue after
    title: str
    detail: str  # in the user's units
    optional: bool

    id = property(lambda self: self.step.id)
    routine = property(lambda self: self.step.routine)
    timer_seconds = property(lambda self: self.step.timer_seconds)
    milestones = property(lambda self: self.step.milestones)
    dropped = property(lambda self: self.start is None)


# -- loading -------------------------------------------------------------------------


def parse_plan(data: dict, path: Path, *, builtin: bool = False,
               routine_ids: Iterable[str] | None = None) -> PlanDef:
    fields = Fields(path, data)
    fields.check_known(PLAN_FIELDS)
    plan_id = fields.text("id")
    if not ID_PATTERN.match(plan_id):
        raise fields.error("id", f"'{plan_id}' must use lowercase letters, digits and hyphens")
    name, description = fields.text("name"), fields.text("description")
    known = None if routine_ids is None else list(routine_ids)
    steps: list[PlanStep] = []
    for position, entry in enumerate(fields.table_list("steps"), start=1):
        step = _parse_step(path, position, entry, known)
        earlier = next((n for n, s in enumerate(steps, start=1) if s.id == step.id), None)
        if earlier is not None:
            raise DataFileError(path, f"'{step.id}' is already step {earlier}",
                                item=_label(position, entry), field="id")
        steps.append(step)
    return PlanDef(plan_id, name, description, tuple(steps), source=path, builtin=builtin)


def _label(position: int, entry: object) -> str:
    label = f"step {position}"
    if isinstance(entry, dict) and isinstance(entry.get("id"), str):
        label += f" ({entry['id'].strip()!r})"
    return label


def _parse_step(path: Path, position: int, entry: object, routine_ids: list[str] | None) -> PlanStep:
    fields = Fields(path, entry, item=_label(position, entry))
    fields.check_known(STEP_FIELDS)
    step_id = fields.choice("id", STEP_IDS)
    anchor = fields.choice("from", OFFSETS)
    start = fields.integer("start_minutes", *OFFSETS[anchor])
    end = fields.integer("end_minutes", *OFFSETS[anchor])
    if end < start:
        raise fields.error("end_minutes", f"must not be before start_minutes ({start}), got {end}")
    detail = fields.text("detail")
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(detail) if name is not None}
    except ValueError:
        raise fields.error("detail", "has a lone { or }; write {{ or }} for a brace") from None
    unknown = sorted(names - set(unit_text("metric")))
    if unknown:
        raise fields.error("detail", f"unknown placeholder {{{unknown[0]}}} (known: drink, ice_water)")
    routine = fields.text("routine") if "routine" in fields.table else None
    if routine is not None and routine_ids is not None and routine not in routine_ids:
        raise fields.error("routine", f"'{routine}' is not a known routine")
    timer = fields.integer("timer_seconds", 1, MAX_TIMER) if "timer_seconds" in fields.table else None
    if timer is not None and routine is not None:
        raise fields.error("timer_seconds", "a step has a routine or a timer, not both")
    milestones: tuple[Milestone, ...] = ()
    if "milestones" in fields.table:
        if timer is None:
            raise fields.error("milestones", "needs timer_seconds")
        milestones = tuple(sorted(
            (_parse_milestone(path, fields.item, n, m, timer)
             for n, m in enumerate(fields.table_list("milestones"), start=1)),
            key=lambda m: m.at_seconds))
    kinds = fields.choices("run_kinds", RUN_KINDS) if "run_kinds" in fields.table else RUN_KINDS
    return PlanStep(step_id, fields.text("title"), anchor, start, end, detail, routine, timer,
                    milestones, boolean(fields, "optional", False), kinds)


def _parse_milestone(path: Path, item: str, position: int, entry: object, timer: int) -> Milestone:
    fields = Fields(path, entry, item=f"{item}, milestone {position}")
    fields.check_known(MILESTONE_FIELDS)
    return Milestone(fields.integer("at_seconds", 0, timer - 1), fields.text("text"))


def load_plan(user_path: Path | None, builtin_path: Path,
              routine_ids: Iterable[str] | None = None) -> tuple[PlanDef, list[DataFileError]]:
    """The user's plan if there is one and it is good, else the shipped one.

    A broken user plan is returned as an error; a broken shipped plan raises.
    """
    errors: list[DataFileError] = []
    routine_ids = None if routine_ids is None else list(routine_ids)
    if user_path is not None and user_path.exists():
        try:
            return parse_plan(read_toml(user_path), user_path, routine_ids=routine_ids), errors
        except DataFileError as error:
            errors.append(error)
    return parse_plan(read_toml(builtin_path), builtin_path, builtin=True), errors


# -- one run's plan: the statuses (laying it out is tui.core.evening) ---------------


def step_status(step: DueStep, now: datetime) -> str:
    """"dropped" (no room tonight), "later", "soon" (starts within 15 min), "due" or "overdue"."""
    if step.dropped:
        return "dropped"
    now = now.astimezone(timezone.utc)  # compared as moments, whatever the zones
    if now > step.end:
        return "overdue"
    if now >= step.start:
        return "due"
    return "soon" if step.start - now <= DUE_SOON else "later"

"""The after-run plan: steps with a due window, read from a TOML file.

A step is timed from the run's end or from the user's bedtime;
`tui.core.plan.evening.build_plan` lays the definition out on one run's evening.
Detail text may hold {drink} and {ice_water}, filled in the user's units.
"""

from __future__ import annotations

import string
from collections.abc import Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta
from pathlib import Path
from typing import Any

from tui.core.common.errors import DataFileError, ErrorCollector, each_error
from tui.core.common.fields import Fields
from tui.core.common.ids import ID_PATTERN, RUN_KINDS
from tui.core.common.settings import boolean, fahrenheit_to_celsius, format_temperature_range, format_volume_range
from tui.core.common.tomlfile import read_toml

STEP_IDS = ("cool-down-walk", "hydrate", "snack", "stretch", "foam-roll", "ice-bath", "heat",
            "meal", "legs-up", "nap", "epsom-bath", "bedtime-stretch", "sleep")
RUN_END, BEDTIME = "run-end", "bedtime"
OFFSETS = {RUN_END: (0, 720), BEDTIME: (-720, 0)}  # minutes, per anchor
MAX_TIMER = 3600
DUE_SOON = timedelta(minutes=15)
PLAN_FIELDS = ("id", "name", "description", "steps")
STEP_FIELDS = ("id", "title", "from", "start_minutes", "end_minutes", "detail", "routine",
               "timer_seconds", "milestones", "optional", "run_kinds")
MILESTONE_FIELDS = ("at_seconds", "text")


def unit_text(units: str) -> dict[str, str]:
    """What the {placeholders} in detail text become."""
    return {
        "drink": format_volume_range(16 * 29.5735, 20 * 29.5735, units),  # 16-20 oz
        "ice_water": format_temperature_range(fahrenheit_to_celsius(55), fahrenheit_to_celsius(60), units),
        # 4 US cups of Epsom salt (about 240 g a cup) and 1 cup of baking soda (about 220 g)
        "epsom_salt": "about 1 kg" if units == "metric" else "4 cups",
        "baking_soda": "about 220 g" if units == "metric" else "1 cup",
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
    window: it does not fit before bedtime. An either-or row ("Ice bath or
    warm bath", one window) holds each choice as a DueStep of its own; its
    `step` is the first choice's."""

    step: PlanStep
    start: datetime | None  # due from
    end: datetime | None  # overdue after
    title: str
    detail: str  # in the user's units
    optional: bool
    choices: tuple[DueStep, ...] = ()  # of an either-or row

    id = property(lambda self: self.step.id)
    halves = property(lambda self: tuple(c.step for c in self.choices) or (self.step,))
    ids = property(lambda self: tuple(half.id for half in self.halves))
    routine = property(lambda self: self.step.routine)
    timer_seconds = property(lambda self: self.step.timer_seconds)
    milestones = property(lambda self: self.step.milestones)
    dropped = property(lambda self: self.start is None)


# -- loading -------------------------------------------------------------------------


def parse_plan(data: dict, path: Path, *, builtin: bool = False,
               routine_ids: Iterable[str] | None = None) -> PlanDef:
    """A PlanDef, or a DataFileError listing every problem in the file."""
    fields = Fields(path, data)
    problems = ErrorCollector()
    problems.check(fields.check_known, PLAN_FIELDS)
    plan_id = problems.check(fields.text, "id")
    if plan_id is not None and not ID_PATTERN.match(plan_id):
        problems.add(fields.error("id", f"'{plan_id}' must use lowercase letters, digits and hyphens"))
    name, description = problems.check(fields.text, "name"), problems.check(fields.text, "description")
    known = None if routine_ids is None else list(routine_ids)
    steps: dict[int, PlanStep] = {}  # by position in the file
    for position, entry in enumerate(problems.check(fields.table_list, "steps") or [], start=1):
        step = problems.check(_parse_step, path, position, entry, known)
        if step is None:
            continue
        earlier = next((n for n, s in steps.items() if s.id == step.id), None)
        if earlier is not None:
            problems.add(DataFileError(path, f"'{step.id}' is already step {earlier}",
                                       item=_label(position, entry), field="id"))
            continue
        steps[position] = step
    problems.raise_errors()
    return PlanDef(plan_id, name, description, tuple(steps.values()), source=path, builtin=builtin)


def _label(position: int, entry: object) -> str:
    label = f"step {position}"
    if isinstance(entry, dict) and isinstance(entry.get("id"), str):
        label += f" ({entry['id'].strip()!r})"
    return label


def _parse_step(path: Path, position: int, entry: object, routine_ids: list[str] | None) -> PlanStep:
    fields = Fields(path, entry, item=_label(position, entry))
    problems = ErrorCollector()
    check = problems.check
    check(fields.check_known, STEP_FIELDS)
    step_id = check(fields.choice, "id", STEP_IDS)
    anchor = check(fields.choice, "from", OFFSETS)
    start: Any = None  # checked values, as every other field's
    end: Any = None
    if anchor is not None:  # the minutes' range depends on the anchor
        start = check(fields.integer, "start_minutes", *OFFSETS[anchor])
        end = check(fields.integer, "end_minutes", *OFFSETS[anchor])
    if start is not None and end is not None and end < start:
        problems.add(fields.error("end_minutes", f"must not be before start_minutes ({start}), got {end}"))
    detail = check(fields.text, "detail")
    if detail is not None:
        check(_check_placeholders, fields, detail)
    routine = check(fields.text, "routine") if "routine" in fields.table else None
    if routine is not None and routine_ids is not None and routine not in routine_ids:
        problems.add(fields.error("routine", f"'{routine}' is not a known routine"))
    timer = check(fields.integer, "timer_seconds", 1, MAX_TIMER) if "timer_seconds" in fields.table else None
    if timer is not None and routine is not None:
        problems.add(fields.error("timer_seconds", "a step has a routine or a timer, not both"))
    milestones: tuple[Milestone, ...] = ()
    if "milestones" in fields.table:
        if "timer_seconds" not in fields.table:
            problems.add(fields.error("milestones", "needs timer_seconds"))
        elif timer is not None:
            parsed = [check(_parse_milestone, path, fields.item or step_id, n, m, timer)
                      for n, m in enumerate(check(fields.table_list, "milestones") or [], start=1)]
            milestones = tuple(sorted((m for m in parsed if m is not None), key=lambda m: m.at_seconds))
    kinds = check(fields.choices, "run_kinds", RUN_KINDS) if "run_kinds" in fields.table else RUN_KINDS
    title, optional = check(fields.text, "title"), check(boolean, fields, "optional", False)
    problems.raise_errors()
    return PlanStep(step_id, title, anchor, start, end, detail, routine, timer,
                    milestones, optional, kinds)


def _check_placeholders(fields: Fields, detail: str) -> None:
    """Only {drink} and {ice_water}, and no lone brace."""
    try:
        names = {name for _, name, _, _ in string.Formatter().parse(detail) if name is not None}
    except ValueError:
        raise fields.error("detail", "has a lone { or }; write {{ or }} for a brace") from None
    unknown = sorted(names - set(unit_text("metric")))
    if unknown:
        known = ", ".join(unit_text("metric"))
        raise fields.error("detail", f"unknown placeholder {{{unknown[0]}}} (known: {known})")


def _parse_milestone(path: Path, item: str, position: int, entry: object, timer: int) -> Milestone:
    fields = Fields(path, entry, item=f"{item}, milestone {position}")
    problems = ErrorCollector()
    problems.check(fields.check_known, MILESTONE_FIELDS)
    at_seconds = problems.check(fields.integer, "at_seconds", 0, timer - 1)
    text = problems.check(fields.text, "text")
    problems.raise_errors()
    return Milestone(at_seconds, text)


def load_plan(user_path: Path | None, builtin_path: Path,
              routine_ids: Iterable[str] | None = None) -> tuple[PlanDef, list[DataFileError]]:
    """The user's plan if there is one and it is good, else the shipped one.

    A broken user plan is returned as its errors; a broken shipped plan raises.
    """
    errors: list[DataFileError] = []
    routine_ids = None if routine_ids is None else list(routine_ids)
    if user_path is not None and user_path.exists():
        try:
            return parse_plan(read_toml(user_path), user_path, routine_ids=routine_ids), errors
        except DataFileError as error:
            errors.extend(each_error(error))
    return parse_plan(read_toml(builtin_path), builtin_path, builtin=True), errors


# -- one run's plan: the statuses (laying it out is tui.core.plan.evening) ---------------


def step_status(step: DueStep, now: datetime) -> str:
    """"dropped" (no room tonight), "later", "soon" (starts within 15 min), "due" or "overdue"."""
    start, end = step.start, step.end
    if start is None or end is None:
        return "dropped"
    now = now.astimezone(UTC)  # compared as moments, whatever the zones
    if now > end:
        return "overdue"
    if now >= start:
        return "due"
    return "soon" if start - now <= DUE_SOON else "later"

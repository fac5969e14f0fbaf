"""Check routine and plan files the way the app loads them, listing every
problem of every file (the `validate` command)."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from pathlib import Path

from tui.core.common.errors import DataFileError, each_error
from tui.core.common.tomlfile import read_toml
from tui.core.plan.definition import parse_plan
from tui.core.routines.evidence import load_evidence
from tui.core.routines.loader import Library, parse_routine

PLAN_NAME = "plan.toml"  # the name the app looks for in the config folder
EVIDENCE_NAME = "evidence.toml"  # what reviews found, shipped with the routines


def is_plan(path: Path, data: dict) -> bool:
    """A plan file: named plan.toml, or with steps and no exercises."""
    return path.name == PLAN_NAME or ("steps" in data and "exercises" not in data)


@dataclass
class Checked:
    """What checking some files found: a line per good file, every problem of the bad ones."""

    good: list[str] = field(default_factory=list)
    errors: list[DataFileError] = field(default_factory=list)


def check_files(paths: Iterable[Path], routine_ids: Iterable[str] = ()) -> Checked:
    """Routines first, then plans: a plan's steps may name a routine from
    `routine_ids` (the installed ones) or from the files checked with it."""
    checked, library = Checked(), Library()
    plans: list[tuple[Path, dict]] = []
    for path in paths:
        try:
            data = read_toml(path)
            if is_plan(path, data):
                plans.append((path, data))
                continue
            if path.name == EVIDENCE_NAME or ("practice" in data and "exercises" not in data):
                count = len(load_evidence(path))
                checked.good.append(f"{path} (evidence, {count} practice{'s' if count != 1 else ''})")
                continue
            routine = parse_routine(data, path)
            library.add(routine)
            count = len(routine.exercises)
            checked.good.append(f"{path} ({routine.id}, {count} exercise{'s' if count != 1 else ''})")
        except DataFileError as error:
            checked.errors.extend(each_error(error))
    known = [*routine_ids, *(routine.id for routine in library.routines)]
    for path, data in plans:
        try:
            plan = parse_plan(data, path, routine_ids=known)
        except DataFileError as error:
            checked.errors.extend(each_error(error))
            continue
        checked.good.append(f"{path} (plan {plan.id}, {len(plan.steps)} steps)")
    return checked

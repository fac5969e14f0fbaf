"""Load routine TOML files into Routine objects, with errors that name
the file, the exercise and the field."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from tui.core.common.errors import DataFileError, ErrorCollector, each_error
from tui.core.common.fields import Fields
from tui.core.common.ids import AREAS, ID_PATTERN
from tui.core.common.tomlfile import read_toml
from tui.core.routines.model import KINDS, MAX_SECONDS, Exercise, Routine

ROUTINE_FIELDS = ("id", "name", "kind", "description", "exercises")
EXERCISE_FIELDS = ("name", "seconds", "sides", "areas", "cue", "moving")


def parse_routine(data: dict, path: Path, *, builtin: bool = False) -> Routine:
    """A Routine, or a DataFileError listing every problem in the file."""
    fields = Fields(path, data)
    problems = ErrorCollector()
    problems.check(fields.check_known, ROUTINE_FIELDS)
    routine_id = problems.check(fields.text, "id")
    if routine_id is not None and not ID_PATTERN.match(routine_id):
        problems.add(fields.error(
            "id", f"'{routine_id}' must use lowercase letters, digits and hyphens"
        ))
    name = problems.check(fields.text, "name")
    kind = problems.check(fields.choice, "kind", KINDS)
    description = problems.check(fields.text, "description")
    entries = problems.check(fields.table_list, "exercises") or []
    exercises = tuple(
        problems.check(_parse_exercise, path, position, entry)
        for position, entry in enumerate(entries, start=1)
    )
    problems.raise_errors()
    return Routine(
        id=routine_id,
        name=name,
        kind=kind,
        description=description,
        exercises=exercises,
        source=path,
        builtin=builtin,
    )


def _parse_exercise(path: Path, position: int, entry: object) -> Exercise:
    label = f"exercise {position}"
    if isinstance(entry, dict) and isinstance(entry.get("name"), str):
        label += f" ({entry['name'].strip()!r})"
    fields = Fields(path, entry, item=label)
    problems = ErrorCollector()
    problems.check(fields.check_known, EXERCISE_FIELDS)
    values = dict(
        name=problems.check(fields.text, "name"),
        seconds=problems.check(fields.integer, "seconds", 1, MAX_SECONDS),
        sides=problems.check(fields.integer, "sides", 1, 2),
        areas=problems.check(fields.choices, "areas", AREAS),
        cue=problems.check(fields.text, "cue"),
        moving=problems.check(fields.flag, "moving"),
    )
    problems.raise_errors()
    return Exercise(**values)


def load_routine(path: Path, *, builtin: bool = False) -> Routine:
    """Load one routine file; raises DataFileError (a DataFileErrors when
    the file has several problems)."""
    return parse_routine(read_toml(path), path, builtin=builtin)


@dataclass
class Library:
    """Every routine that loaded, and every problem of the files that did not."""

    routines: list[Routine] = field(default_factory=list)
    errors: list[DataFileError] = field(default_factory=list)

    def get(self, routine_id: str) -> Routine | None:
        return next((r for r in self.routines if r.id == routine_id), None)

    def add(self, routine: Routine) -> None:
        """Add a routine; a DataFileError if its id is taken."""
        existing = self.get(routine.id)
        if existing is not None:
            raise DataFileError(
                routine.source or f"routine {routine.id}",  # None: built in code, not read from a file
                f"'{routine.id}' is already used by {existing.source or 'another routine'}", field="id"
            )
        self.routines.append(routine)

    def by_kind(self) -> dict[str, list[Routine]]:
        grouped: dict[str, list[Routine]] = {kind: [] for kind in KINDS}
        for routine in self.routines:
            grouped[routine.kind].append(routine)
        return {kind: routines for kind, routines in grouped.items() if routines}


def load_files(paths: list[Path], library: Library | None = None, *, builtin: bool = False) -> Library:
    """Load files into a library; a broken file or a duplicate id becomes an error."""
    library = library if library is not None else Library()
    for path in paths:
        try:
            library.add(load_routine(path, builtin=builtin))
        except DataFileError as error:
            library.errors.extend(each_error(error))
    return library


def load_library(builtin_files: list[Path], user_dir: Path | None) -> Library:
    """Built-in routines first, then the user's `*.toml` files."""
    library = load_files(builtin_files, builtin=True)
    if user_dir is not None and user_dir.is_dir():
        load_files(sorted(user_dir.glob("*.toml")), library)
    return library

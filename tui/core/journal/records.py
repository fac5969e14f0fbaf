"""What a journal record is: its schema checks, its time, its public shape.

Checks are shared by new input, stored records and the command line; a
record is the stored dict plus its TinyDB doc id as "id". The run record's
one shape (new_run) and the ways its plan state changes live here too, so
the journal, the plan screen and the command line agree on them.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Mapping
from datetime import date, datetime
from typing import Any

from tui.core.common.ids import AREAS, ID_PATTERN, RUN_KINDS
from tui.core.common.when import parse_stored
from tui.core.journal.run_details import bad_detail, only_details

SCHEMA_VERSION = 1
TABLE = "records"
TIME_FIELD = {"session": "ended", "soreness": "time", "run": "time"}  # the moment a record sorts by
PUBLIC_KEYS = (
    "id", "type", "time", "routine", "completed", "exercises_done", "exercises_total",
    "seconds", "soreness", "areas", "pain", "note", "session", "practices", "run_kind",
)
NOTE_LIMIT = 500  # characters a new note may hold (older, longer notes still read)


class FieldError(ValueError):
    """A bad value for one field; str() reads "<field> <reason>"."""

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field} {reason}")


# -- checks shared by new input, stored records and the command line ---------


def check_rating(value: Any, field: str = "overall") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise FieldError(field, f"must be a whole number from 0 to 10, got {value!r}")
    return value


def area_name(name: Any, field: str = "area") -> str:
    """A known area, case-insensitively, in its canonical spelling."""
    canonical = name.strip().lower() if isinstance(name, str) else name
    if canonical not in AREAS:
        raise FieldError(field, f"names an unknown area {name!r} (known: {', '.join(AREAS)})")
    return canonical


def check_areas(areas: Any) -> dict[str, int]:
    """Area ratings in AREAS order."""
    if not isinstance(areas, Mapping):
        raise FieldError("areas", f"must map areas to ratings, got {areas!r}")
    rated = {area_name(name, "areas"): value for name, value in areas.items()}
    if len(rated) != len(areas):
        raise FieldError("areas", "rates the same area twice")
    for name, value in rated.items():
        check_rating(value, f"areas.{name}")
    return {area: rated[area] for area in AREAS if area in rated}


def check_pain(pain: Any) -> list[str]:
    """Pain-flagged areas, without repeats, in AREAS order."""
    if isinstance(pain, str) or not isinstance(pain, Iterable):
        raise FieldError("pain", f"must be a list of areas, got {pain!r}")
    flagged = {area_name(name, "pain") for name in pain}
    return [area for area in AREAS if area in flagged]


def check_note(note: Any) -> str:
    if not isinstance(note, str):
        raise FieldError("note", f"must be text, got {note!r}")
    return note.strip()


def check_moment(moment: Any, field: str) -> datetime:
    """A new record's time, by the rules a stored one is read with (parse_stored):
    a time the journal would skip on reading is never written."""
    if not isinstance(moment, datetime) or moment.tzinfo is None:
        raise FieldError(field, f"must be a datetime with a UTC offset, got {moment!r}")
    try:
        parse_stored(moment.isoformat())
    except ValueError as error:
        raise FieldError(field, str(error)) from None
    return moment


# -- reading stored records ----------------------------------------------------


def _count(doc: dict, field: str) -> int:
    value = doc.get(field)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FieldError(field, f"must be a whole number of 0 or more, got {value!r}")
    return value


def _time(doc: dict, field: str) -> datetime:
    try:
        return parse_stored(doc.get(field))
    except ValueError as error:
        raise FieldError(field, str(error)) from None


def check_session(doc: dict) -> None:
    for field in ("routine_id", "routine_name"):
        if not isinstance(doc.get(field), str):
            raise FieldError(field, f"must be text, got {doc.get(field)!r}")
    if _time(doc, "ended") < _time(doc, "started"):
        raise FieldError("ended", "is before 'started'")
    if not isinstance(doc.get("completed"), bool):
        raise FieldError("completed", f"must be true or false, got {doc.get('completed')!r}")
    for field in ("exercises_done", "exercises_skipped", "exercises_total"):
        _count(doc, field)
    seconds = doc.get("seconds")
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not seconds >= 0:
        raise FieldError("seconds", f"must be a number of 0 or more, got {seconds!r}")


def check_soreness(doc: dict) -> None:
    _time(doc, "time")
    check_rating(doc.get("overall"))
    check_areas(doc.get("areas"))
    check_pain(doc.get("pain"))
    check_note(doc.get("note"))
    session = doc.get("session")
    if session is not None and (isinstance(session, bool) or not isinstance(session, int)):
        raise FieldError("session", f"must be a record id or null, got {session!r}")


def check_ids(ids: Any, field: str) -> list[str]:
    """Practice ids (plan step ids, routine ids), without repeats, in order."""
    if isinstance(ids, str) or not isinstance(ids, Iterable):
        raise FieldError(field, f"must be a list of ids, got {ids!r}")
    ids = list(ids)
    for entry in ids:
        if not isinstance(entry, str) or not ID_PATTERN.match(entry):
            raise FieldError(field, f"holds {entry!r}, which is not an id")
    return list(dict.fromkeys(ids))


def check_run_kind(kind: Any) -> str | None:
    if kind is not None and kind not in RUN_KINDS:
        raise FieldError("run_kind", f"must be one of {', '.join(RUN_KINDS)} or null, got {kind!r}")
    return None if kind is None else str(kind)


def check_run(doc: dict) -> None:
    _time(doc, "time")
    check_run_kind(doc.get("run_kind"))
    check_ids(doc.get("practices"), "practices")
    check_ids(doc.get("skipped"), "skipped")
    try:
        date.fromisoformat(doc["plan_date"])
    except (KeyError, TypeError, ValueError):
        raise FieldError("plan_date", f"must be a date like 2024-11-22, got {doc.get('plan_date')!r}") from None
    bad = bad_detail(doc)  # what a run from a watch file adds (run_details.py)
    if bad:
        raise FieldError(*bad)


def checks_out(key: str, doc: dict) -> bool:
    """Whether a stored doc (keyed by its id as text) is a good record."""
    try:
        check_record({**doc, "id": int(key)})
    except FieldError:
        return False
    return True


CHECKS: dict[str, Callable[[dict], None]] = {
    "session": check_session, "soreness": check_soreness, "run": check_run,
}


def check_record(record: dict) -> datetime:
    """The time a stored record sorts by; FieldError if it does not check out."""
    version = record.get("v")
    if isinstance(version, bool) or not isinstance(version, int):
        raise FieldError("v", f"must be a schema version number, got {version!r}")
    if version > SCHEMA_VERSION:
        raise FieldError("v", f"is {version}, newer than this version of recovery-tui reads")
    kind = record.get("type")
    if kind not in CHECKS:
        raise FieldError("type", f"is {kind!r}, not one of: {', '.join(CHECKS)}")
    CHECKS[kind](record)
    return record_time(record)


def record_time(record: dict) -> datetime:
    """When a record happened: a session's end, a rating's time, a run's end."""
    return parse_stored(record[TIME_FIELD[record["type"]]])


# -- new records: each type's one shape ----------------------------------------


def new_session(routine_id: str, routine_name: str, started: datetime, ended: datetime, completed: bool,
                exercises_done: int, exercises_skipped: int, exercises_total: int, seconds: float) -> dict:
    """A session record not yet saved; FieldError if it would not check out."""
    record = {
        "v": SCHEMA_VERSION, "type": "session", "routine_id": routine_id, "routine_name": routine_name,
        "started": check_moment(started, "started").isoformat(),
        "ended": check_moment(ended, "ended").isoformat(),
        "completed": completed, "exercises_done": exercises_done,
        "exercises_skipped": exercises_skipped, "exercises_total": exercises_total, "seconds": seconds,
    }
    check_session(record)
    return record


def new_rating(overall: int, areas: Mapping[str, int] | None, pain: Iterable[str], note: str,
               when: datetime, session_id: int | None) -> dict:
    """A soreness rating not yet saved; FieldError if it would not check out."""
    if session_id is not None and (isinstance(session_id, bool) or not isinstance(session_id, int)):
        raise FieldError("session_id", f"must be a record id, got {session_id!r}")
    record = {
        "v": SCHEMA_VERSION, "type": "soreness", "time": check_moment(when, "when").isoformat(),
        "overall": check_rating(overall), "areas": check_areas({} if areas is None else areas),
        "pain": check_pain(pain), "note": check_note(note), "session": session_id,
    }
    check_soreness(record)  # the checks a stored rating is read with
    return record


# -- the run record: its one shape, and how its plan state changes ------------


def new_run(ended: datetime, run_kind: str | None = None, details: Mapping | None = None) -> dict:
    """A run record not yet saved; its plan day is the day the run ended (in
    `ended`'s zone). `details` are those of a run from a watch file (run_details.py)."""
    ended = check_moment(ended, "ended")
    record = {
        "v": SCHEMA_VERSION, "type": "run", "time": ended.isoformat(),
        "run_kind": check_run_kind(run_kind), "practices": [], "skipped": [],
        "plan_date": ended.date().isoformat(), **only_details(details or {}),
    }
    check_run(record)  # the checks a stored run is read with
    return record


def ticked(run: Mapping, ids: Iterable[str]) -> dict:
    """The changes that tick practices done (and no longer skipped)."""
    ids = check_ids(ids, "practices")
    return {"practices": list(dict.fromkeys([*run["practices"], *ids])),
            "skipped": [i for i in run["skipped"] if i not in ids]}


def skipped(run: Mapping, ids: Iterable[str], undone: Iterable[str] | None = None) -> dict:
    """The changes that mark plan steps skipped and no longer done: their ids,
    and `undone` (what ticking them recorded, runs.practices_for) if given."""
    ids = check_ids(ids, "skipped")
    undone = ids if undone is None else check_ids(undone, "practices")
    return {"skipped": list(dict.fromkeys([*run["skipped"], *ids])),
            "practices": [i for i in run["practices"] if i not in undone]}


def reopened(run: Mapping, ids: Iterable[str]) -> dict:
    """The changes that undo: the steps are neither done nor skipped any more."""
    ids = check_ids(ids, "practices")
    return {"practices": [i for i in run["practices"] if i not in ids],
            "skipped": [i for i in run["skipped"] if i not in ids]}


# -- public shape (tui/core/journal/export.py writes it out) ---------------------------


def to_public(record: dict) -> dict:
    """The history/export JSON shape: PUBLIC_KEYS, null where a field does not apply."""
    public = dict.fromkeys(PUBLIC_KEYS)
    public.update(id=record["id"], type=record["type"], time=record[TIME_FIELD[record["type"]]])
    if record["type"] == "session":
        public.update(
            routine=record["routine_id"],
            completed=record["completed"],
            exercises_done=record["exercises_done"],
            exercises_total=record["exercises_total"],
            seconds=record["seconds"],
        )
    elif record["type"] == "soreness":
        public.update(
            soreness=record["overall"],
            areas=dict(record["areas"]),
            pain=list(record["pain"]),
            note=record["note"],
            session=record["session"],
        )
    elif record["type"] == "run":
        public.update(practices=list(record["practices"]), run_kind=record["run_kind"])
    return public

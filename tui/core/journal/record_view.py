"""A journal record in full, as labelled lines for the History detail view.

History's table gives each record one line; this gives every field of it,
the whole note included, with dates in words in the runner's time zone
(`now`'s, by each date's own rules) and steps by the names the plan shows.
Headless: the screen only lays the pairs out.
"""

from __future__ import annotations

from datetime import date, datetime
from typing import TYPE_CHECKING

from tui.core.common.ids import area_words
from tui.core.common.when import format_duration, in_zone_of, long_day, long_time, parse_stored
from tui.core.journal.records import record_time
from tui.core.journal.sessions import session_state

if TYPE_CHECKING:
    from tui.core.plan.practices import PracticeNames

TITLES = {"session": "Routine", "soreness": "Soreness rating", "run": "Run"}


def listed(items: list[str], empty: str) -> str:
    return ", ".join(items) if items else empty


def record_title(record: dict, now: datetime) -> str:
    """"Soreness rating, Tuesday 1 December 2026, 22:54"."""
    return f"{TITLES[record['type']]}, {long_time(in_zone_of(record_time(record), now))}"


def record_fields(record: dict, names: PracticeNames, now: datetime) -> list[tuple[str, str]]:
    """(label, value) for every field of a record, in reading order."""
    kind = record["type"]
    if kind == "session":
        fields = _session(record, now)
    elif kind == "soreness":
        fields = _soreness(record)
    else:
        fields = _run(record, names, now)
    return [*fields, ("Record", f"#{record['id']}")]


def _session(record: dict, now: datetime) -> list[tuple[str, str]]:
    started, ended = (in_zone_of(parse_stored(record[key]), now) for key in ("started", "ended"))
    done, total = record["exercises_done"], record["exercises_total"]
    return [
        ("Routine", f"{record['routine_name']} ({record['routine_id']})"),
        ("Started", long_time(started)),
        ("Ended", long_time(ended)),
        ("Time", format_duration(record["seconds"])),
        ("State", session_state(record)),  # finished (N skipped) or left part-way
        ("Exercises", exercise_counts(done, record["exercises_skipped"], total)),
    ]


def exercise_counts(done: int, skipped: int, total: int) -> str:
    """"6 of 8 done, 2 skipped"; a session left part-way adds the exercises
    it never finished (leaving is not skipping): "2 of 8 done, 1 skipped, 5 not finished"."""
    not_finished = total - done - skipped
    counts = f"{done} of {total} done, {skipped} skipped"
    return f"{counts}, {not_finished} not finished" if not_finished > 0 else counts


def _soreness(record: dict) -> list[tuple[str, str]]:
    areas = [f"{area_words(area)} {value}/10" for area, value in record["areas"].items()]
    session = record["session"]
    return [
        ("Overall", f"{record['overall']}/10"),
        ("Areas", listed(areas, "none rated")),
        ("Sharp pain", listed([area_words(area) for area in record["pain"]], "none flagged")),
        ("After", f"the routine of record #{session}" if session is not None else "no routine linked"),
        ("Note", record["note"] or "no note"),
    ]


LOAD_FORMULAS = {"trimp100": "TRIMP(100), from heart rate", "pace": "from pace"}


def _run(record: dict, names: PracticeNames, now: datetime) -> list[tuple[str, str]]:
    return [
        ("Kind", f"{record['run_kind']} run" if record["run_kind"] else "not given"),
        ("Ended", long_time(in_zone_of(record_time(record), now))),
        *_from_watch(record),
        ("Plan day", long_day(date.fromisoformat(record["plan_date"]))),
        ("Done", listed([name for _step, name in names.named(record["practices"])], "nothing yet")),
        ("Skipped", listed([name for _step, name in names.named(record["skipped"])], "nothing")),
    ]


def _from_watch(record: dict) -> list[tuple[str, str]]:
    """What a run imported from a watch file adds (see tui/core/watch)."""
    if "sha256" not in record:
        return []
    distance = f"{record['distance_m'] / 1000:.2f} km" if record.get("distance_m") else "not recorded"
    heart = f"{record['avg_hr']} average, {record['max_hr']} max" if record.get("avg_hr") else "not recorded"
    load = record.get("load")
    formula = LOAD_FORMULAS.get(record.get("load_formula") or "", record.get("load_formula") or "")
    return [
        ("Time", f"{format_duration(record['moving_s'])} moving of {format_duration(record['duration_s'])}"),
        ("Distance", distance),
        ("Heart rate", heart),
        ("Load", f"{load:g} ({formula})" if load is not None else "not known"),
        ("Why this kind", "; ".join(record.get("kind_reasons") or []) or "not given"),
        ("From", record["source"]),
    ]

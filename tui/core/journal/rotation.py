"""Parts of a crowded month, so that a save rewrites a bounded number of records.

The journal file holds this month and last, and TinyDB rewrites the whole
file on every save: a script that logs 100,000 ratings in a month would make
each save rewrite (and each read parse) all of them. So once the journal
holds more than LIMIT records, its oldest good records move into numbered
parts of their month in the archive ("archive/journal-2026-12.part-0001.json"),
at most PART_SIZE to a part, until KEEP are left: a save then rewrites at most
LIMIT records, and a rotation happens once every LIMIT - KEEP saves.

A rotation is three writes, each atomic, and a crash after any of them
leaves every record readable exactly once:
1. the journal notes its plan (which records go to which part) in its meta table;
2. each part is written (merged into what the file holds, never replacing it);
3. the journal drops the moved records and the plan.
Until 3 lands the journal still holds every moved record, and readers take
the journal's copy (archive.py); the next save finds the plan and finishes
it with the journal's copies. The meta table also keeps the newest time of
each part, and of each type of record a part this device made holds (KINDS),
so that reading "since" a moment skips the parts from before it, and reading
sessions skips the parts that hold none (window.py).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime
from pathlib import Path
from typing import Any

from tui.core.common.when import parse_stored
from tui.core.journal import archive
from tui.core.journal.records import TABLE
from tui.core.journal.storage import SafeJSONStorage
from tui.core.journal.store.errors import JournalCorruptError
from tui.core.journal.store.meta import META_TABLE, last_id, meta, with_last_id
from tui.core.journal.sync.identity import uid_of

LIMIT = 1_000  # records in the journal file before a rotation: ten times a busy two months
KEEP = 500  # what a rotation leaves in the journal file
PART_SIZE = 500  # records in one part at most
MAX_PARTS = 9_999  # parts of one month (their numbers have four digits): 5 million records
PLAN, NEWEST, KINDS = "rotation", "part_newest", "part_kinds"  # meta fields

Tables = dict[str, dict[str, Any]]


def finish_pending(storage: SafeJSONStorage, time_field: dict[str, str]) -> int:
    """Finish a rotation cut short (see the module's docstring); how many records
    it moved. Call under ``storage.locked()``, before anything else moves records."""
    tables = storage.read() or {}
    return finish(storage, tables, time_field) if meta(tables).get(PLAN) else 0


def rotate(storage: SafeJSONStorage, time_field: dict[str, str], checks_out: Callable[[str, dict], bool]) -> int:
    """If the journal holds more than LIMIT records, move its oldest good ones
    into new parts of their months until KEEP are left; how many moved. Call
    under ``storage.locked()``; JournalError if a part cannot be written (the
    journal then still holds every record, and the next save goes on)."""
    tables = storage.read() or {}
    records = tables.get(TABLE, {})
    if len(records) <= LIMIT:
        return 0
    timed = []
    for key, doc in records.items():
        month = archive.stored_month(doc, time_field)
        if month is not None and checks_out(key, doc):
            timed.append((parse_stored(doc[time_field[doc["type"]]]), int(key), key, month))
    timed.sort()
    moving = timed[:max(0, len(timed) - KEEP)]
    if not moving:
        return 0
    highest: dict[str, int] = {}
    for part in archive.archive_months(storage.path, earliest=min(month for *_, month in moving)):
        highest.setdefault(part[:7], archive.part_number(part))  # newest first: the highest part comes first
    plan: dict[str, list[str]] = {}
    filling: dict[str, str] = {}  # month -> the part being filled
    held = held_in_archive(storage.path, {key: records[key] for *_, key, _ in moving}, time_field, part_newest(tables),
                           part_kinds(tables))
    for _, _, key, month in moving:
        if key in held:  # another device's part holds it already: it joins that one
            plan.setdefault(held[key], []).append(key)
            continue
        if month not in filling or len(plan[filling[month]]) >= PART_SIZE:
            highest[month] = highest.get(month, 0) + 1
            if highest[month] > MAX_PARTS:
                continue  # stays in the journal
            filling[month] = archive.part_key(month, highest[month])
        plan.setdefault(filling[month], []).append(key)
    if not plan:
        return 0
    storage.write(_with_meta(tables, **{PLAN: plan}))
    return finish(storage, storage.read() or {}, time_field)


def finish(storage: SafeJSONStorage, tables: Tables, time_field: dict[str, str]) -> int:
    """Write the parts of the journal's plan, then drop their records and the
    plan from the journal; how many records left the journal."""
    plan = meta(tables).get(PLAN)
    if not isinstance(plan, dict):
        return 0
    records = tables.get(TABLE, {})
    counts, days = archive.archived_counts(tables), archive.archived_session_days(tables)
    newest, kinds = part_newest(tables), part_kinds(tables)
    moved: set[str] = set()
    for part, keys in sorted(plan.items()):
        if not archive.is_archive_key(part) or not isinstance(keys, list):
            continue  # not a plan this version made: its records stay in the journal
        docs = {key: records[key] for key in keys if isinstance(key, str) and key in records}
        if not docs:
            continue
        known = kinds.pop(part, {} if not archive.archive_path(storage.path, part).exists() else None)
        counts[part] = archive.write_month(storage.path, part, docs)
        if known is not None:  # what it held before is known (or it is new): so is what it holds now
            kinds[part] = newest_of_kinds(docs.values(), time_field, known)
        times = [doc[time_field[doc["type"]]] for doc in docs.values()]
        newest[part] = max([*times, *([newest[part]] if part in newest else [])], key=parse_stored)
        for doc in docs.values():
            if doc["type"] == "session":
                days[part[:7]] = days.get(part[:7], 0) | 1 << int(doc[time_field["session"]][8:10])
        moved |= docs.keys()
    kept = {key: doc for key, doc in records.items() if key not in moved}
    kept_tables = with_last_id({**tables, TABLE: kept}, TABLE, last_id(tables, TABLE))
    storage.write(_with_meta(kept_tables, **{PLAN: None, NEWEST: dict(sorted(newest.items())),
                                             KINDS: dict(sorted(kinds.items())),
                                             "archived": dict(sorted(counts.items())),
                                             "session_days": dict(sorted(days.items()))}))
    return len(moved)


def held_in_archive(journal: Path, docs: dict[str, dict[str, Any]], time_field: dict[str, str],
                    newest: dict[str, str], kinds: dict[str, dict[str, str]] | None = None) -> dict[str, str]:
    """The archive file of its month (a part or its own) that already holds a
    record of `docs` by its uid, for those one does (journal key -> archive
    key): another device rotated it there, and synced that part here. Only
    files that may hold records as old as these are read (see may_hold_since):
    the parts this device made of its own month hold older ones only. A run's
    end can be moved, so for a run every file that may hold a run is read
    (`kinds`: part_kinds; a part that holds none is not)."""
    by_month: dict[str, dict[str, dict[str, Any]]] = {}
    for key, doc in docs.items():
        month = archive.stored_month(doc, time_field)
        if month is not None:
            by_month.setdefault(month, {})[key] = doc
    found: dict[str, str] = {}
    for month, group in by_month.items():
        since = min((parse_stored(doc[time_field[doc["type"]]]) for doc in group.values() if doc["type"] != "run"),
                    default=None)
        runs = any(doc["type"] == "run" for doc in group.values())
        files = [key for key in archive.archive_months(journal, earliest=month) if key[:7] == month and (
            (since is not None and may_hold_since(key, since, newest))
            or (runs and "run" in (kinds or {}).get(key, {"run": ""})))]
        where: dict[str, str] = {}
        for file in files:
            try:
                where |= {uid_of(key, doc): file for key, doc in archive.read_archive(journal, file).items()}
            except JournalCorruptError:
                continue  # damaged: nothing can join it (doctor names it)
        found |= {key: where[uid_of(key, doc)] for key, doc in group.items() if uid_of(key, doc) in where}
    return found


def part_newest(tables: Tables | None) -> dict[str, str]:
    """The newest stored time of each part, as the journal's meta table last saw it."""
    found = meta(tables).get(NEWEST, {})
    return {part: when for part, when in found.items() if isinstance(when, str)} if isinstance(found, dict) else {}


def note_kinds(storage: SafeJSONStorage, time_field: dict[str, str], months: Iterable[str], at_most: int) -> int:
    """Note what up to `at_most` parts of `months` that the meta table says
    nothing of hold (an earlier version's, or changed since): a few with each
    save, so that reads come to skip them; how many were noted. Call under
    ``storage.locked()``; a damaged part is left for doctor."""
    tables = storage.read() or {}
    known = part_kinds(tables)
    noted: dict[str, dict[str, str]] = {}
    for month in months:
        for key in archive.archive_months(storage.path, earliest=month):
            if len(noted) >= at_most:
                break
            if key[:7] == month and archive.part_number(key) and key not in known:
                try:
                    noted[key] = newest_of_kinds(archive.read_archive(storage.path, key).values(), time_field, {})
                except JournalCorruptError:
                    continue
    if noted:
        storage.write(_with_meta(tables, **{KINDS: dict(sorted({**known, **noted}.items()))}))
    return len(noted)


def part_kinds(tables: Tables | None) -> dict[str, dict[str, str]]:
    """Per part this device made, the newest stored time of each type of record
    it holds (a type it does not name, it holds none of), as the meta table last saw it."""
    found = meta(tables).get(KINDS, {})
    if not isinstance(found, dict):
        return {}
    return {part: {kind: when for kind, when in held.items() if isinstance(when, str)}
            for part, held in found.items() if isinstance(held, dict)}


def newest_of_kinds(docs: Iterable[dict], time_field: dict[str, str], known: dict[str, str]) -> dict[str, str]:
    """`known` (type -> newest stored time) with `docs` added (those without a
    type and time left out: they are no record, and checked where read)."""
    held = dict(known)
    for doc in docs:
        try:
            when, moment = doc[time_field[doc["type"]]], parse_stored(doc[time_field[doc["type"]]])
            if doc["type"] not in held or moment > parse_stored(held[doc["type"]]):
                held[doc["type"]] = when
        except (KeyError, TypeError, ValueError):
            continue
    return held


def may_hold_since(key: str, since: datetime, newest: dict[str, str]) -> bool:
    """Whether an archive file may hold records from `since` on: every month's own
    file and every part without a known newest time may."""
    if not archive.part_number(key) or key not in newest:
        return True
    try:
        return parse_stored(newest[key]) >= since
    except ValueError:
        return True


def forget_newest(storage: SafeJSONStorage, key: str) -> None:
    """A record of part `key` changed: its newest times are no longer known (the
    part is read again by every read since a moment). Call under the lock."""
    tables = storage.read() or {}
    if key in part_newest(tables) or key in part_kinds(tables):
        storage.write(forgotten(tables, {key}))


def forgotten(tables: Tables, keys: set[str]) -> Tables:
    """tables without the newest times of the parts `keys` (records in them changed)."""
    return _with_meta(tables, **{NEWEST: {k: v for k, v in part_newest(tables).items() if k not in keys},
                                 KINDS: {k: v for k, v in part_kinds(tables).items() if k not in keys}})


def _with_meta(tables: Tables, **changes: Any) -> Tables:
    """tables with the given meta fields replaced (None: removed)."""
    doc = {**meta(tables), **changes}
    return {**tables, META_TABLE: {"1": {name: value for name, value in doc.items() if value is not None}}}

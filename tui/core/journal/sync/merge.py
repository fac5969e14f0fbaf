"""The merge of two versions of a journal (or of one archive month), by uid.

The same inputs give the same result on every device, in whatever order
they are merged: for each field of a record, every value either side ever
had is kept with the latest time it was set; the value set last wins and
the others stay in the record's history (ties go to the larger value, so
that the choice does not depend on which side is which). Records only one
side has are added; one whose number the other side already uses gets the
next free number (its uid stays). A base (what a save read before another
device's version arrived) says what this side removed on purpose: a record
moved to the archive since is not brought back.
"""

from __future__ import annotations

import json
from typing import Any

from tui.core.journal.records import TABLE
from tui.core.journal.store.meta import META_TABLE, last_id, meta, with_last_id, with_meta
from tui.core.journal.sync.identity import CHANGED, HISTORY, OWN_FIELDS, UID, uid_of

Tables = dict[str, dict[str, Any]]
Doc = dict[str, Any]
ONE_DEVICE = ("rotation",)  # meta fields never merged in: a rotation cut short names that device's numbers


class MergeReport:
    """What a merge did. A plain class: every save imports this module, and
    `log` loads no dataclasses (tests/core/test_cli_imports.py)."""

    def __init__(self) -> None:
        self.added = 0  # records only the incoming side had
        self.changed = 0  # records both had, changed by the merge
        self.renumbered: dict[str, str] = {}  # incoming number -> number given

    @property
    def records(self) -> int:
        return self.added + self.changed


def _key(value: Any) -> str:
    return json.dumps(value, sort_keys=True, ensure_ascii=False, separators=(",", ":"))


def _versions(doc: Doc) -> dict[str, dict[str, tuple[str, Any]]]:
    """field -> {value as JSON: (latest time it was set, value)}, history included."""
    changed = doc[CHANGED] if isinstance(doc.get(CHANGED), dict) else {}
    found: dict[str, dict[str, tuple[str, Any]]] = {}

    def note(name: str, value: Any, when: Any) -> None:
        when = when if isinstance(when, str) else ""
        values = found.setdefault(name, {})
        text = _key(value)
        if text not in values or values[text][0] < when:
            values[text] = (when, value)

    for name, value in doc.items():
        if name not in OWN_FIELDS:
            note(name, value, changed.get(name, ""))
    for entry in doc.get(HISTORY) or []:
        if isinstance(entry, dict) and isinstance(entry.get("field"), str) and "value" in entry:
            note(entry["field"], entry["value"], entry.get("changed", ""))
    return found


def merge_records(ours: Doc, theirs: Doc, uid: str) -> Doc:
    """One record from two versions of it (see the module's docstring)."""
    if ours == theirs:
        return ours
    values = _versions(ours)
    for name, seen in _versions(theirs).items():
        mine = values.setdefault(name, {})
        for text, (when, value) in seen.items():
            if text not in mine or mine[text][0] < when:
                mine[text] = (when, value)
    merged: Doc = {}
    changed: dict[str, str] = {}
    history: list[Doc] = []
    current = {name for name in (*ours, *theirs) if name not in OWN_FIELDS}
    for name in sorted(values):
        seen = values[name]
        winner = max(seen, key=lambda text: (seen[text][0], text))
        if name in current:
            merged[name] = seen[winner][1]
            if seen[winner][0]:
                changed[name] = seen[winner][0]
        history += [{"field": name, "value": value, "changed": when}
                    for text, (when, value) in sorted(seen.items())
                    if text != winner or name not in current]
    merged[UID] = uid
    if changed:
        merged[CHANGED] = changed
    if history:
        merged[HISTORY] = history
    return {name: merged[name] for name in (*ours, *theirs, UID, CHANGED, HISTORY) if name in merged}


def _renumbered_refs(doc: Doc, numbers: dict[str, str]) -> Doc:
    """A rating's link to its session, in the numbering of the merged journal."""
    session = doc.get("session")
    if isinstance(session, int) and not isinstance(session, bool) and str(session) in numbers:
        return {**doc, "session": int(numbers[str(session)])}
    return doc


def merge_tables(target: Tables, incoming: Tables, base: Tables | None = None) -> tuple[Tables, MergeReport]:
    """`target` with what `incoming` adds; target's records keep their numbers."""
    report = MergeReport()
    mine: dict[str, Doc] = dict(target.get(TABLE, {}))
    theirs: dict[str, Doc] = incoming.get(TABLE, {})
    before = {uid_of(k, d): (k, d) for k, d in (base or {}).get(TABLE, {}).items()}
    where = {uid_of(k, d): k for k, d in mine.items()}
    their_uids = {uid_of(k, d) for k, d in theirs.items()}
    for uid, (_key, doc) in before.items():  # removed by the other side, unchanged here
        if uid in where and uid not in their_uids and mine[where[uid]] == doc:
            del mine[where.pop(uid)]
    numbers: dict[str, str] = {}
    fresh: list[tuple[str, str, Doc]] = []
    for key, doc in theirs.items():
        uid = uid_of(key, doc)
        if uid in where:
            numbers[key] = where[uid]
        elif uid in before and before[uid][1] == doc:
            continue  # this side removed it (moved it to the archive)
        else:
            fresh.append((uid, key, doc))
    given = last_id(target, TABLE)
    floor = max(given, last_id(incoming, TABLE), *(int(k) for k in mine), 0)
    for _uid, key, _doc in sorted(fresh, key=lambda found: (found[0], int(found[1]))):
        if key in mine.keys() | set(numbers.values()) or int(key) <= given:
            floor += 1
            numbers[key] = str(floor)
            report.renumbered[key] = str(floor)
        else:
            numbers[key] = key
    for key, doc in theirs.items():
        if key not in numbers:
            continue
        doc, number = _renumbered_refs(doc, numbers), numbers[key]
        uid = uid_of(key, doc)
        if number in mine:
            merged = merge_records(mine[number], doc, uid)
            if merged != mine[number]:
                report.changed += merged != {**mine[number], UID: uid}  # more than the uid written in
                mine[number] = merged
        else:
            mine[number] = {**doc, UID: uid}
            report.added += 1
    tables = {**_other_tables(target, incoming), TABLE: mine}
    tables = with_last_id(tables, TABLE, max(floor, last_id({TABLE: mine}, TABLE)))
    return _merged_meta(tables, incoming), report


def _other_tables(target: Tables, incoming: Tables) -> Tables:
    """Tables other than records and meta: a union, the target's entry kept."""
    tables = {name: dict(table) for name, table in target.items()}
    for name, table in incoming.items():
        if name in (TABLE, META_TABLE):
            continue
        tables[name] = {**table, **tables.get(name, {})}
    return tables


def _merged_meta(tables: Tables, incoming: Tables) -> Tables:
    """Archive counts only grow, session days only add up; ids given out anywhere stay given out."""
    ours, theirs = meta(tables), meta(incoming)
    counts = {**_dict(theirs, "archived"), **_dict(ours, "archived")}
    for month, n in _dict(theirs, "archived").items():
        if isinstance(n, int) and isinstance(counts.get(month), int):
            counts[month] = max(n, counts[month])
    days = {**_dict(theirs, "session_days"), **_dict(ours, "session_days")}
    for month, mask in _dict(theirs, "session_days").items():
        if isinstance(mask, int) and isinstance(days.get(month), int):
            days[month] = mask | days[month]
    given = {**_dict(theirs, "last_id"), **_dict(ours, "last_id")}
    for name, n in _dict(theirs, "last_id").items():
        if isinstance(n, int) and isinstance(given.get(name), int):
            given[name] = max(n, given[name])
    merged = {**{name: value for name, value in theirs.items() if name not in ONE_DEVICE}, **ours}
    for name, value in (("archived", counts), ("session_days", days), ("last_id", given)):
        if value:
            merged[name] = dict(sorted(value.items()))
    return with_meta(tables, **merged) if merged else tables


def _dict(doc: dict[str, Any], name: str) -> dict[str, Any]:
    value = doc.get(name)
    return value if isinstance(value, dict) else {}

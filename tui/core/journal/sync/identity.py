"""A record's lasting identity: its uid, the same on every device, for good.

The short number (#12) is for people: two devices can each hand out #12
between two syncs, so a merge may give a record another number. The uid
never changes. New records get a UUIDv7 (time-ordered, random: no second
device can repeat it). A record saved before uids existed gets one derived
from what it was created as, so that two devices giving uids to copies of
the same old journal give the same record the same uid.
"""

from __future__ import annotations

import json
from collections.abc import Mapping
from datetime import UTC, datetime
from typing import Any

UID = "uid"
CHANGED = "changed"  # {field: UTC time of its last change}
HISTORY = "history"  # [{"field", "value", "changed"}]: values that lost a merge
OWN_FIELDS = (UID, CHANGED, HISTORY)
MIGRATED = "uids"  # the journal's meta field: 1 once every record of it and its archive has a uid
LEGACY = "6f1c2a52-2f4e-4a8e-9a57-3c1b1f0e5d21"  # the namespace of derived uids
CREATED = {"session": "started", "soreness": "time", "run": "plan_date"}  # what a record was made as


def new_uid() -> str:
    # imported here: only a save needs it, and reading commands start faster without it
    from uuid_utils import uuid7

    return str(uuid7())


def legacy_uid(key: str | int, doc: dict[str, Any]) -> str:
    """The uid of a record saved without one: the same on every device."""
    kind = doc.get("type")
    made = doc.get(CREATED.get(kind, "type")) if isinstance(kind, str) else None
    import uuid  # only records saved before uids need it

    return str(uuid.uuid5(uuid.UUID(LEGACY), json.dumps([str(key), kind, made], default=str)))


def uid_of(key: str | int, doc: dict[str, Any]) -> str:
    uid = doc.get(UID)
    return uid if isinstance(uid, str) and uid else legacy_uid(key, doc)


def with_uid(key: str | int, doc: dict[str, Any]) -> dict[str, Any]:
    return doc if isinstance(doc.get(UID), str) and doc[UID] else {**doc, UID: legacy_uid(key, doc)}


def change_time(moment: datetime) -> str:
    """A change time as stored: UTC, to the microsecond, so that text order is time order."""
    return moment.astimezone(UTC).isoformat(timespec="microseconds")


def stamped(old: Mapping[str, Any], new: dict[str, Any], moment: datetime) -> dict[str, Any]:
    """`new` with the change time of every field that differs from `old`."""
    when = change_time(moment)
    changed = dict(old.get(CHANGED) or {}) if isinstance(old.get(CHANGED), dict) else {}
    changed.update({field: when for field, value in new.items()
                    if field not in OWN_FIELDS and old.get(field) != value})
    return {**new, CHANGED: changed} if changed else new

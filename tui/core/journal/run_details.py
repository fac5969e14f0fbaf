"""What a run read from a watch file adds to its run record: when it started,
how long and far it went, its heart rate, the file it came from (name and
SHA-256), why it got its kind, and its training load with the formula's name.
Typed runs have none of these; each is checked where it is present."""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any

from tui.core.common.when import parse_stored

SHA256 = re.compile(r"[0-9a-f]{64}\Z")


def _number(value: Any, nullable: bool = False) -> bool:
    if value is None:
        return nullable
    return not isinstance(value, bool) and isinstance(value, (int, float)) and value >= 0


def _whole(value: Any, nullable: bool = False) -> bool:
    if value is None:
        return nullable
    return not isinstance(value, bool) and isinstance(value, int) and value >= 0


def _text(value: Any, nullable: bool = False) -> bool:
    return (value is None and nullable) or (isinstance(value, str) and 0 < len(value) <= 500)


def _moment(value: Any) -> bool:
    try:
        parse_stored(value)
    except ValueError:
        return False
    return True


def _reasons(value: Any) -> bool:
    return isinstance(value, list) and len(value) <= 20 and all(_text(r) for r in value)


CHECKS = {
    "started": (_moment, "an ISO 8601 time with a UTC offset"),
    "duration_s": (_number, "a number of seconds of 0 or more"),
    "moving_s": (_number, "a number of seconds of 0 or more"),
    "distance_m": (lambda v: _number(v, True), "a number of metres of 0 or more, or null"),
    "avg_hr": (lambda v: _whole(v, True), "a whole number of beats a minute, or null"),
    "max_hr": (lambda v: _whole(v, True), "a whole number of beats a minute, or null"),
    "laps": (_whole, "a whole number of 0 or more"),
    "sport": (_text, "text"),
    "source": (_text, "a file name"),
    "sha256": (lambda v: isinstance(v, str) and SHA256.match(v) is not None, "64 hexadecimal digits"),
    "kind_reasons": (_reasons, "a list of texts"),
    "load": (lambda v: _number(v, True), "a number of 0 or more, or null"),
    "load_formula": (lambda v: _text(v, True), "the name of a formula, or null"),
}
FIELDS = tuple(CHECKS)


def bad_detail(doc: Mapping) -> tuple[str, str] | None:
    """(field, what it must be) for the first detail that does not check out."""
    for name, (check, wanted) in CHECKS.items():
        if name in doc and not check(doc[name]):
            return name, f"must be {wanted}, got {doc[name]!r}"
    return None


def only_details(details: Mapping) -> dict:
    """The details of a mapping; KeyError for a key that is not one."""
    unknown = [key for key in details if key not in CHECKS]
    if unknown:
        raise KeyError(f"not a run detail: {', '.join(unknown)}")
    return dict(details)

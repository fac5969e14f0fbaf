"""The journal's own bookkeeping: the meta table's one document.

It records the highest id each table has given out (ids are never reused),
and what the archive holds (see archive.py).
"""

from __future__ import annotations

from typing import Any

META_TABLE = "meta"  # {"1": {"last_id": {"<table>": n}, ...}}


def last_id(tables: dict[str, dict[str, Any]] | None, table: str) -> int:
    """The highest doc id a table has given out, moved-out ones included."""
    tables = tables or {}
    given = meta(tables).get("last_id", {})
    floor = given.get(table, 0) if isinstance(given, dict) else 0
    if isinstance(floor, bool) or not isinstance(floor, int):
        floor = 0
    return max([floor, *(int(key) for key in tables.get(table, {}))])


def meta(tables: dict[str, dict[str, Any]] | None) -> dict[str, Any]:
    """The journal's own bookkeeping (the meta table's one document)."""
    doc = (tables or {}).get(META_TABLE, {}).get("1", {})
    return doc if isinstance(doc, dict) else {}


def with_meta(tables: dict[str, dict[str, Any]], **changes: Any) -> dict[str, dict[str, Any]]:
    """tables with the given meta fields replaced."""
    return {**tables, META_TABLE: {"1": {**meta(tables), **changes}}}


def with_last_id(tables: dict[str, dict[str, Any]], table: str, value: int) -> dict[str, dict[str, Any]]:
    """tables with the meta table's last id of `table` set to `value`."""
    given = meta(tables).get("last_id")
    return with_meta(tables, last_id={**(given if isinstance(given, dict) else {}), table: value})

"""What a journal-shaped file holds: an object of tables, each an object of
documents keyed by whole-number ids. read() refuses anything else, so write()
refuses it too, before any file is touched (what is written can be read back)."""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any


def json_kind(value: Any) -> str:
    """How a value looks in JSON ("a JSON array"), for messages."""
    kinds = {list: "a JSON array", str: "a JSON string", bool: "a JSON boolean"}
    if value is None:
        return "JSON null"
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return "a JSON number"
    return kinds.get(type(value), "a JSON value")


def is_doc_id(key: Any) -> bool:
    """A document key as JSON stores it ("12") or as TinyDB hands it over (12)."""
    if isinstance(key, str):
        return key.isascii() and key.isdigit()
    return isinstance(key, int) and not isinstance(key, bool) and key >= 0


def shape_problem(data: Any) -> str | None:
    """Why `data` is not an object of tables of documents, as the end of a
    sentence about the file ("holds a JSON array where ..."); None if it is."""
    if not isinstance(data, Mapping):
        return f"holds {json_kind(data)} where an object of tables was expected"
    for name, table in data.items():
        if not isinstance(name, str):
            return f"has a table named {name!r}, which is not text"
        if not isinstance(table, Mapping):
            return f'has a table "{name}" that is {json_kind(table)} instead of an object'
        seen: set[int] = set()
        for doc_id, doc in table.items():
            if not is_doc_id(doc_id):
                return f'has an entry "{doc_id}" in table "{name}" whose id is not a whole number'
            if int(doc_id) in seen:
                return f'has the id {doc_id} twice in table "{name}"'
            seen.add(int(doc_id))
            if not isinstance(doc, Mapping):
                return (f'has an entry "{doc_id}" in table "{name}" that is '
                        f"{json_kind(doc)} instead of an object")
    return None

"""Typed field checks shared by the routine, plan and settings loaders."""

from __future__ import annotations

from collections.abc import Iterable
from pathlib import Path
from typing import Any

from tui.core.common.errors import DataFileError, raise_all
from tui.core.common.terminal_text import first_control

_TYPE_NAMES = {str: "text", int: "a whole number", list: "a list", bool: "true or false"}


def _type_name(value: Any) -> str:
    if isinstance(value, bool):
        return "true/false"
    if isinstance(value, dict):
        return "a table"
    return _TYPE_NAMES.get(type(value), type(value).__name__)


class Fields:
    """Reads fields of one TOML table; every error names file, item and field."""

    def __init__(self, path: Path, table: Any, item: str | None = None) -> None:
        self.path = path
        self.item = item
        if not isinstance(table, dict):
            raise self.error(None, f"must be a table, got {_type_name(table)}")
        self.table = table

    def error(self, field: str | None, message: str) -> DataFileError:
        return DataFileError(self.path, message, item=self.item, field=field)

    def check_known(self, allowed: Iterable[str]) -> None:
        """Every unknown key is reported, not only the first."""
        allowed = list(allowed)
        unknown = [
            self.error(key, f"unknown field (allowed: {', '.join(allowed)})")
            for key in self.table if key not in allowed
        ]
        raise_all(unknown)

    def required(self, key: str) -> Any:
        if key not in self.table:
            raise self.error(key, "missing")
        return self.table[key]

    def text(self, key: str, *, default: str | None = None) -> str:
        value = self.required(key) if default is None else self.table.get(key, default)
        if not isinstance(value, str):
            raise self.error(key, f"must be text, got {_type_name(value)}")
        if not value.strip():
            raise self.error(key, "must not be empty")
        control = first_control(value, lines=True)  # it would act on the terminal showing it
        if control is not None:
            raise self.error(key, f"must not contain control characters (found {control})")
        return value.strip()

    def integer(self, key: str, low: int, high: int, *, default: int | None = None) -> int:
        value = self.required(key) if default is None else self.table.get(key, default)
        if isinstance(value, bool) or not isinstance(value, int):
            raise self.error(key, f"must be a whole number, got {_type_name(value)}")
        if not low <= value <= high:
            raise self.error(key, f"must be between {low} and {high}, got {value}")
        return value

    def flag(self, key: str, *, default: bool = False) -> bool:
        """An optional true/false field."""
        value = self.table.get(key, default)
        if not isinstance(value, bool):
            raise self.error(key, f"must be true or false, got {_type_name(value)}")
        return value

    def choice(self, key: str, choices: Iterable[str], *, default: str | None = None) -> str:
        choices = list(choices)
        value = self.text(key, default=default)
        if value not in choices:
            raise self.error(key, f"'{value}' is not one of: {', '.join(choices)}")
        return value

    def choices(self, key: str, choices: Iterable[str]) -> tuple[str, ...]:
        choices = list(choices)
        value = self.required(key)
        if not isinstance(value, list):
            raise self.error(key, f"must be a list, got {_type_name(value)}")
        if not value:
            raise self.error(key, "must not be empty")
        raise_all([
            self.error(key, f"{entry!r} is not one of: {', '.join(choices)}")
            for entry in value if not isinstance(entry, str) or entry not in choices
        ])
        return tuple(dict.fromkeys(value))

    def table_list(self, key: str) -> list:
        value = self.required(key)
        if not isinstance(value, list):
            raise self.error(key, f"must be a list of tables, got {_type_name(value)}")
        if not value:
            raise self.error(key, "must not be empty")
        return value

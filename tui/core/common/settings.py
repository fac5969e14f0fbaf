"""User settings: a small TOML file in the config folder, and unit formatting.

A bad value never stops the app: it is reported (file and key) and the default
is used for that key only. Theme names are a Textual idea, so the caller passes
the valid ones in; this module stays headless.
"""

from __future__ import annotations

import json
import os
from collections.abc import Iterable
from dataclasses import dataclass
from dataclasses import fields as dataclass_fields
from datetime import time
from pathlib import Path
from typing import Any

from tui.core.common.atomic import DIR_MODE, write_atomically
from tui.core.common.errors import DataFileError
from tui.core.common.fields import Fields, _type_name
from tui.core.common.folder_setting import read_folder
from tui.core.common.tomlfile import read_bytes_limited, read_toml
from tui.core.common.when import parse_clock

UNITS = ("metric", "imperial")
PAUSE_RANGE = (0, 30)
ML_PER_OZ = 29.5735


@dataclass(frozen=True)
class Settings:
    units: str = "metric"
    bedtime: time = time(22, 30)
    get_ready_seconds: int = 5
    switch_sides_seconds: int = 5
    sound: bool = True
    theme: str = "textual-dark"
    voice: bool = False  # spoken cues through espeak-ng
    watch_folder: Path | None = None  # where watch files are looked for; None (or "" in the file): the default


KEYS = tuple(f.name for f in dataclass_fields(Settings))  # the one list of keys: file, screen and tests follow it
DEFAULTS = Settings()


def boolean(fields: Fields, key: str, default: bool) -> bool:
    """A true/false field (Fields has no boolean reader of its own)."""
    value = fields.table.get(key, default)
    if not isinstance(value, bool):
        raise fields.error(key, f"must be true or false, got {_type_name(value)}")
    return value


def _read(fields: Fields, key: str, themes: list[str] | None) -> Any:
    default = getattr(DEFAULTS, key)
    if key == "units":
        return fields.choice(key, UNITS, default=default)
    if key == "bedtime":
        if isinstance(fields.table.get(key), time):  # an unquoted TOML time: 22:30:00
            return fields.table[key].replace(second=0, microsecond=0)
        try:
            return parse_clock(fields.text(key, default=default.strftime("%H:%M")))
        except ValueError as error:
            raise fields.error(key, str(error)) from None
    if key in ("get_ready_seconds", "switch_sides_seconds"):
        return fields.integer(key, *PAUSE_RANGE, default=default)
    if key in ("sound", "voice"):
        return boolean(fields, key, default)
    if key == "watch_folder":
        return read_folder(fields, key)
    if themes is not None:
        return fields.choice(key, themes, default=default)
    return fields.text(key, default=default)


def settings_from_table(
    table: dict, path: Path, themes: Iterable[str] | None = None
) -> tuple[Settings, list[DataFileError]]:
    """Settings from a parsed table; each bad or unknown key is one error."""
    themes = list(themes) if themes is not None else None
    errors: list[DataFileError] = []
    values: dict[str, Any] = {}
    fields = Fields(path, table)
    for key in table:
        if key not in KEYS:
            try:
                Fields(path, {key: None}).check_known(KEYS)
            except DataFileError as error:
                errors.append(error)
    for key in KEYS:
        try:
            values[key] = _read(fields, key, themes)
        except DataFileError as error:
            errors.append(error)
    return Settings(**values), errors


def load_settings(
    path: Path, themes: Iterable[str] | None = None
) -> tuple[Settings, list[DataFileError]]:
    """The user's settings; a missing file is all defaults, a broken one too (plus the error)."""
    if not path.exists():
        return Settings(), []
    try:
        table = read_toml(path)
    except DataFileError as error:
        return Settings(), [error]
    return settings_from_table(table, path, themes)


def to_table(settings: Settings) -> dict[str, Any]:
    """The settings as the file holds them: times as "HH:MM", folders as text ("" for the default)."""
    def value(v: Any) -> Any:
        if isinstance(v, time):
            return v.strftime("%H:%M")
        if isinstance(v, Path) or v is None:
            return "" if v is None else str(v)
        return v

    return {key: value(getattr(settings, key)) for key in KEYS}


def to_toml(settings: Settings) -> str:
    def value(v: Any) -> str:
        if isinstance(v, bool):
            return "true" if v else "false"
        return json.dumps(v, ensure_ascii=False) if isinstance(v, str) else str(v)

    lines = ["# recovery-tui settings (written by the app; edit freely)"]
    lines += [f"{key} = {value(v)}" for key, v in to_table(settings).items()]
    return "\n".join(lines) + "\n"


def save_settings(path: Path, settings: Settings) -> None:
    """Write the whole file at once, privately (0600), through store/atomic.py.

    A settings.toml that is a symbolic link (a dotfile manager's) stays one:
    the file it points to is rewritten. Comments, blank lines and keys of
    the user's are kept (tomlkit edits the file in place); a file that
    cannot be read as TOML is replaced by a fresh one, as before. A missing
    folder is created 0700. Raises OSError.
    """
    target = Path(os.path.realpath(path))
    target.parent.mkdir(parents=True, exist_ok=True, mode=DIR_MODE)
    text = _edited(target, settings) or to_toml(settings)
    write_atomically(target, text.encode("utf-8"))


def _edited(path: Path, settings: Settings) -> str | None:
    """The user's file with the settings' values put in; None if there is no
    readable TOML file to edit."""
    import tomlkit  # only saving edits TOML in place; reading uses the standard tomllib

    try:
        document = tomlkit.parse(read_bytes_limited(path).decode("utf-8"))
    except (DataFileError, UnicodeDecodeError, tomlkit.exceptions.TOMLKitError):
        return None
    defaults = to_table(DEFAULTS)
    for key, value in to_table(settings).items():
        if key in document or value != defaults[key]:
            document[key] = value
    return tomlkit.dumps(document)


# -- units ---------------------------------------------------------------------------


def fahrenheit_to_celsius(degrees: float) -> float:
    return (degrees - 32) * 5 / 9


def _volume_number(ml: float, units: str) -> int:
    if units == "imperial":
        return round(ml / ML_PER_OZ)
    return round(ml / 25) * 25 if ml >= 100 else round(ml)


def _temperature_number(celsius: float, units: str) -> int:
    return round(celsius * 9 / 5 + 32) if units == "imperial" else round(celsius)


def format_volume_range(low_ml: float, high_ml: float, units: str) -> str:
    """16 and 20 oz in ml -> "475-600 ml" or "16-20 oz" (ml rounded to 25 from 100 ml up)."""
    low, high = _volume_number(low_ml, units), _volume_number(high_ml, units)
    return f"{low}-{high} {'oz' if units == 'imperial' else 'ml'}"


def format_temperature_range(low_c: float, high_c: float, units: str) -> str:
    low, high = _temperature_number(low_c, units), _temperature_number(high_c, units)
    return f"{low}-{high} {'°F' if units == 'imperial' else '°C'}"

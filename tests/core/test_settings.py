"""Settings: good files, each bad key reported with file and key, saving, units."""

from __future__ import annotations

from datetime import time

import pytest

from tui.core.common.settings import (
    Settings,
    format_temperature_range,
    format_volume_range,
    load_settings,
    save_settings,
    settings_from_table,
)

THEMES = ["textual-dark", "textual-light", "nord"]
GOOD = '''units = "imperial"
bedtime = "23:15"
get_ready_seconds = 0
switch_sides_seconds = 30
sound = false
theme = "nord"
'''
EXPECTED = Settings("imperial", time(23, 15), 0, 30, False, "nord")


def write(tmp_path, text):
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_is_all_defaults_and_creates_nothing(tmp_path):
    path = tmp_path / "config" / "settings.toml"
    settings, errors = load_settings(path, THEMES)
    assert errors == [] and settings == Settings()
    assert settings == Settings("metric", time(22, 30), 5, 5, True, "textual-dark")
    assert not path.parent.exists()


def test_good_file(tmp_path):
    assert load_settings(write(tmp_path, GOOD), THEMES) == (EXPECTED, [])
    assert load_settings(write(tmp_path, 'bedtime = "7:05"\n'))[0].bedtime == time(7, 5)
    assert load_settings(write(tmp_path, 'bedtime = 21:40:00\n'))[0].bedtime == time(21, 40)  # TOML time


BAD = [
    ("units", '"furlongs"', "'furlongs' is not one of: metric, imperial"),
    ("units", "1", "must be text, got a whole number"),
    ("bedtime", '"25:00"', "must be a time of day like 22:30, got '25:00'"),
    ("bedtime", '"10pm"', "like 22:30"),
    ("bedtime", "2024-11-22", "must be text, got date"),
    ("get_ready_seconds", "31", "must be between 0 and 30, got 31"),
    ("get_ready_seconds", "-1", "must be between 0 and 30"),
    ("switch_sides_seconds", '"5"', "must be a whole number, got text"),
    ("switch_sides_seconds", "2.5", "must be a whole number"),
    ("sound", '"yes"', "must be true or false, got text"),
    ("sound", "1", "must be true or false"),
    ("theme", '"neon"', "'neon' is not one of: textual-dark, textual-light, nord"),
    ("theme", '""', "must not be empty"),
]


@pytest.mark.parametrize("key, value, message", BAD, ids=[f"{k}={v}" for k, v, _ in BAD])
def test_a_bad_value_is_reported_and_only_that_key_is_defaulted(tmp_path, key, value, message):
    text = "\n".join(f"{key} = {value}" if line.startswith(f"{key} =") else line
                     for line in GOOD.splitlines())
    path = write(tmp_path, text)
    settings, [error] = load_settings(path, THEMES)
    assert str(error).startswith(f"{path}: field '{key}': ")
    assert message in str(error)
    assert settings == Settings(**{**EXPECTED.__dict__, key: getattr(Settings(), key)})


def test_every_bad_key_and_unknown_key_is_reported(tmp_path):
    path = write(tmp_path, 'units = "si"\nsound = "loud"\ncolour = "red"\nbedtime = "21:00"\n')
    settings, errors = load_settings(path, THEMES)
    assert settings == Settings(bedtime=time(21, 0))
    messages = [str(e) for e in errors]
    assert len(messages) == 3
    assert messages[0].startswith(f"{path}: field 'colour': unknown field (allowed: units, bedtime")
    assert any("field 'units'" in m for m in messages) and any("field 'sound'" in m for m in messages)


def test_broken_toml_is_all_defaults_and_one_error(tmp_path):
    path = write(tmp_path, 'units = "imperial"\nbedtime = 22:30 pm\n')
    settings, [error] = load_settings(path, THEMES)
    assert settings == Settings()
    assert str(error).startswith(f"{path}: invalid TOML") and "line 2" in str(error)
    path.write_bytes(b"units = '\xff'")
    assert "not UTF-8" in str(load_settings(path)[1][0])


def test_themes_are_checked_only_when_given(tmp_path):
    path = write(tmp_path, 'theme = "whatever-textual-ships-next"\n')
    assert load_settings(path) == (Settings(theme="whatever-textual-ships-next"), [])
    assert load_settings(path, THEMES)[0].theme == "textual-dark"


def test_settings_from_a_table_for_the_settings_screen(tmp_path):
    settings, errors = settings_from_table({"bedtime": "21:45", "sound": False}, tmp_path / "s.toml")
    assert errors == [] and settings == Settings(bedtime=time(21, 45), sound=False)


def test_save_round_trips_creating_the_folder(tmp_path):
    path = tmp_path / "new" / "folder" / "settings.toml"
    save_settings(path, EXPECTED)
    assert load_settings(path, THEMES) == (EXPECTED, [])
    odd = Settings(theme='my "quoted" theme\\é')
    save_settings(path, odd)  # replaces the old file
    assert load_settings(path) == (odd, [])
    assert [p.name for p in path.parent.iterdir()] == ["settings.toml"]  # no temp file left
    assert path.read_text().splitlines()[1:3] == ['units = "metric"', 'bedtime = "22:30"']


def test_unit_formatting():
    assert format_volume_range(473.2, 475, "metric") == "475-475 ml"  # to 25 ml from 100 ml up
    assert format_volume_range(473.2, 475, "imperial") == "16-16 oz"
    assert format_volume_range(60, 90, "metric") == "60-90 ml"  # to 1 ml below 100 ml
    assert format_volume_range(16 * 29.5735, 20 * 29.5735, "metric") == "475-600 ml"
    assert format_volume_range(16 * 29.5735, 20 * 29.5735, "imperial") == "16-20 oz"
    assert format_temperature_range(13, 100, "metric") == "13-100 °C"
    assert format_temperature_range(13, 100, "imperial") == "55-212 °F"
    assert format_temperature_range(12.78, 15.56, "imperial") == "55-60 °F"
    assert format_temperature_range(12.78, 15.56, "metric") == "13-16 °C"

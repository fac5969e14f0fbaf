"""Settings: good files, each bad key reported with file and key, saving, units."""

from __future__ import annotations

from datetime import time
from pathlib import Path

import pytest

from tui.core.common.folder_setting import watch_folder
from tui.core.common.settings import (
    KEYS,
    Settings,
    format_temperature_range,
    format_volume_range,
    load_settings,
    save_settings,
    settings_from_table,
    to_toml,
)

THEMES = ["textual-dark", "textual-light", "nord"]
GOOD = '''units = "imperial"
bedtime = "23:15"
get_ready_seconds = 0
switch_sides_seconds = 30
sound = false
theme = "nord"
voice = true
watch_folder = "/"
'''
EXPECTED = Settings(units="imperial", bedtime=time(23, 15), get_ready_seconds=0, switch_sides_seconds=30,
                    sound=False, theme="nord", voice=True, watch_folder=Path("/"))


def write(tmp_path, text):
    path = tmp_path / "settings.toml"
    path.write_text(text, encoding="utf-8")
    return path


def test_missing_file_is_all_defaults_and_creates_nothing(tmp_path):
    path = tmp_path / "config" / "settings.toml"
    settings, errors = load_settings(path, THEMES)
    assert errors == [] and settings == Settings()
    assert (settings.units, settings.bedtime, settings.theme, settings.watch_folder) == (
        "metric", time(22, 30), "textual-dark", None)
    assert (settings.get_ready_seconds, settings.switch_sides_seconds, settings.sound, settings.voice) == (
        5, 5, True, False)
    assert not path.parent.exists()


def test_the_good_file_sets_every_key_to_something_else_than_its_default():
    """GOOD and EXPECTED follow KEYS: a new key makes this fail until both hold it."""
    assert [line.split(" = ")[0] for line in GOOD.splitlines()] == list(KEYS)
    assert all(getattr(EXPECTED, key) != getattr(Settings(), key) for key in KEYS)


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
    ("voice", '"on"', "must be true or false, got text"),
    ("watch_folder", '"/no/such/folder"', "the folder '/no/such/folder' does not exist"),
    ("watch_folder", '"Downloads"', "must be a full path like ~/Downloads, got 'Downloads'"),
    ("watch_folder", "3", "must be text, got a whole number"),
    ("watch_folder", '"/tmp/\\u001b[2J"', "must not contain control characters"),
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
    assert [line.split(" = ")[0] for line in path.read_text().splitlines()[1:]] == list(KEYS)


def test_a_watch_folder_that_is_a_file_is_refused_and_an_empty_one_is_the_default(tmp_path):
    (tmp_path / "runs.fit").write_bytes(b"")
    path = write(tmp_path, f'watch_folder = "{tmp_path / "runs.fit"}"\n')
    settings, [error] = load_settings(path)
    assert str(error) == f"{path}: field 'watch_folder': '{tmp_path / 'runs.fit'}' is a file, not a folder"
    assert settings.watch_folder is None
    assert load_settings(write(tmp_path, 'watch_folder = ""\n')) == (Settings(), [])


def test_a_watch_folder_from_home_is_kept_as_written_and_saved_so(tmp_path, monkeypatch):
    monkeypatch.setenv("HOME", str(tmp_path))
    (tmp_path / "Garmin exports").mkdir()
    path = write(tmp_path, 'watch_folder = "~/Garmin exports"\n')
    settings, errors = load_settings(path)
    assert errors == [] and settings.watch_folder == Path("~/Garmin exports")
    assert watch_folder(settings.watch_folder, tmp_path) == tmp_path / "Garmin exports"
    save_settings(path, settings)
    assert 'watch_folder = "~/Garmin exports"' in path.read_text()
    assert 'watch_folder = ""' in to_toml(Settings())  # the key is in a new file, empty for the default


def test_the_default_watch_folder_is_downloads_if_there_is_one_else_home(tmp_path):
    assert watch_folder(None, tmp_path) == tmp_path
    (tmp_path / "Downloads").mkdir()
    assert watch_folder(None, tmp_path) == tmp_path / "Downloads"
    assert watch_folder(Path("/media/watch"), tmp_path) == Path("/media/watch")


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

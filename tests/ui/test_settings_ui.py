"""The settings screen: edit, save to the file, refuse bad values, ask before discarding."""

from __future__ import annotations

from dataclasses import replace
from datetime import time

import pytest
from textual import events
from textual.widgets import Select, Static

from tests.ui.helpers import make_app, settle, settle_workers, wait_until
from tui.core.common.settings import DEFAULTS, KEYS, load_settings, to_table
from tui.dialogs.confirm import ConfirmScreen
from tui.screens.home import HomeScreen
from tui.screens.settings import LABELS, SettingsScreen


async def open_settings(app, pilot) -> SettingsScreen:
    await pilot.press("s")
    await pilot.pause()
    assert isinstance(app.screen, SettingsScreen)
    return app.screen


async def retype(pilot, widget_id: str, text: str) -> None:
    """Focus an input, clear it with keys and type new text."""
    pilot.app.screen.query_one(f"#{widget_id}").focus()
    await pilot.press("ctrl+a", "ctrl+k", *text)


async def paste_into(pilot, widget_id: str, text: str) -> None:
    """Focus an input, clear it with keys and paste text, as a terminal sends a
    paste: one event (a long path typed a key at a time is 40 ms a character)."""
    pilot.app.screen.query_one(f"#{widget_id}").focus()
    await pilot.press("ctrl+a", "ctrl+k")
    pilot.app.post_message(events.Paste(text))
    await pilot.pause()


def error_text(screen) -> str:
    return str(screen.query_one("#settings-error", Static).render())


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_edit_and_save_writes_the_file_and_applies_the_theme(tmp_path):
    path = tmp_path / "config" / "settings.toml"
    app = make_app(settings_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(app, pilot)
        assert str(path) in str(screen.query_one("#settings-path", Static).render())
        await pilot.press("enter", "down", "enter")  # units: metric -> imperial
        await retype(pilot, "bedtime", "21:45")
        await retype(pilot, "get_ready_seconds", "10")
        await retype(pilot, "switch_sides_seconds", "0")
        screen.query_one("#sound").focus()
        await pilot.press("space")
        screen.query_one("#theme", Select).value = "nord"
        await pilot.pause()
        assert app.theme == "nord"  # previewed before saving
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert app.theme == "nord"
    saved, errors = load_settings(path)
    assert errors == []
    assert saved == app.settings
    assert (saved.units, saved.bedtime, saved.get_ready_seconds) == ("imperial", time(21, 45), 10)
    assert (saved.switch_sides_seconds, saved.sound, saved.theme) == (0, False, "nord")
    assert app.get_ready == 10 and app.quiet


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_enter_in_a_field_saves_too(tmp_path):
    path = tmp_path / "settings.toml"
    app = make_app(settings_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_settings(app, pilot)
        await retype(pilot, "bedtime", "23:05")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    assert load_settings(path)[0].bedtime == time(23, 5)


async def test_bad_bedtime_is_reported_by_field_and_nothing_is_saved(tmp_path):
    path = tmp_path / "settings.toml"
    app = make_app(settings_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(app, pilot)
        await retype(pilot, "bedtime", "25:00")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert app.screen is screen
        assert error_text(screen) == "Bedtime: must be a time of day like 22:30, got '25:00'"
        assert app.focused is screen.query_one("#bedtime")
        assert app.settings == DEFAULTS
    assert not path.exists()


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_seconds_out_of_range_and_empty_are_refused(tmp_path):
    path = tmp_path / "settings.toml"
    app = make_app(settings_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(app, pilot)
        await retype(pilot, "get_ready_seconds", "45")
        await retype(pilot, "switch_sides_seconds", "")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen
        assert error_text(screen).splitlines() == [
            "Get ready: must be between 0 and 30, got 45",
            "Switch sides: must be a whole number, got text",
        ]
        await retype(pilot, "get_ready_seconds", "30")
        await retype(pilot, "switch_sides_seconds", "3")
        await pilot.press("ctrl+s")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    saved = load_settings(path)[0]
    assert (saved.get_ready_seconds, saved.switch_sides_seconds) == (30, 3)


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_escape_without_changes_just_leaves(tmp_path):
    app = make_app(settings_path=tmp_path / "settings.toml")
    async with app.run_test(size=(80, 24)) as pilot:
        await open_settings(app, pilot)
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_escape_with_changes_asks_and_discarding_restores_the_theme(tmp_path):
    path = tmp_path / "settings.toml"
    app = make_app(settings_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(app, pilot)
        screen.query_one("#theme", Select).value = "dracula"
        await pilot.pause()
        assert app.theme == "dracula"
        await pilot.press("escape")
        await pilot.pause()
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("n")  # keep editing
        await pilot.pause()
        assert app.screen is screen and app.theme == "dracula"
        await pilot.press("escape")
        await pilot.pause()
        await pilot.press("y")  # discard
        await pilot.pause()
        assert isinstance(app.screen, HomeScreen)
        assert app.theme == DEFAULTS.theme and app.settings == DEFAULTS
    assert not path.exists()


async def test_every_key_has_its_row_and_a_watch_folder_that_does_not_exist_is_refused(tmp_path):
    """The form follows settings.KEYS (a key without a row fails here), and the
    watch-files folder must exist: the error names the field, the screen the file."""
    path = tmp_path / "settings.toml"
    app = make_app(settings_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(app, pilot)
        assert list(LABELS) == list(KEYS)
        assert screen.form_table() == to_table(DEFAULTS) and not screen.changed
        await paste_into(pilot, "watch_folder", str(tmp_path / "gone"))
        assert screen.form_table()["watch_folder"] == str(tmp_path / "gone")
        await pilot.press("ctrl+s")
        await pilot.pause()
        assert app.screen is screen and screen.changed
        assert error_text(screen) == f"Watch files: the folder '{tmp_path / 'gone'}' does not exist"
        (tmp_path / "gone").mkdir()
        await pilot.press("ctrl+s")
        await settle_workers(app)
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
    assert load_settings(path) == (replace(DEFAULTS, watch_folder=tmp_path / "gone"), [])

"""Settings: edit the settings file with the same checks (and messages) as loading it."""

from __future__ import annotations

from pathlib import Path

from rich.text import Text
from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.validation import Integer
from textual.widgets import Button, Input, Label, Select, Static, Switch

from tui.app_services import AppServices
from tui.core.common.settings import KEYS, PAUSE_RANGE, settings_from_table, to_table
from tui.dialogs.confirm import ConfirmScreen
from tui.widgets.footer import Footer
from tui.widgets.header import Header

LABELS = {  # one row a key of settings.KEYS, each control's id its key
    "units": "Units", "bedtime": "Bedtime", "get_ready_seconds": "Get ready",
    "switch_sides_seconds": "Switch sides", "sound": "Sound", "theme": "Theme", "voice": "Voice",
    "watch_folder": "Watch files",
}
UNIT_CHOICES = [("Metric (ml, °C)", "metric"), ("Imperial (oz, °F)", "imperial")]
LOW, HIGH = PAUSE_RANGE


def whole_number(text: str) -> int | str:
    """An int when the text is one; else the text, for settings_from_table to report."""
    try:
        return int(text.strip())
    except ValueError:
        return text


class SettingsScreen(Screen):
    BINDINGS = [
        Binding("escape", "leave", "Back"),
        Binding("ctrl+s", "save", "Save", priority=True),
    ]
    CSS_PATH = "settings.tcss"
    app = getters.app(AppServices)
    units_field = getters.query_one("#units", Select)
    error_line = getters.query_one("#settings-error", Static)

    def compose(self) -> ComposeResult:
        settings, themes = self.app.settings, sorted(self.app.available_themes)
        pauses = [Integer(LOW, HIGH)]
        yield Header()
        with VerticalScroll(id="settings"):
            yield Static(self._path_text(), id="settings-path")
            yield self._row("units", Select(UNIT_CHOICES, value=settings.units, allow_blank=False,
                                            compact=True, id="units"), "for drinks and bath water")
            bedtime = Input(settings.bedtime.strftime("%H:%M"), placeholder="22:30", compact=True, id="bedtime")
            yield self._row("bedtime", bedtime, "HH:MM, 24-hour; times the evening steps")
            for key, hint in (("get_ready_seconds", "before each stretch"),
                              ("switch_sides_seconds", "to change sides")):
                yield self._row(key, Input(str(getattr(settings, key)), type="integer", validators=pauses,
                                           compact=True, id=key), f"seconds {hint} ({LOW}-{HIGH})")
            yield self._row("sound", Switch(settings.sound, id="sound"), "a bell when a stretch changes")
            yield self._row("voice", Switch(settings.voice, id="voice"), "spoken cues (needs espeak-ng)")
            yield self._row("theme", Select([(t, t) for t in themes], value=settings.theme, allow_blank=False,
                                            compact=True, id="theme"), "shown as you choose")
            folder = Input(to_table(settings)["watch_folder"], placeholder="~/Downloads, else home",
                           compact=True, id="watch_folder")
            yield self._row("watch_folder", folder, "the folder to look in for runs")
            yield Static(id="settings-error")
            yield Button("Save (ctrl+s)", variant="primary", id="settings-save", compact=True)
        yield Footer()

    @staticmethod
    def _row(key: str, control, hint: str) -> Horizontal:
        return Horizontal(Label(LABELS[key]), control, Label(hint, classes="hint"), classes="setting")

    def _path_text(self) -> Text:
        path = self.app.settings_path
        if path is None:
            return Text("Settings apply to this session only (no settings file).")
        # "Saved to" is for the notice after a save: before one, nothing is saved yet.
        state = "ctrl+s saves here" if path.exists() else "not created yet: ctrl+s creates it"
        return Text.assemble("Settings file: ", (str(path), "bold"), f" ({state})")

    def on_mount(self) -> None:
        self.units_field.focus()

    def form_table(self) -> dict:
        """The form's values, keyed and typed as in the settings file (the control of a key has its id)."""
        return {key: self._value(self.query_one(f"#{key}")) for key in KEYS}

    @staticmethod
    def _value(control) -> object:
        if isinstance(control, Input):
            return whole_number(control.value) if control.type == "integer" else control.value.strip()
        return control.value  # a Select's or a Switch's

    @property
    def changed(self) -> bool:
        return self.form_table() != to_table(self.app.settings)

    @on(Select.Changed, "#theme")
    def preview_theme(self, event: Select.Changed) -> None:
        if isinstance(event.value, str) and event.value in self.app.available_themes:
            self.app.theme = event.value

    @on(Button.Pressed, "#settings-save")
    @on(Input.Submitted)
    def action_save(self) -> None:
        path = self.app.settings_path or Path("settings.toml")
        new, errors = settings_from_table(self.form_table(), path, sorted(self.app.available_themes))
        message = self.error_line
        if errors:
            message.update("\n".join(f"{LABELS.get(e.field or '', e.field)}: {e.message}" for e in errors))
            if errors[0].field in LABELS:
                self.query_one(f"#{errors[0].field}").focus()
            return
        message.update("")
        self.app.apply_settings(new)  # saved off the UI thread: this screen closes now
        self.app.pop_screen()

    def action_leave(self) -> None:
        if not self.changed:
            self.leave()
            return

        def answered(discard: bool | None) -> None:
            if discard:
                self.leave()

        self.app.push_screen(ConfirmScreen("Discard changes?", "Your edits to the settings are not saved.",
                                           yes="Discard", no="Keep editing"), callback=answered)

    def leave(self) -> None:
        """Back without saving: undo a theme preview."""
        self.app.theme = self.app.settings.theme
        self.app.pop_screen()

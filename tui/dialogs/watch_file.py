""""From the watch file…": the newest activity files of a mounted watch and
of the watch-files folder set in the settings; the one picked is read in a
thread worker and its one-line summary shown (as `recovery-tui import`
prints it) before it is used."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.content import Content
from textual.message import Message
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.core.common.terminal_text import visible
from tui.core.watch.examine import DUPLICATE, NEW, Examined
from tui.core.watch.readers import INSTALL_HINT, missing_libraries
from tui.core.watch.sources import ActivityFile
from tui.dialogs.base import DialogScreen

USE, BACK = "use", "back"
PICK_HINT = "Enter reads the file, Esc cancels."


@dataclass
class FilesFound(Message):
    files: list[ActivityFile]


@dataclass
class FileRead(Message):
    result: Examined


class WatchFileScreen(DialogScreen[Examined | None]):
    """Dismisses with the file's run (new, or already imported), or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    choices = getters.query_one("#watch-files", OptionList)
    detail = getters.query_one("#detail", Label)

    def __init__(self, now: datetime, find_files: Callable[[], list[ActivityFile]],
                 read_file: Callable[[ActivityFile], Examined], units: str, folder: Path) -> None:
        super().__init__()
        self.folder = folder  # the settings' watch-files folder, named when nothing is found
        self.now = now
        self.find_files = find_files
        self.read_file = read_file
        self.units = units
        self.files: list[ActivityFile] = []
        self.result: Examined | None = None

    def compose_dialog(self) -> ComposeResult:
        yield Label("Which watch file is the run?", id="question")
        yield OptionList(id="watch-files")
        yield Label("Looking for activity files…", id="detail", markup=False)  # file names are not markup

    def on_mount(self) -> None:
        if missing_libraries():
            self.say(INSTALL_HINT, error=True)
            return
        self.choices.focus()
        self.find()

    def say(self, text: str, error: bool = False) -> None:
        self.detail.update(text)
        self.detail.set_class(error, "error")

    @work(thread=True, exclusive=True, group="watch-file")
    def find(self) -> None:
        self.post_message(FilesFound(self.find_files()))

    @on(FilesFound)
    def show_files(self, event: FilesFound) -> None:
        self.files = event.files
        self.result = None
        choices = self.choices
        choices.clear_options()
        if not self.files:
            self.say(f"No .fit, .tcx or .gpx file in a mounted watch's GARMIN/Activity or in {visible(str(self.folder))}"
                     " (the watch-files folder of the settings).")
            return
        choices.add_options(
            Option(Content(f"{visible(f.name)} ({f.modified.astimezone(self.now.tzinfo):%a %d %b %H:%M})"), id=str(i))
            for i, f in enumerate(self.files))
        choices.highlighted = 0
        self.say(PICK_HINT)

    @work(thread=True, exclusive=True, group="watch-file")
    def read(self, file: ActivityFile) -> None:
        self.post_message(FileRead(self.read_file(file)))

    @on(FileRead)
    def show_result(self, event: FileRead) -> None:
        result = self.result = event.result
        usable = result.status in (NEW, DUPLICATE)
        self.say(visible(result.summary(self.now, self.units)), error=not usable)
        choices = self.choices
        choices.clear_options()
        if usable:
            label = "Use this run" if result.status == NEW else "Go to this run's plan"
            choices.add_option(Option(label, id=USE))
        choices.add_option(Option("Back to the list", id=BACK))
        choices.highlighted = 0

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        event.stop()
        if event.option.id == USE:
            self.dismiss(self.result)
        elif event.option.id == BACK:
            self.post_message(FilesFound(self.files))
        else:
            file = self.files[int(event.option.id or 0)]
            self.say(f"Reading {file.name}…")
            self.read(file)

    def action_cancel(self) -> None:
        self.dismiss(None)

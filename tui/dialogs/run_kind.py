"""Ask (optionally) what kind of run it was before the plan starts."""

from __future__ import annotations

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Label, OptionList
from textual.widgets.option_list import Option

from tui.core.common.ids import RUN_KINDS
from tui.dialogs.base import DialogScreen

NOT_SAYING = "-"


class RunKindScreen(DialogScreen[str | None]):
    """Dismisses with a run kind, "" for "rather not say", or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    kinds = getters.query_one(OptionList)

    def compose_dialog(self) -> ComposeResult:
        yield Label("You just finished a run. What kind was it?", id="question")
        yield OptionList(
            *(Option(kind.capitalize(), id=kind) for kind in RUN_KINDS),
            Option("Rather not say", id=NOT_SAYING),
            id="run-kinds",
        )
        yield Label("Enter picks, Esc cancels.", id="detail")

    def on_mount(self) -> None:
        self.kinds.focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        self.dismiss("" if event.option.id == NOT_SAYING else event.option.id)

    def action_cancel(self) -> None:
        self.dismiss(None)

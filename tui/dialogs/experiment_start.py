"""Start a self-experiment: which practice, after which runs, how many runs."""

from __future__ import annotations

from dataclasses import dataclass

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal
from textual.widgets import Label, OptionList, Select
from textual.widgets.option_list import Option

from tui.core.common.ids import RUN_KINDS
from tui.core.experiments.design import DEFAULT_RUNS, MIN_RUNS
from tui.core.experiments.result import planned_runs_note
from tui.dialogs.base import DialogScreen

RUN_COUNTS = (MIN_RUNS, 6, DEFAULT_RUNS, 12, 16, 20)


@dataclass(frozen=True)
class StartChoice:
    practice: str
    after: str | None
    runs: int


class ExperimentStartScreen(DialogScreen[StartChoice | None]):
    """Dismisses with what to start, or None when cancelled."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    practices = getters.query_one("#experiment-practices", OptionList)
    after = getters.query_one("#experiment-after", Select)
    runs = getters.query_one("#experiment-runs", Select)

    def __init__(self, choices: list[tuple[str, str]]) -> None:
        """`choices`: (practice id, its name), in the order to offer them."""
        super().__init__()
        self.choices = choices

    def compose_dialog(self) -> ComposeResult:
        yield Label("Which practice should the coin decide on?", id="question")
        yield OptionList(*(Option(name, id=practice) for practice, name in self.choices),
                         id="experiment-practices")
        with Horizontal(id="experiment-options"):
            yield Select([("after any run", "any"), *((f"after {k} runs", k) for k in RUN_KINDS)],
                         value="any", allow_blank=False, id="experiment-after")
            yield Select([(f"{n} runs", n) for n in RUN_COUNTS], value=DEFAULT_RUNS, allow_blank=False,
                         id="experiment-runs")
        yield Label(self.detail_text(DEFAULT_RUNS), id="detail")

    @staticmethod
    def detail_text(runs: int) -> str:
        text = "Enter starts it with the practice highlighted; half the runs get it, half do not. Esc cancels."
        note = planned_runs_note(runs)
        return text if note is None else f"{text}\n{note}"

    def on_mount(self) -> None:
        self.practices.focus()

    @on(Select.Changed, "#experiment-runs")
    def runs_changed(self, event: Select.Changed) -> None:
        if isinstance(event.value, int):
            self.query_one("#detail", Label).update(self.detail_text(event.value))

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        after = self.after.value
        runs = self.runs.value
        self.dismiss(StartChoice(str(event.option.id), None if after == "any" else str(after),
                                 runs if isinstance(runs, int) else DEFAULT_RUNS))

    def action_cancel(self) -> None:
        self.dismiss(None)

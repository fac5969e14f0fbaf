"""What happened: exercises done and skipped, time spent."""

from __future__ import annotations

from rich.text import Text
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import Footer, Static

from tui.core.model import format_duration
from tui.screens.runner import RunResult


def summary_text(result: RunResult) -> Text:
    routine, report = result.routine, result.report
    total = len(routine.exercises)
    text = Text()
    headline = "Routine complete" if report.completed else "Routine ended early"
    text.append(f"{headline}: {routine.name}\n\n", style="bold")
    text.append(f"Exercises done: {len(report.done)} of {total}\n")
    text.append(f"Time spent: {format_duration(report.seconds_spent)}\n")
    if report.skipped:
        names = ", ".join(routine.exercises[i].name for i in report.skipped)
        text.append(f"Skipped: {names}\n", style="dim")
    text.append("\nNice work. Drink something and be kind to your legs today.")
    return text


class SummaryScreen(Screen):
    BINDINGS = [
        Binding("enter", "done", "Done"),
        Binding("escape", "done", "Home", show=False),
    ]

    def __init__(self, result: RunResult) -> None:
        super().__init__()
        self.result = result

    def compose(self) -> ComposeResult:
        with Vertical(id="summary"):
            yield Static(summary_text(self.result), id="summary-text")
        yield Footer()

    def action_done(self) -> None:
        self.dismiss()

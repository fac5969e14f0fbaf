"""The after-run plan: recovery steps on a timeline, ticked as the evening goes."""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Label, Static

from tui.core.plan import DueStep
from tui.core.runs import DONE, SKIPPED, practices_for, step_state
from tui.core.storage import JournalError
from tui.widgets.footer import Footer
from tui.widgets.header import Header

STATE_LOOK = {
    DONE: ("✓ done", "green"),
    SKIPPED: ("– skipped", "dim"),
    "overdue": ("overdue", "bold red"),
    "due": ("due now", "bold yellow"),
    "due-soon": ("soon", "yellow"),
    "upcoming": ("later", "dim"),
}
REFRESH_SECONDS = 30


def due_text(step: DueStep, ended) -> str:
    start, end = step.start.strftime("%H:%M"), step.end.strftime("%H:%M")
    window = start if start == end else f"{start}–{end}"
    return window if step.start.date() == ended.date() else f"{step.start:%a} {window}"


class PlanTable(DataTable):
    """Enter is handled by the table itself, in key order, and shown in the footer."""

    BINDINGS = [Binding("enter", "select_cursor", "Start / tick")]


class PlanScreen(Screen):
    BINDINGS = [
        Binding("d", "mark_done", "Done"),
        Binding("x", "skip", "Skip"),
        Binding("escape", "app.pop_screen", "Back"),
    ]
    DEFAULT_CSS = """
    PlanScreen #plan { padding: 0 1; }
    PlanScreen #plan-heading { text-style: bold; margin: 1 0; }
    PlanScreen #plan-table { height: 1fr; }
    PlanScreen #plan-detail { height: auto; min-height: 4; margin-top: 1; }
    """

    def __init__(self, run: dict, steps: list[DueStep], heading: str) -> None:
        super().__init__()
        self.run = run
        self.steps = steps
        self.heading = heading

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="plan"):
            yield Label(self.heading, id="plan-heading")
            yield PlanTable(id="plan-table", cursor_type="row")
            yield Static(id="plan-detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_column("Due", key="due")
        table.add_column("Step", key="step")
        table.add_column("Status", key="status", width=10)
        for step in self.steps:
            title = step.title + (" (optional)" if step.optional else "")
            table.add_row(due_text(step, self.steps[0].start), Text(title), "", key=step.id)  # text, not markup
        self.refresh_states()
        table.focus()
        self.set_interval(REFRESH_SECONDS, self.refresh_states)

    def refresh_states(self) -> None:
        table = self.query_one(DataTable)
        now = self.app.now()
        for step in self.steps:
            label, style = STATE_LOOK[step_state(step, self.run, now)]
            table.update_cell(step.id, "status", Text(label, style=style))
        self.show_detail()

    @property
    def current(self) -> DueStep | None:
        table = self.query_one(DataTable)
        return self.steps[table.cursor_row] if self.steps else None

    @on(DataTable.RowHighlighted)
    def show_detail(self) -> None:
        step = self.current
        if step is None:
            return
        text = Text()
        text.append(f"{step.title}\n", style="bold")
        text.append(step.detail)
        if step.routine:
            text.append("\nEnter starts the routine; finishing it ticks this step.", style="dim")
        elif step.timer_seconds:
            text.append(f"\nEnter starts a {step.timer_seconds // 60}-minute timer.", style="dim")
        self.query_one("#plan-detail", Static).update(text)

    @on(DataTable.RowSelected)
    def action_do_step(self) -> None:
        step = self.current
        if step is None:
            return
        if step.routine:
            self.app.start(step.routine, on_complete=lambda: self.tick(step))
        elif step.timer_seconds:
            self.app.start_timed_step(step, on_complete=lambda: self.tick(step))
        else:
            self.tick(step)

    def action_mark_done(self) -> None:
        if self.current is not None:
            self.tick(self.current)

    def action_skip(self) -> None:
        step = self.current
        if step is not None:
            self.run["skipped"] = list(dict.fromkeys([*self.run["skipped"], step.id]))
            self.run["practices"] = [p for p in self.run["practices"] if p not in practices_for(step)]
            self.refresh_states()
            self.save(lambda journal: journal.skip_steps(self.run["id"], [step.id]))

    def tick(self, step: DueStep) -> None:
        ids = practices_for(step)
        self.run["practices"] = list(dict.fromkeys([*self.run["practices"], *ids]))
        self.run["skipped"] = [s for s in self.run["skipped"] if s != step.id]
        self.refresh_states()
        self.save(lambda journal: journal.record_practices(self.run["id"], ids))

    @work(thread=True, group="journal-write")
    def save(self, change) -> None:
        journal = self.app.journal
        if journal is None or self.run.get("id") is None:
            return
        try:
            change(journal)
        except JournalError as error:
            self.app.call_from_thread(self.app.journal_problem, error)

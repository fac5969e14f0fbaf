"""The after-run plan: recovery steps on a timeline, ticked as the evening goes."""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

from rich.cells import cell_len
from rich.text import Text
from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Vertical, VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from tui.app_services import AppServices
from tui.core.common.errors import DataFileError
from tui.core.journal.records import FieldError, reopened, skipped, ticked
from tui.core.journal.store.errors import JournalError
from tui.core.journal.writer import Change
from tui.core.plan.definition import DueStep
from tui.core.plan.lengths import not_ticked_words
from tui.core.plan.run_plan import PlanSource, RunPlan, run_plan
from tui.core.plan.runs import DONE, SKIPPED, is_done, practices_for, run_end, step_state
from tui.core.plan.view import STATE_WORDS, next_due_step, step_title, window_words
from tui.core.routines.evidence import Evidence, shipped_evidence
from tui.min_size import NARROW_BELOW
from tui.threads import in_thread
from tui.widgets.drawn_text import PREVIEW_NAME_CELLS, fitted, paragraph
from tui.widgets.footer import Footer
from tui.widgets.header import Header
from tui.widgets.packed_text import PackedText

STATE_STYLE = {
    DONE: "green",
    SKIPPED: "dim",
    "overdue": "bold red",
    "due": "bold yellow",
    "soon": "yellow",
    "later": "dim",
    "dropped": "dim italic",
}
REFRESH_SECONDS = 30
NARROW_DUE = 11  # "08:05-08:19"
NARROW_CHROME = 3  # the screen's padding and the table's scrollbar (plan.tcss)
WIDE_CHROME = 4  # the same from NARROW_BELOW columns up, where the scrollbar is 2 wide
STATUS_WIDTH = 12  # "skip tonight"
JOURNAL_POLL_SECONDS = 2  # a stat of the journal file: `did` in another terminal shows up


def file_stamp(path: Path) -> tuple[int, int] | None:
    """What changes when the journal file is written (None if there is none)."""
    try:
        stat = path.stat()
    except OSError:
        return None
    return stat.st_mtime_ns, stat.st_size


def step_evidence(step: DueStep) -> Evidence | None:
    """What reviews found for the step's practice (none if the shipped file cannot be read)."""
    try:
        return shipped_evidence().get(step.id)
    except DataFileError:
        return None


class PlanTable(DataTable):
    """Enter is handled by the table itself, in key order, and shown in the footer."""

    BINDINGS = [Binding("enter", "select_cursor", "Start / tick")]


class PlanScreen(Screen):
    BINDINGS = [
        Binding("d", "mark_done", "Done / undo"),
        Binding("x", "skip", "Skip / undo"),
        Binding("escape", "app.pop_screen", "Back"),
    ]
    CSS_PATH = "plan.tcss"
    app = getters.app(AppServices)
    table = getters.query_one(DataTable)
    detail = getters.query_one("#plan-detail", Static)
    heading_label = getters.query_one("#plan-heading", PackedText)

    def __init__(self, run: dict[str, Any], planned: RunPlan) -> None:
        super().__init__()
        self.run = run
        self.steps = planned.steps
        self.heading = planned.heading
        self.problems = planned.problems
        self.notes = planned.notes  # self-experiments' lines, kept when the run is re-timed
        self._stamp: tuple[int, int] | None = None
        self._writes = 0  # counts this screen's saves: a reload read before one is stale
        self._journal_lock = threading.Lock()
        self.narrow = False  # two-line rows below NARROW_BELOW columns (see add_columns)
        self.step_width: int | None = None  # the Step column's, when names must wrap to fit
        self.columns_width = 0  # the screen's width the columns were made for
        self._windows: dict[str, str] = {}  # each step's "Due" words, by step id

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="plan"):
            yield PackedText(self.heading, id="plan-heading")  # at 40 columns, a line per item
            yield PlanTable(id="plan-table", cursor_type="row")
            with VerticalScroll(id="plan-detail-scroll", can_focus=False):  # the table keeps the keys
                yield Static(id="plan-detail")
        yield Footer()

    def on_mount(self) -> None:
        table = self.table
        self.narrow = self.size.width < NARROW_BELOW
        self.fill_table()
        due = next_due_step(self.steps, self.run, self.app.now())
        if due is not None:  # the cursor starts on the step to do next
            table.move_cursor(row=self.steps.index(due))
        table.focus()
        self.report_problems(self.problems)
        self.set_interval(REFRESH_SECONDS, self.refresh_states)
        if self.journal_path is not None:
            self._stamp = file_stamp(self.journal_path)
            self.set_interval(JOURNAL_POLL_SECONDS, self.check_journal)

    def report_problems(self, problems: list[DataFileError]) -> None:
        """One notice for the user plan file's problems, each line as `recovery-tui validate` words it."""
        if problems:
            self.notify("\n".join(str(error) for error in problems),
                        title="Your plan file has problems: using the built-in plan",
                        severity="warning", timeout=30)

    def add_columns(self) -> None:
        """Due, step and status; narrow (a phone held upright), the status under the
        time in two-line rows, so that the step's name has the width."""
        table = self.table
        padding = 2 * table.cell_padding
        self.columns_width = self.size.width
        if not self.narrow:  # a name too long for the room left (60 columns) wraps in a two-line row
            room = self.size.width - WIDE_CHROME - NARROW_DUE - STATUS_WIDTH - 3 * padding
            longest = max((cell_len(self.step_name(step)) for step in self.steps), default=0)
            self.step_width = max(room, 8) if longest > room else None
            # Widths given, never measured: a table cleared and refilled with the same
            # columns (a second resize) kept the lines drawn before its cells were measured.
            due = max((cell_len(words) for words in self._windows.values()), default=0)
            table.add_column("Due", key="due", width=max(due, len("Due")))
            table.add_column("Step", key="step", width=self.step_width or max(longest, len("Step")))
            table.add_column("Status", key="status", width=STATUS_WIDTH)
            return
        room = self.size.width - NARROW_CHROME - NARROW_DUE - 2 * padding
        self.step_width = max(room, 8)
        table.add_column("Due", key="due", width=NARROW_DUE)
        table.add_column("Step", key="step", width=self.step_width)

    def windows(self) -> dict[str, str]:
        """Each step's "Due" words, by step id."""
        ended = run_end(self.run, self.app.now())
        return {step.id: window_words(step, ended) for step in self.steps}

    @staticmethod
    def step_name(step: DueStep) -> str:
        return fitted(step_title(step))

    def row_height(self, step: DueStep) -> int:
        """Two lines narrow (the status under the time) and for a name wider than its column."""
        wraps = self.step_width is not None and cell_len(self.step_name(step)) > self.step_width
        return 2 if self.narrow or wraps else 1

    def on_resize(self) -> None:
        narrow = self.size.width < NARROW_BELOW
        table = self.table
        if table.columns and self.size.width != self.columns_width:  # after on_mount built them
            self.narrow = narrow
            self.fill_table()

    def fill_table(self, row: int | None = None) -> None:
        """The columns, fitted to the steps' times and names, and a row a step."""
        table = self.table
        row = table.cursor_row if row is None else row
        table.clear(columns=True)
        self._windows = self.windows()
        self.add_columns()
        for step in self.steps:
            cells = [self._windows[step.id], Text(self.step_name(step))]  # text, not markup
            table.add_row(*cells, *([] if self.narrow else [""]), key=step.id, height=self.row_height(step))
        table.move_cursor(row=min(row, len(self.steps) - 1))
        self.refresh_states()

    def refresh_states(self) -> None:
        table = self.table
        now = self.app.now()
        for step in self.steps:
            state = step_state(step, self.run, now)
            words = Text(STATE_WORDS[state], style=STATE_STYLE[state])
            if self.narrow:
                table.update_cell(step.id, "due", Text("\n").join([Text(self._windows[step.id]), words]))
            else:
                table.update_cell(step.id, "status", words)
        self.show_detail()

    @property
    def current(self) -> DueStep | None:
        table = self.table
        return self.steps[table.cursor_row] if self.steps else None

    @on(DataTable.RowHighlighted)
    def show_detail(self) -> None:
        step = self.current
        if step is None:
            return
        text = Text()
        text.append(f"{fitted(step.title, PREVIEW_NAME_CELLS)}\n", style="bold")
        if step.dropped:
            text.append("Does not fit before bed tonight: skip it, or do it anyway if you feel like it.\n",
                        style="italic")
        text.append(paragraph(step.detail))
        evidence = step_evidence(step)
        if evidence is not None:
            text.append(f"\n{evidence.text()}", style="dim")
        if step.choices:
            text.append("\nEnter or d asks which one you do: the journal keeps the one you chose.", style="dim")
        elif step.routine:
            text.append("\nEnter starts the routine; finishing it with at least half its holding "
                        "time ticks this step (or tick it with d).", style="dim")
        elif step.timer_seconds:
            text.append(f"\nEnter starts a {step.timer_seconds // 60}-minute timer.", style="dim")
        self.detail.update(text)

    @on(DataTable.RowSelected)
    def action_do_step(self) -> None:
        step = self.current
        if step is None:
            return
        if step.choices and not is_done(step, self.run):
            self.choose(step, start=True)
        elif step.routine or step.timer_seconds:
            self.do_timed(step)
        else:
            self.tick(step)

    @work(group="plan-step", exit_on_error=False)
    async def choose(self, row: DueStep, start: bool = False) -> None:
        """Which choice of an either-or row: started (its timer, if it has
        one) with Enter, ticked with d."""
        from tui.dialogs.either_or import EitherOrScreen

        chosen = await self.app.push_screen_wait(EitherOrScreen(row, "start" if start else "did"))
        choice = next((c for c in row.choices if c.id == chosen), None)
        if choice is None:
            return
        if start and (choice.routine or choice.timer_seconds):
            self.do_timed(choice)
        else:
            self.tick(choice)

    @work(group="plan-step", exit_on_error=False)
    async def do_timed(self, step: DueStep) -> None:
        """The step's routine (then its summary), or its own countdown (an ice
        bath); one that counts as done ticks the step."""
        from tui.screens.summary import play
        from tui.screens.timed_step import TimedStepScreen

        if step.routine:
            result = await play(self.app, step.routine)
        else:
            result = await self.app.push_screen_wait(TimedStepScreen(step, clock=self.app.clock, now=self.app.now))
        if result is None:
            return
        if result.report.counts_as_practice:
            self.tick(step)
            return
        words = not_ticked_words(result.report)  # finished, but too little held: say so
        if words:
            self.notify(words, title=step.title, severity="warning", timeout=20)

    def action_mark_done(self) -> None:
        """Tick the step; on a ticked one, undo it."""
        step = self.current
        if step is None:
            return
        if is_done(step, self.run):
            self.reopen(step)
        elif step.choices:
            self.choose(step)
        else:
            self.tick(step)

    def action_skip(self) -> None:
        """Skip the step; on a skipped one, undo it."""
        step = self.current
        if step is None:
            return
        if any(i in self.run["skipped"] for i in step.ids):
            self.reopen(step)
            return
        self.run.update(skipped(self.run, list(step.ids), practices_for(step)))
        self.refresh_states()
        self.save(lambda journal: journal.skip_steps(self.run["id"], list(step.ids), practices_for(step)))

    def tick(self, step: DueStep) -> None:
        ids = practices_for(step)
        self.run.update(ticked(self.run, ids))
        self.refresh_states()
        self.save(lambda journal: journal.record_practices(self.run["id"], ids))

    def reopen(self, step: DueStep) -> None:
        """Back to open: neither done nor skipped."""
        ids = practices_for(step)
        self.run.update(reopened(self.run, ids))
        self.refresh_states()
        self.save(lambda journal: journal.reopen_steps(self.run["id"], ids))

    def save(self, change: Change) -> None:
        """Through the app's one write path; a failure is said there."""
        if self.run.get("id") is None:
            return
        self._writes += 1  # a reload read before this write lands is stale
        self.app.write("plan step", change)

    # -- the journal changing underneath (`did` or `plan` in another terminal) --

    @property
    def journal_path(self) -> Path | None:
        journal = self.app.journal
        return journal.path if journal is not None and self.run.get("id") is not None else None

    def check_journal(self) -> None:
        if self.journal_path is None:
            return
        stamp = file_stamp(self.journal_path)
        if stamp != self._stamp:
            self._stamp = stamp
            self.reload_run()

    @work(exclusive=True, group="plan-reload", exit_on_error=False)
    async def reload_run(self) -> None:
        """Show the run as the journal now has it (re-timed if its end or kind changed)."""
        writes = self._writes
        try:
            run, planned = await in_thread(self, self.read_run, JournalError, FieldError, group="plan-reload")
        except (JournalError, FieldError):
            return  # gone or damaged: the next write says so
        if writes != self._writes:
            return  # this screen saved meanwhile: what was read is stale
        self.run = run
        if planned is None:
            self.refresh_states()
            return
        self.steps, self.heading = planned.steps, planned.heading
        self.report_problems(planned.problems)
        self.heading_label.set_text(self.heading)
        self.fill_table()

    def read_run(self) -> tuple[dict[str, Any], RunPlan | None]:
        """The run as the journal has it, and its plan anew if it was re-timed."""
        journal = self.app.journal
        assert journal is not None  # polled only with a journal (see journal_path)
        with self._journal_lock:
            run = journal.run(self.run["id"])
        if (run["time"], run["run_kind"]) == (self.run["time"], self.run["run_kind"]):
            return run, None
        app = self.app
        source = PlanSource.standard(app.library.routines, app.settings)
        try:
            return run, run_plan(source, run, app.now(), app.settings.bedtime, app.settings.units, self.notes)
        except DataFileError as error:
            self.notify(str(error), title="Plan", severity="error")
            return run, None

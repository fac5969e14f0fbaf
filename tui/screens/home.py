"""Home: routines grouped by kind, with a preview of the highlighted one."""

from __future__ import annotations

import asyncio
from contextlib import suppress
from datetime import datetime
from typing import TYPE_CHECKING

from rich.table import Table
from rich.text import Text
from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, VerticalScroll
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option, OptionDoesNotExist
from textual.worker import WorkerError

from tui.app_services import AppServices
from tui.core.common.terminal_text import visible
from tui.core.common.when import format_duration
from tui.core.routines.model import KIND_LABELS, Routine
from tui.core.routines.timer import planned_seconds
from tui.messages import JournalUnreadable
from tui.widgets.drawn_text import PREVIEW_NAME_CELLS, fitted, paragraph
from tui.widgets.footer import Footer
from tui.widgets.header import Header

if TYPE_CHECKING:
    from tui.core.journal.journal import Journal
    from tui.core.plan.definition import DueStep
    from tui.core.routines.loader import Library

Notices = tuple[tuple[str, str], tuple[str, str | None] | None]  # see read_notices
# How long home's first frame waits for its notices: a few milliseconds (the live
# journal holds this month and last); a slow or failing journal shows them later.
# Measured side by side on Textual 8 (10-year journal, tmux, loaded 2-CPU machine): the settled
# first frame came 141 ms and 461 ms sooner (two runs) than with the notices in a later frame.
NOTICES_WAIT = 0.1
START_HINT = "Press Enter to start."


def routine_line(routine: Routine, total: float) -> Table:
    """One line: the name, and at the right the whole length (`total`: see
    planned_seconds), so that the whole list fits beside a notice at 80x24."""
    line = Table.grid(expand=True, padding=(0, 1))
    line.add_column(ratio=1, no_wrap=True, overflow="ellipsis")
    line.add_column(justify="right", no_wrap=True)
    line.add_row(Text(fitted(routine.name)), Text(format_duration(total), style="dim"))
    return line


def routine_preview(routine: Routine, total: float) -> Text:
    text = Text()
    text.append(f"{fitted(routine.name, PREVIEW_NAME_CELLS)}\n", style="bold")
    count = len(routine.exercises)
    text.append(
        f"{KIND_LABELS[routine.kind]} · {count} exercise{'s' if count != 1 else ''} · {format_duration(total)}"
        f"{'' if routine.builtin else ' · your routine'}\n",
        style="dim",
    )
    if total > routine.total_seconds:
        text.append(f"{format_duration(routine.total_seconds)} of holds, the rest getting ready"
                    f"{' and switching sides' if any(e.sides == 2 for e in routine.exercises) else ''}\n",
                    style="dim")
    text.append(f"\n{paragraph(routine.description)}\n\n")
    for position, exercise in enumerate(routine.exercises, start=1):
        sides = " each side" if exercise.sides == 2 else ""
        text.append(f"{position:>2}. {fitted(exercise.name, PREVIEW_NAME_CELLS)}", style="bold")
        text.append(f"  {format_duration(exercise.seconds)}{sides}\n", style="dim")
    return text


class RoutineList(OptionList):
    """Enter selects in key order (a priority binding could overtake arrow keys)."""

    BINDINGS = [Binding("enter", "select", "Start")]


class HomeScreen(Screen):
    BINDINGS = [
        Binding("r", "app.just_ran", "Just ran"),
        Binding("l", "app.log_soreness", "Log soreness"),
        Binding("h", "history", "History"),
        Binding("i", "insights", "Insights"),
        Binding("e", "experiments", "Experiments", show=False),  # no room at 80 columns: Insights and the palette show it
        Binding("s", "settings", "Settings"),
        Binding("q", "app.quit", "Quit"),
    ]
    # Its styles are in the app's stylesheet (tui/app.tcss): Textual loads a screen's
    # CSS_PATH when the screen is pushed, and home is the default screen, never pushed.
    routine_list = getters.query_one("#routine-list", OptionList)
    next_step = getters.query_one("#next-step", Static)
    notices = getters.query_one("#home-notices", Static)
    preview = getters.query_one("#preview", Static)
    app = getters.app(AppServices)

    def __init__(self, library: Library) -> None:
        super().__init__()
        self.library = library
        self.previewed: str | None = None  # id of the routine in the preview
        self._shown_once = False

    def compose(self) -> ComposeResult:
        yield Header()
        with Horizontal(id="home-body"):
            yield RoutineList(*self._options(), id="routine-list")
            with VerticalScroll(id="preview-pane") as pane:
                pane.border_subtitle = START_HINT  # on the border: on screen however long the preview
                yield Static(self._first_preview(), id="preview")
        yield Static(id="next-step", markup=False)
        yield Static(id="home-notices")
        if self.library.errors:
            yield Static(self._errors_text(), id="load-errors")
        yield Footer()

    def _first_preview(self) -> Text | str:
        """The first routine's preview is composed with the list, so that it is in
        the first frame rather than in one after the highlight message."""
        first = next((r for routines in self.library.by_kind().values() for r in routines), None)
        if first is None:
            return "No routines found. Add a .toml file to your routines folder."
        self.previewed = first.id
        return routine_preview(first, self.total(first))

    def _options(self) -> list[Option]:
        options: list[Option] = []
        for kind, routines in self.library.by_kind().items():
            options.append(Option(Text(KIND_LABELS[kind], style="bold"), disabled=True))
            options.extend(Option(routine_line(r, self.total(r)), id=r.id) for r in routines)
        return options

    def total(self, routine: Routine) -> float:
        """As long as the session will take, with this user's pauses."""
        return planned_seconds(routine, self.app.get_ready, self.app.switch_sides)

    def _errors_text(self) -> Text:
        files = len({error.path for error in self.library.errors})  # a file may have several problems
        problems = len(self.library.errors)
        heading = f"{files} routine file{'s' if files != 1 else ''} could not be loaded"
        if problems > files:  # more than fit here, perhaps: say where to read them all
            heading += f" ({problems} problems; recovery-tui validate FILE lists them all)"
        text = Text(heading + ":\n", style="bold")
        for error in self.library.errors:
            text.append(f"• {visible(str(error))}\n")
        return text

    async def on_mount(self) -> None:
        routine_list = self.routine_list
        routine_list.focus()
        for index in range(routine_list.option_count):
            if not routine_list.get_option_at_index(index).disabled:
                routine_list.highlighted = index
                break
        self.app.journal_changed.subscribe(self, lambda _: self.load_notices())
        reading = self.load_notices()
        # Home's first frame waits for them a little (awaited: the app goes on meanwhile),
        # so that a second layout does not redraw home for them (see NOTICES_WAIT).
        with suppress(TimeoutError, WorkerError):
            await asyncio.wait_for(asyncio.shield(reading.wait()), NOTICES_WAIT)

    def on_screen_resume(self) -> None:
        """Back from the plan or a routine: the next step may have changed."""
        if self._shown_once:
            self.load_notices()
        self._shown_once = True

    @work(thread=True, exclusive=True, group="home-notices", exit_on_error=False)
    def load_notices(self) -> None:
        """Pain guard first, then the DOMS check-in, and the plan's next step
        after a run; read off the UI thread (a few milliseconds: the live
        journal holds this month and last), shown when read."""
        from tui.core.journal.store.errors import JournalError

        app = self.app
        journal = app.journal
        if journal is None or app.writer.failed is not None:
            return
        try:
            notices = self.read_notices(journal, app.now())
        except JournalError as error:
            self.post_message(JournalUnreadable(error))
            return
        app.call_from_thread(self.show_notices, *notices)

    def show_notices(self, notice: tuple[str, str], after_run: tuple[str, str | None] | None) -> None:
        if after_run is not None:
            self.show_after_run(*after_run)
        self.show_notice(*notice)
        journal = getattr(self.app, "journal", None)  # RecoveryApp's
        for line in journal.sync_news() if journal is not None else []:  # what an open merged (journal/sync/)
            self.notify(line, timeout=10)

    def read_notices(self, journal: Journal, now: datetime) -> Notices:
        """((notice, kind), (next step, routine to highlight) or None), from a worker thread."""
        from tui.core.journal.soreness import DOMS_UNTIL, GUARD_WINDOW, doms_checkin_due, guard_notice, pain_alerts
        from tui.core.journal.window import WINDOW_LIMIT

        # Both notices look back at most a week: the archive is not read.
        with journal.reading():  # the journal file is parsed once for both
            records = journal.records(since=now - max(GUARD_WINDOW, DOMS_UNTIL), kinds=("soreness", "session"),
                                      each=WINDOW_LIMIT)  # a crowded month: the newest (docs/data.md)
            after_run = self.read_after_run(journal, now)
        notice = guard_notice(pain_alerts(records, now))
        if notice:
            return (notice, "-pain"), after_run
        from tui.core.experiments.status import morning_reminder  # reads more only with an experiment

        with journal.reading():
            bedtime = self.app.settings.bedtime
            experiment = morning_reminder(journal, lambda: self.library.routines, bedtime, now)
        if experiment is not None:
            return (f"{experiment} Press l to log it.", "-checkin"), after_run
        session = doms_checkin_due(records, now)
        if session is not None:
            hours = int((now - datetime.fromisoformat(session["ended"])).total_seconds() // 3600)
            notice = (
                f"How do your legs feel today? Your {visible(session['routine_name'])} session "
                f"ended {hours} h ago; soreness often peaks a day or two after a run. "
                "Press l to log it."
            )
        return (notice, "-checkin"), after_run

    def read_after_run(self, journal: Journal, now: datetime) -> tuple[str, str | None] | None:
        """After a run recorded today (last night's, just after midnight): the
        plan's next step, and the post-run routine to highlight rather than the
        warm-up drills at the top."""
        from tui.core.common.errors import DataFileError
        from tui.core.journal.store.errors import JournalError

        settings = self.app.settings
        try:
            run = journal.current_run(now)
            if run is None:
                return None
            from tui.core.plan.run_plan import PlanSource, plan_steps  # the plan's code: after a run only
            from tui.core.plan.view import next_due_line

            source = PlanSource.standard(self.library.routines, settings)
            steps, _problems = plan_steps(source, run, now, settings.bedtime, settings.units)
        except (JournalError, DataFileError):
            return None  # the notices report a journal problem; the plan screen a plan one
        return next_due_line(steps, run, now), self.post_run_routine(steps)

    def post_run_routine(self, steps: list[DueStep]) -> str | None:
        """The routine to highlight after a run: the plan's stretch step's, else the first stretch."""
        for step in steps:
            routine = self.library.get(step.routine) if step.routine else None
            if routine is not None and routine.kind == "stretch":
                return routine.id
        stretches = self.library.by_kind().get("stretch", [])
        return stretches[0].id if stretches else None

    def show_after_run(self, line: str, routine_id: str | None) -> None:
        next_step = self.next_step
        next_step.update(f"After your run: {fitted(line, PREVIEW_NAME_CELLS)}" if line else "")
        next_step.set_class(bool(line), "-visible")
        if routine_id is None:
            return
        routine_list = self.routine_list
        with suppress(OptionDoesNotExist):
            routine_list.highlighted = routine_list.get_option_index(routine_id)

    def show_notice(self, notice: str, kind: str) -> None:
        notices = self.notices
        notices.update(Text(notice))  # not markup: it can quote the journal
        notices.set_class(bool(notice), "-visible")
        notices.set_class(kind == "-pain", "-pain")
        notices.set_class(kind == "-checkin", "-checkin")

    @property
    def highlighted_routine(self) -> Routine | None:
        routine_list = self.routine_list
        option = routine_list.highlighted_option
        return None if option is None or option.id is None else self.library.get(option.id)

    @on(OptionList.OptionHighlighted, "#routine-list")
    def show_preview(self) -> None:
        routine = self.highlighted_routine
        if routine is not None and routine.id != self.previewed:
            self.previewed = routine.id
            self.preview.update(routine_preview(routine, self.total(routine)))

    @on(OptionList.OptionSelected, "#routine-list")
    def routine_chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id:
            self.start(event.option.id)

    def start(self, routine_id: str) -> None:
        from tui.screens.summary import start  # a session's code: when one starts

        start(self.app, routine_id)

    def action_history(self) -> None:
        from tui.screens.history import HistoryScreen

        self.app.push_screen(HistoryScreen())

    def action_insights(self) -> None:
        from tui.screens.insights import InsightsScreen

        self.app.push_screen(InsightsScreen())

    def action_experiments(self) -> None:
        from tui.screens.experiments import ExperimentsScreen

        self.app.push_screen(ExperimentsScreen())

    def action_settings(self) -> None:
        from tui.screens.settings import SettingsScreen

        self.app.push_screen(SettingsScreen())

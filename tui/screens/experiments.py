"""Experiments: a fair coin decides which runs get a practice; the result
beside what reviews found. The figures and their words come from
tui/core/experiments; this screen only lays them out."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from rich.text import Text
from textual import getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.message import Message
from textual.screen import Screen
from textual.widgets import OptionList, Static
from textual.widgets.option_list import Option

from tui.app_services import AppServices
from tui.core.common.errors import DataFileError
from tui.core.experiments.design import NOT_RANDOMISED, new_seed
from tui.core.experiments.progress import Progress
from tui.core.experiments.result import result
from tui.core.experiments.status import read_progress, start_experiment, stop_experiment
from tui.core.experiments.words import reminder, result_lines, side_by_side, state_line
from tui.core.insights.stats import HELPS, WORSE
from tui.core.journal.store.errors import JournalError
from tui.core.plan.practices import PracticeNames, load_practice_names
from tui.core.plan.runs import practice_ids
from tui.core.routines.evidence import Evidence, shipped_evidence
from tui.dialogs.experiment_start import ExperimentStartScreen, StartChoice
from tui.widgets.footer import Footer
from tui.widgets.header import Header

INTRO = ("A fair coin decides which runs get the practice, so how you felt cannot tip the result. "
         "The plan says which it is tonight; the next morning's soreness is the result.")
EMPTY = ("No experiments yet. Press n to start one: pick a practice you are unsure about (an ice "
         "bath, foam rolling, a nap), and the coin splits your next runs in pairs, one with it and "
         "one without.")

VERDICT_STYLE = {HELPS: "bold green", WORSE: "bold red"}


@dataclass
class ExperimentsRead(Message):
    """What the worker read: each practice's newest experiment, and the words around them."""

    found: list[Progress]
    names: PracticeNames
    evidence: dict[str, Evidence] = field(default_factory=dict)
    problems: list[str] = field(default_factory=list)
    error: str = ""


def detail_text(progress: Progress, evidence: Evidence | None, now: datetime) -> Text:
    found = result(progress)
    text = Text()
    if progress.slots:
        text.append(f"So far: {', '.join(s.arm for s in progress.slots)}"
                    + ("; the next run's is shown after it" if progress.running else "") + "\n")
    text.append(side_by_side(found, evidence) + "\n", style=VERDICT_STYLE.get(found.verdict, "bold"))
    for line in result_lines(found):
        text.append(line + "\n")
    if evidence is not None:
        text.append(evidence.text() + "\n", style="dim")
    nudge = reminder(progress, now)
    if nudge:
        text.append(nudge, style="yellow")
    text.rstrip()
    return text


class ExperimentsScreen(Screen):
    BINDINGS = [
        Binding("n", "new", "New experiment"),
        Binding("x", "stop", "Stop"),
        Binding("escape", "app.pop_screen", "Back"),
        Binding("pagedown", "page(1)", "Scroll down", show=False),
        Binding("pageup", "page(-1)", "Scroll up", show=False),
    ]
    CSS_PATH = "experiments.tcss"
    app = getters.app(AppServices)
    page = getters.query_one("#experiments", VerticalScroll)
    listing = getters.query_one("#experiments-list", OptionList)
    detail = getters.query_one("#experiments-detail", Static)

    def __init__(self) -> None:
        super().__init__()
        self.found: list[Progress] = []
        self.names = PracticeNames()
        self.evidence: dict[str, Evidence] = {}


    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="experiments"):
            yield Static(INTRO, id="experiments-intro")
            yield OptionList(id="experiments-list", classes="-hidden")
            yield Static("Loading…", id="experiments-detail")
        yield Footer()

    def on_mount(self) -> None:
        self.load()

    # -- reading and writing, off the UI thread

    @work(thread=True, exclusive=True, group="experiments", exit_on_error=False)
    def load(self, change=None, what: str = "experiment") -> None:
        """Apply `change` through the app's write path if given, then read everything again."""
        app = self.app
        if change is not None and app.write_now(what, change, self) is None:
            return  # the failure is said by the app
        if app.journal is None:
            self.post_message(ExperimentsRead([], PracticeNames(), error="No journal is open."))
            return
        names = load_practice_names(app.library.routines)
        try:
            evidence = shipped_evidence()
        except DataFileError:
            evidence = {}
        try:
            found, problems = read_progress(app.journal, names, bedtime=app.settings.bedtime)
        except JournalError as error:
            self.post_message(ExperimentsRead([], names, evidence, error=str(error)))
            return
        self.post_message(ExperimentsRead(found, names, evidence, problems))

    @on(ExperimentsRead)
    def show(self, message: ExperimentsRead) -> None:
        self.found, self.names, self.evidence = message.found, message.names, message.evidence
        listing = self.listing
        highlighted = listing.highlighted
        listing.clear_options()
        listing.add_options(Option(state_line(p, self.names.name(p.experiment.practice)), id=str(p.experiment.id))
                            for p in self.found)
        listing.set_class(not self.found, "-hidden")
        if message.error:
            self.detail.update(Text(message.error, style="bold red"))
        elif not self.found:
            self.detail.update(EMPTY)
        else:
            listing.highlighted = min(highlighted or 0, len(self.found) - 1)
            listing.focus()
            self.show_detail()
        for problem in message.problems:
            self.notify(problem, title="Experiments", severity="warning", timeout=20)

    @on(OptionList.OptionHighlighted, "#experiments-list")
    def show_detail(self) -> None:
        progress = self.current
        if progress is not None:
            practice = progress.experiment.practice
            self.detail.update(detail_text(progress, self.evidence.get(practice), self.app.now()))

    @property
    def current(self) -> Progress | None:
        index = self.listing.highlighted
        return self.found[index] if self.found and index is not None and index < len(self.found) else None

    # -- keys

    def action_page(self, direction: int) -> None:
        """The list keeps the arrows; the page scrolls with Page Up and Page Down."""
        (self.page.scroll_page_down if direction > 0 else self.page.scroll_page_up)()

    def action_new(self) -> None:
        known = practice_ids(self.app.library.routines)
        busy = {p.experiment.practice for p in self.found if p.running}
        practices = dict.fromkeys(self.names.practice(p) or p for p in known)  # a routine counts as its step
        choices = [(p, self.names.name(p)) for p in practices if p not in NOT_RANDOMISED and p not in busy]
        self.app.push_screen(ExperimentStartScreen(choices), callback=self.start)

    def start(self, choice: StartChoice | None) -> None:
        if choice is None:
            return
        names, now, bedtime = self.names, self.app.now(), self.app.settings.bedtime
        self.load(lambda journal: start_experiment(journal, choice.practice, choice.after, choice.runs,
                                                   new_seed(), now, names, bedtime=bedtime))
        self.notify(f"Started: {names.name(choice.practice)} on {choice.runs} runs. "
                    "The plan says after each run which it is tonight.")

    def action_stop(self) -> None:
        from tui.dialogs.confirm import ConfirmScreen

        progress = self.current
        if progress is None or not progress.running:
            self.notify("Nothing to stop here: this experiment is not running.", severity="warning")
            return
        name = self.names.name(progress.experiment.practice)
        question = f"Stop the {name.lower()} experiment after {len(progress.slots)} of {progress.experiment.runs} runs?"

        def answered(stop: bool | None) -> None:
            if stop:
                now = self.app.now()
                self.load(lambda journal: stop_experiment(journal, progress.experiment, now))

        self.app.push_screen(ConfirmScreen(question, "The runs so far still count; no more will."), callback=answered)

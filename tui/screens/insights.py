"""Insights: which practices go with less soreness the next day, in the user's own records."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field

from rich.text import Text
from textual import getters, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from tui.app_services import AppServices
from tui.core.common.errors import DataFileError
from tui.core.experiments.words import evidence_beside
from tui.core.insights import words
from tui.core.insights.facts import read_facts
from tui.core.insights.findings import NOT_PROOF, Insight, area_insights, insights
from tui.core.insights.model import MIN_RUNS, runs_a_side_needed
from tui.core.insights.pairing import pair_runs
from tui.core.journal.archive import damaged_month_line
from tui.core.journal.journal import Journal
from tui.core.journal.store.errors import JournalError
from tui.core.plan.practices import load_practice_names
from tui.core.routines.evidence import shipped_evidence
from tui.min_size import NARROW_BELOW
from tui.threads import in_thread
from tui.widgets.footer import Footer
from tui.widgets.header import Header
from tui.widgets.insight_chart import interval_chart, verdict_style
from tui.widgets.insight_table import NARROW_HINT, area_text, columns, insight_row

ENOUGH_RUNS = (
    f"Numbers appear once a practice has {MIN_RUNS} rated runs with it and {MIN_RUNS} without; a verdict "
    f"takes more, about {runs_a_side_needed()} a side while your ratings vary as much as most people's "
    "(fewer if yours vary less), and this screen says how many more as they come in."
)
EMPTY = (
    "No runs in your journal yet, so there is nothing to compare.\n\n"
    "After a run, press r on the home screen to follow the after-run plan and tick what you do, "
    "or record it from the command line, e.g. `recovery-tui did foam-roll stretch`. "
    "The next morning, press l to rate your soreness.\n\n"
    + ENOUGH_RUNS
)
NOTHING_RATED = (
    "Your runs have nothing to compare yet: tick what you do in the after-run plan (r on home) "
    "or with `recovery-tui did`, and rate your soreness (l) the morning after the run.\n\n"
    + ENOUGH_RUNS
)
SHORT_HINT = "A run counts once you rate your soreness the morning after it."
MORE_BELOW = "▼ more below: ↓ or PgDn to scroll"


def sentences_text(found: list[Insight]) -> Text:
    text = Text()
    for insight in found:
        text.append(words.sentence(insight) + "\n", style=verdict_style(insight.verdict))
    text.rstrip()
    return text


@dataclass
class Read:
    """What the screen shows, read in a worker thread; the areas are worked
    out after the table is drawn (`per_area`)."""

    any_runs: bool = False
    ranked: list[Insight] = field(default_factory=list)
    left_out: str = ""
    damaged: list[str] = field(default_factory=list)
    per_area: Callable[[], dict[str, Insight | None]] = dict
    beside: list[str] = field(default_factory=list)  # what reviews found, beside her own result


def read_insights(app: AppServices, journal: Journal) -> Read:
    facts = read_facts(journal)
    damaged = [damaged_month_line(month, problem) for month, problem in sorted(facts.damaged_months.items())]
    if not facts.runs:
        return Read(damaged=damaged)
    names = load_practice_names(app.library.routines)
    pairing = pair_runs(facts, names, app.settings.bedtime)
    left_out = words.left_out_text(pairing.left_out(facts), pairing.without_outcome())
    ranked = insights(facts, names, pairing)
    try:
        beside = evidence_beside(ranked, shipped_evidence())
    except DataFileError:
        beside = []  # the shipped evidence file is checked by validate and its tests
    return Read(True, ranked, left_out, damaged, lambda: area_insights(facts, names, pairing), beside)


class InsightsScreen(Screen):
    BINDINGS = [Binding("escape,i", "app.pop_screen", "Back"),
                Binding("pagedown", "page_down", "More", priority=True),
                Binding("pageup", "page_up", "Back up", show=False, priority=True)]
    CSS_PATH = "insights.tcss"
    app = getters.app(AppServices)

    def __init__(self) -> None:
        super().__init__()
        self.narrow = False  # below NARROW_BELOW columns: fewer columns, areas' practices on lines of their own
        self.shown: tuple = ()  # show()'s arguments, to show them again when the width crosses NARROW_BELOW
        self.best: dict[str, Insight | None] | None = None

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="insights"):
            yield Static("Loading…", id="insights-headline")
            yield Static(id="insights-damaged", classes="-hidden")
            yield DataTable(id="insights-table", cursor_type="none", zebra_stripes=True, classes="-hidden")
            yield Static(id="insights-hint", classes="-hidden")
            yield Static(id="insights-sentences", classes="-hidden")
            yield Static(id="insights-chart", classes="-hidden")
            yield Static(id="insights-areas", classes="-hidden")
        yield Static(MORE_BELOW, id="insights-more", classes="-hidden")
        yield Footer()

    headline = getters.query_one("#insights-headline", Static)
    damaged = getters.query_one("#insights-damaged", Static)
    table = getters.query_one("#insights-table", DataTable)
    hint = getters.query_one("#insights-hint", Static)
    sentences = getters.query_one("#insights-sentences", Static)
    chart = getters.query_one("#insights-chart", Static)
    areas = getters.query_one("#insights-areas", Static)
    more = getters.query_one("#insights-more", Static)
    page = getters.query_one("#insights", VerticalScroll)

    def on_mount(self) -> None:
        table = self.table
        table.can_focus = False  # the page scrolls as one
        self.narrow = self.size.width < NARROW_BELOW
        table.add_columns(*columns(self.narrow))
        page = self.page
        page.focus()
        for name in ("scroll_y", "virtual_size", "size"):
            self.watch(page, name, self.show_more, init=False)
        self.load()

    def on_resize(self) -> None:
        narrow = self.size.width < NARROW_BELOW
        if narrow == self.narrow or not self.table.columns:
            return
        self.narrow = narrow
        self.table.clear(columns=True)
        self.table.add_columns(*columns(narrow))
        if self.shown:
            self.show(*self.shown)
        if self.best is not None:
            self.show_areas(self.best)

    def show_more(self, _value=None) -> None:
        """Say that the page scrolls while there is more below (and PgDn in the footer while it scrolls)."""
        page = self.page
        self.more.set_class(page.scroll_y >= page.max_scroll_y, "-hidden")
        self.refresh_bindings()

    def check_action(self, action: str, parameters: tuple[object, ...]) -> bool | None:
        if action in ("page_down", "page_up"):
            return self.page.max_scroll_y > 0
        return True

    def action_page_down(self) -> None:
        self.page.scroll_page_down()

    def action_page_up(self) -> None:
        self.page.scroll_page_up()

    @work(exclusive=True, exit_on_error=False)
    async def load(self) -> None:
        journal = self.app.journal
        if journal is None:
            self.show_error("No journal is open, so there is nothing to look at.")
            return
        try:
            read = await in_thread(self, lambda: read_insights(self.app, journal), JournalError)
        except JournalError as error:
            self.show_error(str(error))
            return
        self.show(read.ranked, NOTHING_RATED if read.any_runs else EMPTY, read.left_out, read.damaged, read.beside)
        if read.ranked:  # once the table is drawn: working them out now would slow its drawing down
            self.call_after_refresh(self.load_areas, read.per_area)

    @work(exclusive=True, group="insights-areas", exit_on_error=False)
    async def load_areas(self, per_area: Callable[[], dict[str, Insight | None]]) -> None:
        self.show_areas(await in_thread(self, per_area, group="insights-areas"))

    def show_error(self, message: str) -> None:
        self.headline.update(Text(message, style="bold red"))
        self.call_after_refresh(self.show_more)

    def show(self, found: list[Insight], empty: str = NOTHING_RATED, left_out: str = "",
             damaged: list[str] | None = None, beside: list[str] | None = None) -> None:
        self.shown = (found, empty, left_out, damaged, beside)
        if damaged:
            self.damaged.update(Text("\n".join(damaged), style="bold red"))
            self.damaged.remove_class("-hidden")
        if not found:
            self.headline.update(empty)
            self.call_after_refresh(self.show_more)
            return
        text = Text("What works for you: ", style="bold")
        text.append(NOT_PROOF, style="italic")
        text.append("\n" + words.RULE)
        if left_out:
            text.append("\n" + left_out, style="dim")
        text.append("\n" + words.COLUMNS, style="dim")
        if self.narrow:
            text.append("\n" + NARROW_HINT, style="dim")
        self.headline.update(text)
        table = self.table
        table.clear()
        table.add_rows(insight_row(insight, self.narrow) for insight in found)
        chart = interval_chart(found, narrow=self.narrow)
        short = any(insight.needed for insight in found)
        self.hint.update(SHORT_HINT if short else "")
        sentences = sentences_text(found)
        if beside:
            sentences.append("\n\nWhat reviews found, beside your own records:", style="bold")
            for line in beside:
                sentences.append("\n" + line, style="dim")
        self.sentences.update(sentences)
        self.chart.update(chart)
        for widget, visible in ((table, True), (self.hint, short), (self.sentences, True),
                                (self.chart, bool(chart))):
            widget.set_class(not visible, "-hidden")
        self.call_after_refresh(self.show_more)

    def show_areas(self, best: dict[str, Insight | None]) -> None:
        self.best = best
        areas = self.areas
        areas.update(area_text(best, self.narrow))
        areas.remove_class("-hidden")
        self.call_after_refresh(self.show_more)

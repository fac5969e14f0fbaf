"""Insights: which practices go with less soreness the next day, in the user's own records."""

from __future__ import annotations

from collections.abc import Callable

from rich.text import Text
from textual import getters, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import VerticalScroll
from textual.screen import Screen
from textual.widgets import DataTable, Static

from tui.app_services import AppServices
from tui.core.common.ids import area_label
from tui.core.insights.facts import read_facts
from tui.core.insights.findings import MIN_RUNS, NOT_PROOF, Insight, adjusted_text, area_insights, insights, outcomes, signed
from tui.core.journal.journal import Journal
from tui.core.journal.store.errors import JournalError
from tui.core.plan.practices import load_practice_names
from tui.threads import in_thread
from tui.widgets.footer import Footer
from tui.widgets.header import Header
from tui.widgets.insight_chart import interval_chart, verdict_style

EMPTY = (
    "No runs in your journal yet, so there is nothing to compare.\n\n"
    "After a run, press r on the home screen to follow the after-run plan and tick what you do, "
    "or record it from the command line, e.g. `recovery-tui did foam-roll stretch`. "
    "The next day, press l to rate your soreness.\n\n"
    f"Once a practice has {MIN_RUNS} rated runs with it and {MIN_RUNS} without, "
    "this screen shows whether it goes with less soreness the next day."
)
NOTHING_RATED = (
    "Your runs have nothing to compare yet: tick what you do in the after-run plan (r on home) "
    "or with `recovery-tui did`, and rate your soreness (l) 12-72 h after the run.\n\n"
    f"Once a practice has {MIN_RUNS} rated runs with it and {MIN_RUNS} without, "
    "this screen shows whether it goes with less soreness the next day."
)
SHORT_HINT = "A run counts once you rate your soreness 12-72 h after it."
EXPLAINED = (
    "\nWith, without: rated runs · mean soreness (0-10) the next day. Raw: with minus without. "
    "Adjusted: the same within each kind of run, averaged, so that long runs do not count against "
    "what you do after them. Greyed: its 95% interval includes 0, so no clear difference."
)


def runs(n: int) -> str:
    return f"{n} run{'s' if n != 1 else ''}"


def insight_row(insight: Insight) -> tuple[Text, ...]:
    """Practice, With, Without, Raw, Adjusted; a row short of data says what it needs."""
    if insight.difference is None:
        needed = f"{insight.needed} more run{'s' if insight.needed != 1 else ''} needed"
        return (Text(insight.name), Text(runs(insight.with_n), style="dim"),
                Text(runs(insight.without_n), style="dim"), Text(needed, style="dim"), Text(""))
    style = verdict_style(insight.verdict)
    adjusted = Text("no kind on both sides", style="dim") if insight.adjusted is None else \
        Text(signed(insight.adjusted.difference), style=style)
    return (
        Text(insight.name, style="dim" if style == "dim" else "bold"),
        Text(f"{runs(insight.with_n)} · {insight.with_mean:.1f}", style="dim" if style == "dim" else ""),
        Text(f"{runs(insight.without_n)} · {insight.without_mean:.1f}", style="dim" if style == "dim" else ""),
        Text(signed(insight.difference), style="dim"),
        adjusted,
    )


def area_text(best: dict[str, Insight | None]) -> Text:
    text = Text("Per area: the practice that helps most there\n", style="bold")
    for area, insight in best.items():
        text.append(f"  {area_label(area):<12}")
        if insight is None:
            text.append("no clear difference yet\n", style="dim")
        else:
            text.append(insight.name, style="bold green")
            text.append("  ")
            text.append(f"{adjusted_text(insight)}\n", style="dim")
    text.rstrip()
    return text


def read_insights(app: AppServices, journal: Journal) -> tuple[bool, list[Insight], Callable[[], dict[str, Insight | None]]]:
    """(any run at all, the ranked practices, what works out the best per
    area), in a worker thread: the table is shown before the areas are worked out."""
    facts = read_facts(journal)
    if not facts.runs:
        return False, [], dict
    names = load_practice_names(app.library.routines)
    runs = outcomes(facts, names)
    return True, insights(facts, names, runs), lambda: area_insights(facts, names, runs)


class InsightsScreen(Screen):
    BINDINGS = [Binding("escape,i", "app.pop_screen", "Back")]
    CSS_PATH = "insights.tcss"
    app = getters.app(AppServices)

    def compose(self) -> ComposeResult:
        yield Header()
        with VerticalScroll(id="insights"):
            yield Static("Loading…", id="insights-headline")
            yield DataTable(id="insights-table", cursor_type="none", zebra_stripes=True, classes="-hidden")
            yield Static(id="insights-hint", classes="-hidden")
            yield Static(id="insights-chart", classes="-hidden")
            yield Static(id="insights-areas", classes="-hidden")
        yield Footer()

    headline = getters.query_one("#insights-headline", Static)
    table = getters.query_one("#insights-table", DataTable)
    hint = getters.query_one("#insights-hint", Static)
    chart = getters.query_one("#insights-chart", Static)
    areas = getters.query_one("#insights-areas", Static)
    page = getters.query_one("#insights", VerticalScroll)

    def on_mount(self) -> None:
        table = self.table
        table.can_focus = False  # the page scrolls as one
        table.add_columns("Practice", "With", "Without", "Raw", "Adjusted")
        self.page.focus()
        self.load()

    @work(exclusive=True, exit_on_error=False)
    async def load(self) -> None:
        journal = self.app.journal
        if journal is None:
            self.show_error("No journal is open, so there is nothing to look at.")
            return
        try:
            any_runs, ranked, per_area = await in_thread(self, lambda: read_insights(self.app, journal), JournalError)
        except JournalError as error:
            self.show_error(str(error))
            return
        self.show(ranked, NOTHING_RATED if any_runs else EMPTY)
        if ranked:  # once the table is drawn: working them out now would slow its drawing down
            self.call_after_refresh(self.load_areas, per_area)

    @work(exclusive=True, group="insights-areas", exit_on_error=False)
    async def load_areas(self, per_area: Callable[[], dict[str, Insight | None]]) -> None:
        self.show_areas(await in_thread(self, per_area, group="insights-areas"))

    def show_error(self, message: str) -> None:
        self.headline.update(Text(message, style="bold red"))

    def show(self, found: list[Insight], empty: str = NOTHING_RATED) -> None:
        if not found:
            self.headline.update(empty)
            return
        text = Text("What works for you: ", style="bold")
        text.append(NOT_PROOF, style="italic")
        text.append(EXPLAINED, style="dim")
        self.headline.update(text)
        table = self.table
        table.clear()
        table.add_rows(insight_row(insight) for insight in found)
        chart = interval_chart(found)
        short = any(insight.difference is None for insight in found)
        self.hint.update(SHORT_HINT if short else "")
        self.chart.update(chart)
        for widget, visible in ((table, True), (self.hint, short), (self.chart, bool(chart))):
            widget.set_class(not visible, "-hidden")

    def show_areas(self, best: dict[str, Insight | None]) -> None:
        areas = self.areas
        areas.update(area_text(best))
        areas.remove_class("-hidden")

"""History: every record newest first, the 28-day trend, this week and the streak.

The table is filled a page at a time: the newest PAGE rows at once, the next
page when the cursor comes near the end, read from the archive a month at a
time (core/pages.py). The first page is read as the screen is composed (it
is small and bounded whatever the journal's age); later pages in a worker.
"""

from __future__ import annotations

from datetime import datetime, timedelta

from rich.text import Text
from textual import events, getters, on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.screen import Screen
from textual.widgets import DataTable, Label, Static

from tui.app_services import AppServices
from tui.core.common.when import in_zone_of
from tui.core.journal.archive import damaged_month_line
from tui.core.journal.journal import Journal
from tui.core.journal.pages import RecordPages
from tui.core.journal.records import record_time
from tui.core.journal.sessions import describe_session
from tui.core.journal.soreness import describe
from tui.core.journal.stats import area_trends, journal_streak, latest_ratings, week_count
from tui.core.journal.store.errors import JournalError
from tui.core.journal.window import WINDOW_LIMIT
from tui.core.plan.practices import PracticeNames, load_practice_names
from tui.core.plan.view import describe_run
from tui.min_size import NARROW_BELOW
from tui.threads import in_thread
from tui.widgets.footer import Footer
from tui.widgets.header import Header
from tui.widgets.history_table import HistoryTable, Row, cell
from tui.widgets.trend import trend_table

TREND_DAYS = 28
PAGE = 100  # rows added at a time; a page is several screens long
FIRST_ROWS = 25  # a screenful, drawn first: a DataTable row costs about a millisecond to add
NEAR_END = 20  # rows from the end at which the next page is added


def record_row(record: dict, names: PracticeNames, now: datetime) -> tuple[str, str, str]:
    """When, what and how, with the time in `now`'s zone (by its own date's rules)."""
    stamp = f"{in_zone_of(record_time(record), now):%a %d %b %H:%M}"
    if record["type"] == "run":
        return stamp, "Run", describe_run(record, names)
    if record["type"] == "session":
        return stamp, record["routine_name"], describe_session(record)
    note = f" · {record['note']}" if record.get("note") else ""
    return stamp, "Soreness", describe(record) + note


def table_row(record: dict, names: PracticeNames, now: datetime) -> Row:
    """record_row as cells of one line that end in "…" if cut (see widgets/history_table.py)."""
    when, kind, details = (cell(text) for text in record_row(record, names, now))
    return when, kind, details


def stats_line(journal: Journal, now, problems: list[str]) -> Text:
    """This week, the streak and the count, each read no further back than it needs."""
    week = week_count(journal.records(since=now - timedelta(days=8), kinds=("session",)), now)
    days = journal_streak(journal, now)
    line = Text(f"Routines this week: {week} · Streak: {days} day{'s' if days != 1 else ''}",
                style="bold")
    count = journal.count()
    line.append(f" · {count} record{'s' if count != 1 else ''}", style="dim")
    if problems:
        line.append(f" · {len(problems)} damaged record(s) skipped: run recovery-tui doctor", style="red")
    return line + damaged_text(journal)


def damaged_text(journal: Journal) -> Text:
    """A line per archive month left out as damaged (the rest is shown)."""
    text = Text()
    for month, problem in sorted(journal.damaged_months.items()):
        text.append("\n" + damaged_month_line(month, problem), style="bold red")
    return text


def trend_text(records: list[dict], now, width: int = 0) -> Text:
    """Every area rated in the last TREND_DAYS days, in as many columns as `width` holds."""
    trend = Text(f"Soreness, last {TREND_DAYS} days (oldest → today)\n", style="dim")
    trend.append(trend_table(area_trends(records, now, TREND_DAYS), latest_ratings(records, now, TREND_DAYS),
                             width))
    return trend


class HistoryScreen(Screen):
    BINDINGS = [Binding("escape,h", "app.pop_screen", "Back")]  # Enter (open a record) is the table's
    app = getters.app(AppServices)
    stats = getters.query_one("#history-stats", Label)
    table = getters.query_one("#history-table", HistoryTable)

    def __init__(self) -> None:
        super().__init__()
        self.pages: RecordPages | None = None
        self.first_rows: list[Row] = []
        self.trend_records: list[dict] | None = None  # kept to lay the trend out again on a resize
        self.names = PracticeNames()  # the plan's names for steps, read with the first page

    def compose(self) -> ComposeResult:
        stats, trend = self.read_first_page()
        yield Header()
        yield Label(stats, id="history-stats")
        yield Static(trend, id="history-trend")
        yield HistoryTable(id="history-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def read_first_page(self) -> tuple[Text, Text | str]:
        """Stats, trend and the first page of rows, read on the spot: the archive
        keeps what this reads to this month, last month and the months the page
        needs (about 10 ms after ten years), and drawing it once is quicker
        than drawing "Loading…" first."""
        journal = self.app.journal
        if journal is None:
            return Text("No journal is open.", style="bold red"), ""
        now = self.app.now()
        try:
            with journal.reading():  # the journal file is parsed once for all of these
                pages = RecordPages(journal)
                pages.fill(PAGE)
                trend_records = journal.records(since=now - timedelta(days=TREND_DAYS + 1), kinds=("soreness",),
                                                each=WINDOW_LIMIT)  # see docs/data.md
                if not pages.records:
                    stats = Text("Nothing in the journal yet: finish a routine or press l on home to log soreness.")
                else:
                    stats = stats_line(journal, now, pages.problems)
        except JournalError as error:
            return Text(str(error), style="bold red"), ""
        self.pages = pages
        self.names = load_practice_names(self.app.library.routines)
        self.first_rows = [table_row(record, self.names, now) for record in pages.records[:FIRST_ROWS]]
        self.trend_records = trend_records
        return stats, trend_text(trend_records, now, self.app.size.width - 2)

    def on_mount(self) -> None:
        table = self.table
        width = self.app.size.width  # the table is 2 narrower (its margins); fitted again on resize
        table.add_history_columns(width - 2, narrow=width < NARROW_BELOW)
        table.focus()
        table.add_history_rows(self.first_rows)
        if self.first_rows:
            table.refresh_bindings()  # Enter opens a record now
        if self.pages is not None and self.pages.records[FIRST_ROWS:PAGE]:
            self.call_after_refresh(self.add_first_page_rest)

    def on_resize(self, event: events.Resize) -> None:
        self.table.lay_out(event.size.width - 2, narrow=event.size.width < NARROW_BELOW)
        if self.trend_records is not None:
            trend = trend_text(self.trend_records, self.app.now(), event.size.width - 2)
            self.query_one("#history-trend", Static).update(trend)

    def add_first_page_rest(self) -> None:
        """The rest of the first page, once the first screenful is drawn."""
        records = self.pages.records if self.pages is not None else []
        rest = [table_row(record, self.names, self.app.now()) for record in records[FIRST_ROWS:PAGE]]
        self.add_rows(FIRST_ROWS, rest)

    def show_error(self, error: str) -> None:
        self.stats.update(Text(error, style="bold red"))

    @work(exclusive=True, group="history-page", exit_on_error=False)
    async def add_page(self, shown: int) -> None:
        """The PAGE rows after the `shown` ones, reading older archive months if needed."""
        try:
            rows = await in_thread(self, lambda: self.read_page(shown), JournalError, group="history-page")
        except JournalError as error:
            self.show_error(str(error))
            return
        self.add_rows(shown, rows)
        journal, pages = self.app.journal, self.pages
        if journal is not None and pages is not None and journal.damaged_months:  # found in an older month than the first page read
            self.stats.update(stats_line(journal, self.app.now(), pages.problems))

    def read_page(self, shown: int) -> list[Row]:
        pages = self.pages
        if pages is None:  # no journal: no pages to add
            return []
        pages.fill(shown + PAGE)
        now = self.app.now()
        return [table_row(record, self.names, now) for record in pages.records[shown : shown + PAGE]]

    def add_rows(self, shown: int, rows: list[Row]) -> None:
        table = self.table
        if table.row_count == shown:  # not added already by an earlier page
            table.add_history_rows(rows)

    @on(DataTable.RowHighlighted, "#history-table")
    def near_end(self, event: DataTable.RowHighlighted) -> None:
        table, pages = event.data_table, self.pages
        if pages is None or event.cursor_row < table.row_count - NEAR_END:
            return
        if table.row_count < len(pages.records) or not pages.complete:
            self.add_page(table.row_count)

    @on(DataTable.RowSelected, "#history-table")
    def open_record(self, event: DataTable.RowSelected) -> None:
        """The whole record, note included, over the table; Escape comes back."""
        from tui.dialogs.record import RecordScreen

        if self.pages is not None and event.cursor_row < len(self.pages.records):
            self.app.push_screen(RecordScreen(self.pages.records[event.cursor_row], self.names, self.app.now()))

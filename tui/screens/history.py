"""History: every record newest first, the 28-day trend, this week and the streak.

The table is filled a page at a time: the newest PAGE rows at once, the next
page when the cursor comes near the end. Reading the journal, the stats and
the row text all happen in the worker, off the UI thread.
"""

from __future__ import annotations

from rich.text import Text
from textual import on, work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Static

from tui.core.journal import record_time
from tui.core.model import format_duration
from tui.core.runs import describe_run
from tui.core.soreness import area_trends, describe, streak, week_count
from tui.screens.journal_read import read_records
from tui.widgets.trend import trend_table

TREND_DAYS = 28
PAGE = 100  # rows added at a time; a page is several screens long
NEAR_END = 20  # rows from the end at which the next page is added


def record_row(record: dict) -> tuple[str, str, str]:
    when = record_time(record)
    stamp = when.strftime("%a %d %b %H:%M")
    if record["type"] == "run":
        return stamp, "Run", describe_run(record)
    if record["type"] == "session":
        done = f"{record['exercises_done']}/{record['exercises_total']}"
        state = "complete" if record["completed"] else "partial"
        return stamp, record["routine_name"], f"{state}, {done} exercises, {format_duration(record['seconds'])}"
    note = f" · {record['note']}" if record.get("note") else ""
    return stamp, "Soreness", describe(record) + note


def stats_line(records: list[dict], now, problems: list[str]) -> Text:
    week, days = week_count(records, now), streak(records, now)
    line = Text(f"Routines this week: {week} · Streak: {days} day{'s' if days != 1 else ''}",
                style="bold")
    line.append(f" · {len(records)} records", style="dim")
    if problems:
        line.append(f" · {len(problems)} damaged record(s) skipped: run recovery-tui doctor", style="red")
    return line


def trend_text(records: list[dict], now) -> Text:
    trend = Text(f"Soreness, last {TREND_DAYS} days (oldest → today)\n", style="dim")
    trend.append(trend_table(area_trends(records, now, TREND_DAYS)))
    return trend


class HistoryScreen(Screen):
    BINDINGS = [Binding("escape,h", "app.pop_screen", "Back")]

    def __init__(self) -> None:
        super().__init__()
        self.records: list[dict] = []

    def compose(self) -> ComposeResult:
        yield Header()
        with Vertical(id="history"):
            with Horizontal(id="history-top"):
                yield Label("Loading…", id="history-stats")
            yield Static(id="history-trend")
            yield DataTable(id="history-table", cursor_type="row", zebra_stripes=True)
        yield Footer()

    def on_mount(self) -> None:
        table = self.query_one(DataTable)
        table.add_columns("When", "What", "Details")
        table.focus()
        self.load()

    @work(thread=True, exclusive=True)
    def load(self) -> None:
        records = read_records(self.app, self.show_error, "No journal is open.")
        if records is None:
            return
        journal = self.app.journal
        now = self.app.now()
        if not records:
            stats = Text("Nothing in the journal yet: finish a routine or press l on home to log soreness.")
        else:
            stats = stats_line(records, now, journal.problems)
        rows = [record_row(record) for record in records[:PAGE]]
        self.app.call_from_thread(self.show, records, stats, trend_text(records, now), rows)

    def show_error(self, error: str) -> None:
        self.query_one("#history-stats", Label).update(Text(error, style="bold red"))

    def show(self, records: list[dict], stats: Text, trend: Text, rows: list[tuple]) -> None:
        self.records = records
        self.query_one("#history-stats", Label).update(stats)
        self.query_one("#history-trend", Static).update(trend)
        table = self.query_one(DataTable)
        table.clear()
        table.add_rows(rows)

    def add_page(self) -> None:
        table = self.query_one(DataTable)
        shown = table.row_count
        table.add_rows(record_row(record) for record in self.records[shown : shown + PAGE])

    @on(DataTable.RowHighlighted, "#history-table")
    def near_end(self, event: DataTable.RowHighlighted) -> None:
        table = event.data_table
        if event.cursor_row >= table.row_count - NEAR_END and table.row_count < len(self.records):
            self.add_page()

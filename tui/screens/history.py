"""History: every record newest first, the 28-day trend, this week and the streak."""

from __future__ import annotations

from rich.text import Text
from textual import work
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Horizontal, Vertical
from textual.screen import Screen
from textual.widgets import DataTable, Footer, Header, Label, Static

from tui.core.journal import record_time
from tui.core.model import format_duration
from tui.core.runs import describe_run
from tui.core.soreness import area_trends, describe, streak, week_count
from tui.core.storage import JournalError
from tui.widgets.trend import trend_table

TREND_DAYS = 28


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


class HistoryScreen(Screen):
    BINDINGS = [Binding("escape,h", "app.pop_screen", "Back")]

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
        journal = self.app.journal
        if journal is None:
            self.app.call_from_thread(self.show, [], "No journal is open.")
            return
        try:
            records = journal.records()
        except JournalError as error:
            self.app.call_from_thread(self.show, [], str(error))
            return
        self.app.call_from_thread(self.show, records, None, journal.problems)

    def show(self, records: list[dict], error: str | None, problems: list[str] = ()) -> None:
        now = self.app.now()
        stats = self.query_one("#history-stats", Label)
        if error:
            stats.update(Text(error, style="bold red"))
            return
        week, days = week_count(records, now), streak(records, now)
        line = Text(f"Routines this week: {week} · Streak: {days} day{'s' if days != 1 else ''}",
                    style="bold")
        line.append(f" · {len(records)} records", style="dim")
        if problems:
            line.append(f" · {len(problems)} damaged record(s) skipped: run recovery-tui doctor", style="red")
        stats.update(line)
        trend = Text(f"Soreness, last {TREND_DAYS} days (oldest → today)\n", style="dim")
        trend.append(trend_table(area_trends(records, now, TREND_DAYS)))
        self.query_one("#history-trend", Static).update(trend)
        table = self.query_one(DataTable)
        table.clear()
        table.add_rows(record_row(record) for record in records)
        if not records:
            stats.update("Nothing in the journal yet: finish a routine or press l on home to log soreness.")

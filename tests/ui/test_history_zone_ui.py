"""History in Europe/Berlin: a record written with another UTC offset (by a
phone or a synced laptop in UTC) is shown at Berlin's wall time of its own
date, in the table and in full, as the command line shows it."""

from __future__ import annotations

from datetime import datetime

from textual.widgets import DataTable

from tests.clock import FakeClock
from tests.ui.helpers import FakeWallClock, make_app
from tests.ui.test_history_ui import open_history
from tui.core.journal.journal import Journal


async def test_a_summer_record_written_in_utc_shows_berlins_summer_time(berlin, tmp_path):
    path = tmp_path / "journal.json"
    with Journal(path) as journal:
        journal.add_soreness(3, {"calves": 4}, when=datetime.fromisoformat("2026-07-15T08:00:00+00:00"))
        run = journal.add_run(datetime.fromisoformat("2026-10-25T01:30:00+00:00"), "long")  # after the change back
        journal.record_practices(run["id"], ["hydrate"])
    clock = FakeClock()
    winter = datetime(2026, 12, 6, 10, 0).astimezone()  # the app's clock: today's local offset, +01:00
    app = make_app(clock, journal_path=path, now=FakeWallClock(clock, winter))
    async with app.run_test(size=(100, 30)) as pilot:
        history = await open_history(app, pilot)
        table = history.query_one(DataTable)
        assert [str(table.get_row_at(row)[0]) for row in (0, 1)] == ["Sun 25 Oct 02:30", "Wed 15 Jul 10:00"]
        await pilot.press("enter")
        await pilot.pause()
        assert str(app.screen.query_one("#question").render()) == "Run, Sunday 25 October 2026, 02:30"
        await pilot.press("escape", "down", "enter")
        await pilot.pause()
        assert str(app.screen.query_one("#question").render()) == "Soreness rating, Wednesday 15 July 2026, 10:00"

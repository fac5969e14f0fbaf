"""History on a phone held upright (40 to 43 columns): each record is one
cell of two lines, when and what above its details, inside the screen;
widening the window brings When, What and Details back, the cursor on the
same record, and Enter opens that record at either width."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from tests.ui.helpers import make_app, sample_journal
from tests.ui.test_history_ui import journal_with_a_long_note, open_history
from tui.dialogs.record import RecordScreen


def cells(table: DataTable) -> list[list[str]]:
    return [[str(value) for value in table.get_row_at(row)] for row in range(table.row_count)]


@pytest.mark.parametrize("size", [(40, 44), (43, 44)])
async def test_on_a_phone_a_record_is_two_lines_inside_the_screen(tmp_path, size):
    journal = journal_with_a_long_note(tmp_path / "journal.json")
    app = make_app(journal_path=journal.path)
    async with app.run_test(size=size) as pilot:
        screen = await open_history(app, pilot)
        table = screen.query_one(DataTable)
        assert len(table.columns) == 1
        first, second, _third = cells(table)
        assert first[0].splitlines()[0].endswith("Soreness") and first[0].splitlines()[1] == "2/10"
        when, details = second[0].splitlines()
        assert when.endswith("Soreness") and details.startswith("4/10 (hamstrings 2, calves 6; pain: calves) · Left calf")
        assert table.virtual_size.width <= table.content_region.width, (table.virtual_size, table.content_region)
        drawn = [strip.text.rstrip() for strip in table.render_lines(table.region.reset_offset)]
        assert any(line.strip().startswith("4/10 (hamstrings 2") and line.endswith("…") for line in drawn), drawn


async def test_widening_brings_the_columns_back_on_the_same_record(tmp_path):
    sample_journal(tmp_path / "journal.json")
    app = make_app(journal_path=tmp_path / "journal.json")
    async with app.run_test(size=(40, 44)) as pilot:
        screen = await open_history(app, pilot)
        table = screen.query_one(DataTable)
        await pilot.press("down", "down", "down")
        narrow = cells(table)[3][0].splitlines()
        await pilot.resize_terminal(100, 30)
        await pilot.pause()
        assert len(table.columns) == 3 and table.cursor_row == 3
        when, what, _details = cells(table)[3]
        assert narrow[0] == f"{when}  {what}"
        await pilot.resize_terminal(40, 44)
        await pilot.pause()
        assert len(table.columns) == 1 and table.cursor_row == 3 and cells(table)[3][0].splitlines() == narrow
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RecordScreen)


@pytest.mark.parametrize(("width", "columns"), [(59, 1), (60, 3)])
async def test_history_turns_narrow_where_the_app_does(tmp_path, width, columns):
    """Under NARROW_BELOW (60) columns of window, as the app's other screens, not of the table."""
    sample_journal(tmp_path / "journal.json")
    app = make_app(journal_path=tmp_path / "journal.json")
    async with app.run_test(size=(width, 24)) as pilot:
        screen = await open_history(app, pilot)
        assert len(screen.query_one(DataTable).columns) == columns

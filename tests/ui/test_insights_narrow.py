"""Insights on a phone held upright (40 to 43 columns): the table fits the
screen with the practice, its runs with and without and the adjusted
difference; the chart and the per-area lines are drawn whole within the
width; widening the window brings the five columns back."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable, Static

from tests.ui.helpers import make_app, settle_workers, wait_until
from tests.ui.test_insights_ui import known_journal, open_insights, rows


def lines_of(screen, selector: str) -> list[str]:
    widget = screen.query_one(selector, Static)
    return [strip.text.rstrip() for strip in widget.render_lines(widget.region.reset_offset)]


@pytest.mark.parametrize("size", [(40, 44), (43, 44)])
async def test_on_a_phone_the_table_chart_and_areas_fit(tmp_path, size):
    app = make_app(journal_path=known_journal(tmp_path / "journal.json"))
    async with app.run_test(size=size) as pilot:
        screen = await open_insights(app, pilot)
        await wait_until(pilot, lambda: screen.query_one("#insights-areas").display, interval=0.01)
        table = screen.query_one(DataTable)
        assert rows(screen)[0] == ["Foam rolling", "20/20", "-4.0"]
        assert table.virtual_size.width <= table.content_region.width, (table.virtual_size, table.content_region)
        assert table.region.right <= size[0]
        assert "Runs ±:" in str(screen.query_one("#insights-headline", Static).render())
        chart = lines_of(screen, "#insights-chart")
        assert chart[1] == "Foam rolling: helps" and "●" in chart[2]
        room = screen.query_one("#insights-chart").content_region.width
        assert all(len(line) <= room for line in chart), chart
        areas = [line.strip() for line in lines_of(screen, "#insights-areas")]
        calves = areas.index("Calves: Foam rolling")
        assert areas[calves + 1].startswith("-4.0 (") and areas[calves + 1].endswith(")")
        assert "Quads: no clear difference yet" in areas
        assert all(len(line) <= room for line in lines_of(screen, "#insights-areas"))


async def test_widening_brings_the_five_columns_back(tmp_path):
    app = make_app(journal_path=known_journal(tmp_path / "journal.json"))
    async with app.run_test(size=(40, 44)) as pilot:
        screen = await open_insights(app, pilot)
        await pilot.resize_terminal(100, 30)
        await settle_workers(app)
        await pilot.pause()
        assert rows(screen)[0] == ["Foam rolling", "20 runs · 2.5", "20 runs · 6.5", "-4.0", "-4.0"]
        assert "Runs ±:" not in str(screen.query_one("#insights-headline", Static).render())
        assert lines_of(screen, "#insights-chart")[1].endswith("helps")

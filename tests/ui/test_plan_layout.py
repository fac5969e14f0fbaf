"""The plan screen's layout: the cursor on the step to do next, and two-line
rows on a phone held upright."""

from __future__ import annotations

import pytest
from textual.widgets import DataTable

from tests.ui.helpers import make_app, settle
from tests.ui.test_plan_ui import open_plan
from tui.core.plan.runs import step_state
from tui.core.plan.view import STATE_WORDS, step_title


@pytest.mark.parametrize("size", [(80, 24), (40, 44)])
async def test_the_cursor_starts_on_the_step_that_is_due(size, tmp_path):
    """A run that ended an hour ago: the first steps are overdue; the cursor is on the
    step to do next (the one home names), past them and past optional ones."""
    app = make_app(journal_path=tmp_path / "journal.json")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        plan = await open_plan(app, pilot, ended_keys=("down", "down", "down", "enter"))  # 60 min ago
        table = plan.query_one(DataTable)
        step = plan.steps[table.cursor_row]
        states = [step_state(s, plan.run, app.now()) for s in plan.steps]
        assert states[0] == "overdue"
        assert table.cursor_row > 0 and states[table.cursor_row] in ("due", "soon", "later"), states
        assert not step.optional
        assert all(s.optional or state != "due" for s, state in zip(plan.steps, states, strict=True)
                   if plan.steps.index(s) < table.cursor_row)
        assert plan.current is step


async def test_at_40_columns_each_step_shows_its_status_under_its_time(tmp_path):
    app = make_app(journal_path=tmp_path / "journal.json")
    async with app.run_test(size=(40, 44)) as pilot:
        await pilot.pause()
        plan = await open_plan(app, pilot)
        table = plan.query_one(DataTable)
        assert [column.label.plain for column in table.columns.values()] == ["Due", "Step"]
        assert table.virtual_size.width <= table.scrollable_content_region.width  # no sideways scroll
        for step in plan.steps:
            due = str(table.get_cell(step.id, "due"))
            assert due.split("\n")[1] == STATE_WORDS[step_state(step, plan.run, app.now())]
        await pilot.resize_terminal(100, 30)  # wider: the status has its own column again
        await pilot.pause()
        await settle(pilot)
        assert [column.label.plain for column in table.columns.values()] == ["Due", "Step", "Status"]
        first = plan.steps[0]
        assert str(table.get_cell(first.id, "status")) == STATE_WORDS[step_state(first, plan.run, app.now())]


@pytest.mark.parametrize("size", [(60, 18), (80, 24), (120, 40)])
async def test_the_table_fits_its_width_and_a_long_name_wraps(size, tmp_path):
    """From 60 columns the status has its own column; a name too long for the
    step's column ("Ice bath or warm bath (optional)" at 60) wraps in a
    two-line row rather than push the status out of sight."""
    app = make_app(journal_path=tmp_path / "journal.json")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        plan = await open_plan(app, pilot)
        table = plan.query_one(DataTable)
        assert [column.label.plain for column in table.columns.values()] == ["Due", "Step", "Status"]
        assert table.virtual_size.width <= table.scrollable_content_region.width  # no sideways scroll
        bath = next(index for index, step in enumerate(plan.steps) if step_title(step).startswith("Ice bath"))
        table.move_cursor(row=bath)
        await pilot.pause()
        lines = [strip.text for strip in table.render_lines(table.region.reset_offset)]
        row = next((index for index, line in enumerate(lines) if "Ice bath" in line), None)
        assert row is not None, f"the highlighted step is out of sight: {lines}"
        name = " ".join((lines[row] + " " + lines[row + 1]).split())
        assert "Ice bath or warm bath (optional)" in name.replace(" later ", " ").replace(" due ", " "), lines
        wrapped = table.rows[table.coordinate_to_cell_key((bath, 0)).row_key].height == 2
        assert wrapped == (size == (60, 18))


async def test_a_window_resized_twice_keeps_every_column_whole(tmp_path):
    """60x18, then 80x24, then 120x40, then 80x24: each width draws the whole
    time and name. A table refilled with the same columns on the second
    resize drew "07:" and "Cool" (the lines drawn before its cells were measured)."""
    app = make_app(journal_path=tmp_path / "journal.json")
    async with app.run_test(size=(60, 18)) as pilot:
        await pilot.pause()
        plan = await open_plan(app, pilot)
        table = plan.query_one(DataTable)
        first = plan.steps[0]
        for size in [(80, 24), (120, 40), (80, 24)]:
            await pilot.resize_terminal(*size)
            await settle(pilot)
            await pilot.pause()
            top = [strip.text for strip in table.render_lines(table.region.reset_offset)][1]
            assert plan.windows()[first.id] in top and step_title(first) in top, (size, top)
            assert table.virtual_size.width <= table.scrollable_content_region.width, size

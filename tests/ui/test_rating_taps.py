"""A tap (a click) on the rating dots sets the value of the dot tapped, found
where the grid draws it: the 1st dot is 1, the 10th is 10, the 1st again is 0."""

from __future__ import annotations

import pytest

from tests.ui.helpers import make_app
from tui.widgets.rating_grid import RatingGrid

DOTS = "■·"


def dot_columns(grid: RatingGrid, line: int) -> list[int]:
    """The x of each dot of the bar drawn on `line`, in the widget (padding included)."""
    text = str(grid.render()).splitlines()[line]
    start = min(text.index(dot) for dot in DOTS if dot in text)
    assert all(ch in DOTS for ch in text[start:start + 10]), text
    return [grid.styles.padding.left + start + n for n in range(10)]


@pytest.mark.parametrize("size", [(80, 24), (60, 24)])
async def test_the_dot_tapped_is_the_value_set(size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("l")
        await pilot.pause()
        grid = app.screen.query_one(RatingGrid)
        for value in (10, 1, 5, 7):
            x = dot_columns(grid, 0)[value - 1]
            await pilot.click(RatingGrid, offset=(x, 0))
            assert grid.overall == value, f"dot {value} at x={x} gave {grid.overall}"
        await pilot.click(RatingGrid, offset=(dot_columns(grid, 0)[0], 0))
        assert grid.overall == 1
        await pilot.click(RatingGrid, offset=(dot_columns(grid, 0)[0], 0))
        assert grid.overall == 0  # the 1st dot of a 1 is 0: every value from 0 to 10 by tap


async def test_a_tap_on_an_area_sets_that_area_and_moves_the_cursor():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        grid = app.screen.query_one(RatingGrid)
        row = 2  # the first area, in the left column
        x = dot_columns(grid, row)[3]
        await pilot.click(RatingGrid, offset=(x, row))
        assert grid.rows[grid.cursor] == "quads" and grid.areas == {"quads": 4}
        await pilot.click(RatingGrid, offset=(x - 4, row))  # the label: the cursor only
        assert grid.areas == {"quads": 4}

"""Home's layout: the whole routine list and how to start in view, beside a
notice at 80x24 and stacked on a phone held upright."""

from __future__ import annotations

import html
from datetime import timedelta

import pytest

from tests.ui.helpers import FIXED_NOW, make_app, settle
from tui.core.journal.journal import Journal
from tui.screens.home import HomeScreen


def run_with_pain(path) -> None:
    """A run twenty minutes ago, and sharp pain flagged since: both home notices."""
    journal = Journal(path)
    journal.add_run(FIXED_NOW - timedelta(minutes=20), "easy")
    journal.add_soreness(4, {"hamstrings": 6}, ["hamstrings"], "sharp", when=FIXED_NOW - timedelta(minutes=5))


START_HINT = "Press Enter to start."


def routine_names(home: HomeScreen) -> list[str]:
    return [routine.name for routines in home.library.by_kind().values() for routine in routines]


def on_screen(app) -> str:
    """The text of the screen as drawn (from a screenshot: what is scrolled away is not in it)."""
    return html.unescape(app.export_screenshot()).replace("\xa0", " ")


@pytest.mark.parametrize("size", [(80, 24), (40, 44), (60, 18), (120, 40)])
async def test_after_a_run_with_a_pain_notice_the_list_and_start_hint_stay_in_view(size, tmp_path):
    path = tmp_path / "journal.json"
    run_with_pain(path)
    app = make_app(journal_path=path)
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await settle(pilot)
        home = app.screen
        assert isinstance(home, HomeScreen)
        assert home.notices.has_class("-pain") and home.next_step.has_class("-visible")
        routine_list = home.routine_list
        if size != (60, 18):  # 18 rows leave the list 4 lines beside both notices: it scrolls
            assert routine_list.max_scroll_y == 0, "the routine list scrolls"
            assert routine_list.option_count == len(routine_names(home)) + len(home.library.by_kind())
        notices = home.notices
        assert routine_list.region.bottom <= home.next_step.region.y <= notices.region.y
        assert START_HINT in on_screen(app)


async def test_at_40_columns_the_list_is_above_the_preview(tmp_path):
    app = make_app(journal_path=tmp_path / "journal.json")
    async with app.run_test(size=(40, 44)) as pilot:
        await pilot.pause()
        home = app.screen
        assert home.has_class("-narrow")
        routine_list, pane = home.routine_list, home.query_one("#preview-pane")
        assert routine_list.region.bottom <= pane.region.y
        assert routine_list.region.width == pane.region.width == 40
        assert routine_list.max_scroll_y == 0
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert not home.has_class("-narrow")
        assert routine_list.region.right <= home.query_one("#preview-pane").region.x


async def test_no_group_is_named_as_its_only_routine():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        groups = [str(home.routine_list.get_option_at_index(i).prompt)
                  for i in range(home.routine_list.option_count)
                  if home.routine_list.get_option_at_index(i).disabled]
        names = set(routine_names(home))
        assert groups and not names.intersection(groups), groups

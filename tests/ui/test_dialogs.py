"""Every dialog fits an 80x24 window without a scrollbar, still scrolls when
its content cannot fit (60x18, the smallest window the app draws), and shows
its own keys in the footer, not those of the screen under it."""

from __future__ import annotations

from contextlib import asynccontextmanager
from datetime import timedelta

import pytest
from textual.pilot import Pilot

from tests.clock import FakeClock
from tests.ui.helpers import FIXED_NOW, make_app, polled, settle, wait_until
from tui.core.journal.journal import Journal
from tui.core.journal.writer import pain_notice
from tui.dialogs.base import DialogScreen
from tui.dialogs.damaged_journal import DamagedJournalScreen
from tui.dialogs.notice import NoticeScreen
from tui.dialogs.run_kind import RunKindScreen
from tui.widgets.footer import Footer

JOURNAL_PROBLEM = ("The journal /home/sam/.local/share/recovery-tui/journal.json cannot be read: "
                   "line 3, column 14: Expecting ',' delimiter.")
BACKUP = "the backup of 2026-11-30 (412 records)"


async def leave_session(pilot, tmp_path):
    pilot.app.action_start_routine("post-run-stretches")
    await pilot.pause()
    pilot.app.clock.advance(8)
    await polled(pilot)
    await pilot.press("escape")


async def run_ended(pilot, tmp_path):
    pilot.app.journal.add_run(FIXED_NOW.replace(hour=7, minute=10), "long")  # offers "back to today's plan"
    await pilot.press("r")


async def run_kind(pilot, tmp_path):
    await pilot.app.push_screen(RunKindScreen())


async def pain(pilot, tmp_path):
    journal = Journal(tmp_path / "pain.json", now=lambda: FIXED_NOW)
    journal.add_soreness(6, {"calves": 6, "knees": 5, "shins": 4}, ["calves", "knees", "shins"], when=FIXED_NOW)
    await pilot.app.push_screen(NoticeScreen("Look after yourself", pain_notice(journal, FIXED_NOW)))


async def damaged(pilot, tmp_path):
    await pilot.app.push_screen(DamagedJournalScreen(JOURNAL_PROBLEM, BACKUP))


async def history_record(pilot, tmp_path):
    """A session left part-way with its rating, opened in full from History."""
    journal = pilot.app.journal
    session = journal.add_session("post-run-stretches", "Post-run stretches", FIXED_NOW - timedelta(minutes=9),
                                  FIXED_NOW - timedelta(minutes=2), False, 2, 1, 8, 420.0)
    journal.add_soreness(4, {"calves": 4, "quads": 3}, [], "Hills, then the long way home.",
                         when=FIXED_NOW, session_id=session["id"])
    await pilot.press("h")
    await settle(pilot)
    await pilot.press("enter")


DIALOGS = {
    "leave": (leave_session, ["y Leave", "n Keep going"]),  # the buttons' words
    "run ended": (run_ended, ["esc Cancel"]),
    "run kind": (run_kind, ["esc Cancel"]),
    "pain notice": (pain, ["esc OK"]),  # enter presses the focused OK button
    "damaged journal": (damaged, ["r Restore backup", "m Move aside", "n Not now"]),
    "history record": (history_record, ["esc Back to History"]),
}


def scrolled(screen) -> list:
    """The screen and every widget in it that shows a vertical scrollbar."""
    return [node for node in [screen, *screen.query("*")] if node.show_vertical_scrollbar]


def footer_keys(screen) -> list[str]:
    keys, _palette = screen.query_one(Footer).keys()
    return [" ".join(key.label.plain.split()) for key in keys]


@asynccontextmanager
async def dialog_open(name, size, tmp_path):
    """The app at `size` with the dialog `name` open: yields its screen."""
    open_it, _keys = DIALOGS[name]
    app = make_app(FakeClock(), journal_path=tmp_path / "journal.json")
    async with app.run_test(size=size) as pilot:
        await pilot.pause()
        await open_it(pilot, tmp_path)
        await wait_until(pilot, lambda: isinstance(app.screen, DialogScreen))
        await pilot.pause()
        await settle(pilot)
        yield app.screen


@pytest.mark.parametrize("name", DIALOGS)
async def test_a_dialog_fits_80x24_and_a_phone_held_upright_and_shows_its_own_keys(name, tmp_path):
    """At 80x24 the dialog fits without a scrollbar; the window then narrowed to
    40 columns (one app, resized): the box is no wider than the window. At both,
    nothing is under the footer and every key of the dialog is in it."""
    async with dialog_open(name, (80, 24), tmp_path) as screen:
        dialog = screen.query_one("#dialog")
        assert scrolled(screen) == [] and screen.max_scroll_y == 0 and dialog.max_scroll_y == 0
        assert dialog.region.bottom <= screen.query_one(Footer).region.y  # nothing under the footer
        assert footer_keys(screen) == DIALOGS[name][1]
        await Pilot(screen.app).resize_terminal(40, 44)
        assert screen is screen.app.screen
        assert dialog.region.x >= 0 and dialog.region.right <= 40
        assert dialog.region.bottom <= screen.query_one(Footer).region.y
        assert footer_keys(screen) == DIALOGS[name][1]


@pytest.mark.parametrize("name", ["pain notice", "damaged journal"])
async def test_a_dialog_too_tall_for_the_window_scrolls(name, tmp_path):
    async with dialog_open(name, (60, 18), tmp_path) as screen:
        assert scrolled(screen) != []
        assert footer_keys(screen)[0] in DIALOGS[name][1]


async def test_the_leave_dialog_buttons_say_what_the_footer_says(tmp_path):
    from textual.widgets import Button

    async with dialog_open("leave", (80, 24), tmp_path) as screen:
        buttons = [str(button.label) for button in screen.query(Button)]
        assert buttons == ["Leave (y)", "Keep going (n)"]
        for key, button in zip(footer_keys(screen), buttons, strict=True):
            letter, words = key.split(" ", 1)
            assert button == f"{words} ({letter})"

"""The journal from the app: sessions written, soreness rated, history, notices."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest
from textual.widgets import DataTable, Static

from tests.clock import FakeClock
from tests.ui.helpers import FIXED_NOW, make_app, polled, settle, wait_until
from tui.core.journal.journal import Journal
from tui.dialogs.damaged_journal import DamagedJournalScreen
from tui.dialogs.notice import NoticeScreen
from tui.screens.history import HistoryScreen
from tui.screens.home import HomeScreen
from tui.screens.soreness import SorenessScreen
from tui.screens.summary import SummaryScreen


def notices_text(app) -> str:
    widget = app.screen.query_one("#home-notices", Static)
    return str(widget.render()) if widget.has_class("-visible") else ""


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_finish_routine_rate_soreness_and_find_it_in_history(tmp_path):
    clock = FakeClock()
    path = tmp_path / "journal.json"
    app = make_app(clock, journal_path=path, start_routine="legs-up-the-wall")
    async with app.run_test(size=(100, 30)) as pilot:
        clock.advance(5 + 30 + 5 + 270 + 1)
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))  # 0.3 s was too short under load
        await pilot.pause()
        await settle(pilot)
        await pilot.press("4", "down", "down", "down", "6", "tab")
        await pilot.press(*"tight calves")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        records = Journal(path).records()
        assert [r["type"] for r in records] == ["soreness", "session"]
        rating, session = records
        assert session["routine_id"] == "legs-up-the-wall" and session["completed"] is True
        assert session["exercises_done"] == session["exercises_total"] == 2
        assert session["ended"].endswith("+01:00")
        assert rating["overall"] == 4 and rating["areas"] == {"calves": 6}
        assert rating["note"] == "tight calves" and rating["session"] == session["id"]
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one(DataTable)
        assert table.row_count == 2
        first = [str(cell) for cell in table.get_row_at(0)]
        assert first[1] == "Soreness" and "4/10 (calves 6)" in first[2] and "tight calves" in first[2]
        assert "Legs up the wall" in [str(c) for c in table.get_row_at(1)][1]
        assert "Routines this week: 1" in str(app.screen.query_one("#history-stats").render())


async def test_leaving_part_way_is_left_part_way_not_skipping_and_escape_skips_rating(tmp_path):
    """One wording ("left part-way") from the Leave dialog to the journal; the
    exercise skipped with `n` is "Skipped", the rest are "Not finished"."""
    path = tmp_path / "journal.json"
    clock = FakeClock()
    app = make_app(clock, journal_path=path, start_routine="foam-rolling")
    async with app.run_test(size=(80, 24)) as pilot:
        clock.advance(6)  # into the first hold
        await polled(pilot)
        await pilot.press("n", "escape")
        await pilot.pause()
        dialog = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "left part-way" in dialog and "partial" not in dialog
        await pilot.press("y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        names = [e.name for e in app.screen.result.routine.exercises]
        summary = " ".join(str(w.render()) for w in app.screen.query(Static))
        assert "Left part-way" in summary
        assert f"Skipped: {names[0]}\n" in summary
        assert f"Not finished: {', '.join(names[1:])}" in summary
        await pilot.press("escape")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    (session,) = Journal(path).records()
    assert session["type"] == "session" and session["completed"] is False
    assert session["exercises_done"] == 0 and session["exercises_skipped"] == 1


async def test_two_keys_for_ten_and_enter_without_rating_warns(tmp_path):
    path = tmp_path / "journal.json"
    app = make_app(journal_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, SorenessScreen)
        await pilot.press("enter")
        assert isinstance(app.screen, SorenessScreen)  # nothing to save yet
        await pilot.press("1", "0", "enter")
        await settle(pilot)
    (rating,) = Journal(path).records()
    assert rating["overall"] == 10 and rating["session"] is None


async def test_doms_checkin_prompt_a_day_after_a_session(tmp_path):
    path = tmp_path / "journal.json"
    journal = Journal(path)
    ended = FIXED_NOW - timedelta(hours=26)
    journal.add_session("post-run-stretches", "Post-run stretches", ended - timedelta(minutes=15),
                        ended, True, 8, 0, 8, 900)
    app = make_app(journal_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await settle(pilot)
        text = notices_text(app)
        assert "How do your legs feel today?" in text and "26 h ago" in text
        await pilot.press("l", "2", "enter")
        await settle(pilot)
        assert notices_text(app) == ""


async def test_no_checkin_prompt_for_a_fresh_session(tmp_path):
    path = tmp_path / "journal.json"
    ended = FIXED_NOW - timedelta(hours=3)
    Journal(path).add_session("runner-yoga", "Yoga", ended - timedelta(minutes=8), ended, True, 6, 0, 6, 450)
    app = make_app(journal_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await settle(pilot)
        assert notices_text(app) == ""


async def test_pain_flag_shows_guard_after_saving_and_on_home(tmp_path):
    path = tmp_path / "journal.json"
    app = make_app(journal_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("l", "3", "down", "down", "down", "x", "enter")
        await settle(pilot)
        assert isinstance(app.screen, NoticeScreen)
        body = str(app.screen.query_one("#notice-body").render())
        assert "calves" in body and "doctor" in body and "not medical advice" in body
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
        assert "calves" in notices_text(app)
    (rating,) = Journal(path).records()
    assert rating["pain"] == ["calves"]


async def test_three_high_days_raise_the_guard_on_home(tmp_path):
    path = tmp_path / "journal.json"
    journal = Journal(path)
    for days in (3, 2, 1):
        journal.add_soreness(5, {"hamstrings": 8}, when=FIXED_NOW - timedelta(days=days))
    app = make_app(journal_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await settle(pilot)
        text = notices_text(app)
        assert "Hamstrings rated 7/10 or more" in text and "not medical advice" in text


async def test_corrupt_journal_is_kept_and_can_be_moved_aside(tmp_path):
    path = tmp_path / "journal.json"
    damaged = b'{"records": {"1": {"type": "sess'
    path.write_bytes(damaged)
    app = make_app(journal_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await settle(pilot)
        assert isinstance(app.screen, DamagedJournalScreen)
        detail = str(app.screen.query_one("#detail").render())
        assert str(path) in detail and "There is no readable backup" in detail
        assert path.read_bytes() == damaged
        await pilot.press("m")
        await pilot.pause()
        await pilot.press("l", "2", "enter")
        await settle(pilot)
    aside = list(tmp_path.glob("journal.json.corrupt-*"))
    assert len(aside) == 1 and aside[0].read_bytes() == damaged
    assert json.loads(path.read_text())["records"]


async def test_corrupt_journal_not_moved_when_declined(tmp_path):
    path = tmp_path / "journal.json"
    path.write_bytes(b"")
    app = make_app(journal_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await settle(pilot)
        await pilot.press("n")
        await pilot.press("l", "5", "enter")
        await settle(pilot)
    assert path.read_bytes() == b""
    assert not list(tmp_path.glob("*.corrupt-*"))


async def test_history_pages_in_long_journals(tmp_path):
    from tui.screens.history import PAGE

    path = tmp_path / "journal.json"
    journal = Journal(path)
    for n in range(PAGE + 30):
        journal.add_soreness(n % 11, when=FIXED_NOW - timedelta(hours=n + 1), note=f"entry {n}")
    app = make_app(journal_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert table.row_count == PAGE
        assert "entry 0" in str(table.get_row_at(0)[2])  # newest first
        table.move_cursor(row=PAGE - 1)
        await pilot.pause()
        await settle(pilot)
        assert table.row_count == PAGE + 30
        assert "entry 129" in str(table.get_row_at(PAGE + 29)[2])


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_history_reads_archive_months_as_it_scrolls(tmp_path):
    """Ten months of ratings: the journal file keeps two, the rest are in
    monthly archive files that History reads only when scrolled to."""
    from tui.screens.history import PAGE

    path = tmp_path / "journal.json"
    with Journal(path, now=lambda: FIXED_NOW) as journal:
        for n in range(300):  # one a day, newest first
            journal.add_soreness(n % 11, when=FIXED_NOW - timedelta(days=n, hours=1), note=f"entry {n}")
    months = Journal(path).archive_months()
    assert months == [f"2026-{m:02d}" for m in range(9, 0, -1)]  # November and October stay in the journal
    app = make_app(journal_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        screen = app.screen
        table = screen.query_one(DataTable)
        assert "300 records" in str(screen.query_one("#history-stats").render())
        assert table.row_count == PAGE and screen.pages.complete is False
        while table.row_count < 300:
            table.move_cursor(row=table.row_count - 1)
            await pilot.pause()
            await settle(pilot)
        assert screen.pages.complete
        notes = [str(table.get_row_at(row)[2]).rsplit("entry ", 1)[1] for row in range(300)]
        assert notes == [str(n) for n in range(300)]  # every record once, newest first


async def test_history_shows_notes_as_written_even_with_brackets(tmp_path):
    """A note is text, never markup: "[/]" used to crash History, "[left]" vanished."""
    path = tmp_path / "journal.json"
    with Journal(path, now=lambda: FIXED_NOW) as journal:
        journal.add_soreness(3, note="calf [/] tight [left] side", when=FIXED_NOW - timedelta(hours=1))
    app = make_app(journal_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        table = app.screen.query_one(DataTable)
        assert "calf [/] tight [left] side" in str(table.get_row_at(0)[2])
        await pilot.pause()
        assert "calf [/] tight [left] side" in "".join(
            strip.text for strip in table.render_lines(table.region.reset_offset))
        assert app.is_running

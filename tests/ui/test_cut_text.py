"""A 10 MB note (from a hand-edited or synced journal) is cut where it is
drawn, never where it is kept: History and the record view draw a part of it
and say so, and the journal still holds all of it."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable, Static

from tests.ui.helpers import FIXED_NOW, make_app, settle
from tui.core.journal.journal import Journal
from tui.dialogs.record import RecordScreen
from tui.screens.history import HistoryScreen
from tui.widgets.drawn_text import TEXT_CHARACTERS, cut_text, fitted, paragraph, size_words

NOTE = "tight calves after the hills, " * 350_000 + "end"  # 10.5 MB


def test_fitted_measures_cells_and_cuts_with_an_ellipsis():
    assert fitted("Calf stretch", 12) == "Calf stretch"
    assert fitted("Calf stretch", 8) == "Calf st…"
    assert fitted("ふくらはぎ", 6) == "ふく…"  # two cells a character
    assert fitted("Cafe\u0301 au lait", 5) == "Cafe\u0301…"  # the mark takes no cell
    assert fitted("a\u202eb", 20) == r"a\u202eb"
    assert fitted("x" * 10_000_000, 10) == "xxxxxxxxx…"


def test_long_text_is_cut_and_says_how_much_there_was():
    assert cut_text("short\nnote") == ("short\nnote", None)
    shown, cut = cut_text(NOTE)
    assert len(shown) == TEXT_CHARACTERS and cut == "cut: 10.5 MB, shown the first 10,000 characters"
    assert paragraph("x" * 20, 10) == "x" * 10 + "…"
    assert [size_words(n) for n in (820, 12_300, 10_500_021)] == ["820 bytes", "12.3 kB", "10.5 MB"]


async def test_a_10_mb_note_opens_in_part_and_the_journal_keeps_it_whole(tmp_path):
    path = tmp_path / "journal.json"
    with Journal(path, now=lambda: FIXED_NOW) as journal:
        journal.add_soreness(4, {"calves": 6}, note=NOTE, when=FIXED_NOW - timedelta(hours=1))
    app = make_app(journal_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("h")
        await settle(pilot)
        assert isinstance(app.screen, HistoryScreen)
        table = app.screen.query_one(DataTable)
        assert max(len(str(cell)) for cell in table.get_row_at(0)) <= 1000  # a row draws a line, not 10 MB
        await pilot.press("enter")
        await pilot.pause()
        assert isinstance(app.screen, RecordScreen)
        fields = app.screen.query_one("#record-fields", Static)
        drawn = [strip.text for strip in fields.render_lines(fields.region.reset_offset)]
        assert len(drawn) < 300  # 10,000 characters wrapped, not 10 MB (200,000 lines)
        words = " ".join(" ".join(drawn).split())
        assert "note cut: 10.5 MB, shown the first 10,000 characters" in words
        assert "Record #1" in words
    assert Journal(path).records()[0]["note"] == NOTE

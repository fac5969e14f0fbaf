"""Routine names that could break the screen, from a user routine file: a
right-to-left override (drawn reversed), zero-width and bidi characters
(drawn a cell wide by some terminals), combining marks and wide characters
(padded by characters, not cells), a 10,000-character name. They are shown
visibly and measured in cells, so every row of a panel keeps its border."""

from __future__ import annotations

import re

from rich.cells import cell_len
from textual.widgets import Label, OptionList

from tests.clock import FakeClock
from tests.ui.helpers import make_app, polled, wait_until

RLO = "Hip \u202eopener\u202c stretch"
ZERO_WIDTH = "Zero\u200bwidth\u200d\u2060\ufeffcalves \u2067x\u2069"
COMBINING = "Cafe\u0301 s\u0336t\u0336r\u0336e\u0336t\u0336c\u0336h"
WIDE = "ふくらはぎ伸展"
LONG = "HOLLOW" + "L" * 9994
UNSEEN = re.compile("[\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff]")
BORDER = "│╮╯╭╰"


def routine_file(folder, routine_id: str, name: str) -> None:
    quoted = name.replace("\\", "\\\\").replace('"', '\\"')
    (folder / f"{routine_id}.toml").write_text(
        f'id = "{routine_id}"\nname = "{quoted}"\nkind = "recovery"\n'
        f'description = "Written by hand: {quoted}"\n\n'
        f'[[exercises]]\nname = "{quoted}"\nseconds = 30\nsides = 1\nareas = ["calves"]\n'
        f'cue = "Breathe out slowly."\n',
        encoding="utf-8")


def hostile_folder(tmp_path):
    folder = tmp_path / "config" / "routines"
    folder.mkdir(parents=True)
    for routine_id, name in (("rlo", RLO), ("zero", ZERO_WIDTH), ("marks", COMBINING), ("wide", WIDE)):
        routine_file(folder, routine_id, name)
    return folder


def rows(widget) -> list[str]:
    """The rows a widget draws, border included, as text."""
    return [strip.text for strip in widget.render_lines(widget.region.reset_offset)]


def highlight(app, routine_id: str) -> None:
    routine_list = app.screen.query_one("#routine-list", OptionList)
    routine_list.highlighted = routine_list.get_option_index(routine_id)


async def test_home_shows_unseen_characters_and_keeps_its_borders_at_80x24(tmp_path):
    app = make_app(user_dir=hostile_folder(tmp_path))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        routine_list = app.screen.query_one("#routine-list", OptionList)
        routine_list.scroll_end(animate=False)
        for routine_id in ("rlo", "zero", "marks", "wide"):
            highlight(app, routine_id)
            await pilot.pause()
            for widget in (routine_list, app.screen.query_one("#preview-pane")):
                assert all(row[-1] in BORDER for row in rows(widget))  # the right border, in line
            for widget in (routine_list, app.screen.query_one("#preview")):
                for row in rows(widget):
                    assert UNSEEN.search(row) is None, row
                    assert cell_len(row) == widget.region.width, row
            preview = " ".join(" ".join(rows(app.screen.query_one("#preview"))).split())  # unwrapped
            if routine_id == "rlo":
                assert r"Hip \u202eopener\u202c stretch" in preview
            if routine_id == "zero":
                assert r"Zero\u200bwidth\u200d\u2060\ufeffcalves \u2067x\u2069" in preview
            if routine_id == "wide":
                assert WIDE in preview
        listed = " ".join(" ".join(rows(routine_list)).split())
        assert r"Hip \u202eopener" in listed and COMBINING in listed


def test_snapshot_of_home_with_such_names_at_80x24(snap_compare, tmp_path):
    folder = hostile_folder(tmp_path)

    async def run_before(pilot):
        from tui.screens.home import HomeScreen

        await wait_until(pilot, lambda: isinstance(pilot.app.screen, HomeScreen) and pilot.app.screen.is_mounted)
        highlight(pilot.app, "rlo")
        pilot.app.screen.query_one("#routine-list", OptionList).scroll_end(animate=False)
        await pilot.pause()

    assert snap_compare(make_app(user_dir=folder), terminal_size=(80, 24), run_before=run_before)


async def test_a_10000_character_name_is_cut_in_the_band_and_kept_in_the_journal(tmp_path):
    from tui.core.journal.journal import Journal

    folder = tmp_path / "routines"
    folder.mkdir()
    routine_file(folder, "long", LONG)
    clock = FakeClock()
    path = tmp_path / "journal.json"
    app = make_app(clock, user_dir=folder, journal_path=path, start_routine="long")
    async with app.run_test(size=(80, 24)) as pilot:
        await polled(pilot)
        phase = app.screen.query_one("#phase", Label)
        name = app.screen.query_one("#routine-name", Label)
        assert [row.strip() for row in rows(phase) if row.strip()] == ["GET READY"]  # one line, whole
        shown = [row.strip() for row in rows(name) if row.strip()]
        assert len(shown) == 1 and shown[0].startswith("HOLLOWLLL") and shown[0].endswith("…")
        assert cell_len(shown[0]) <= 24
        exercise = [row.strip() for row in rows(app.screen.query_one("#exercise-name", Label)) if row.strip()]
        assert len(exercise) == 1 and exercise[0].endswith("…")
        clock.advance(40)
        await polled(pilot)
        await pilot.pause()
    sessions = [r for r in Journal(path).records() if r["type"] == "session"]
    assert [r["routine_name"] for r in sessions] == [LONG]

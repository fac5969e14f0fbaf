"""The session's controls never cheat: `-`, Pause/Resume, what gets recorded, the
soreness form's keys, and the spoken cues (with a fake espeak-ng on PATH)."""

from __future__ import annotations

import os
import stat

import pytest
from textual.widgets import Input, Label

from tests.clock import FakeClock
from tests.ui.helpers import make_app, polled, settle, settle_workers, wait_until
from tui.core.journal.journal import Journal
from tui.messages import Cue
from tui.screens.home import HomeScreen
from tui.screens.session import SessionScreen
from tui.screens.soreness import SorenessScreen
from tui.screens.summary import SummaryScreen
from tui.widgets.big_text import BigText
from tui.widgets.rating_grid import RatingGrid


def shown(app) -> tuple[str, str]:
    """The phase band's words and the big clock."""
    phase = str(app.screen.query_one("#phase", Label).render())
    return phase, app.screen.query_one("#countdown", BigText).text


async def test_minus_on_the_left_side_keeps_the_switch_and_a_whole_right_side():
    clock = FakeClock()
    app = make_app(clock, start_routine="post-run-stretches")  # quad stretch: 60 s a side
    async with app.run_test(size=(80, 24)) as pilot:
        clock.advance(5 + 55)
        await polled(pilot)
        assert shown(app) == ("HOLD · LEFT SIDE", "0:05")
        await pilot.press("minus")
        assert shown(app)[0].startswith("SWITCH SIDES") and shown(app)[1] == "0:05"
        clock.advance(5)
        await polled(pilot)
        assert shown(app) == ("HOLD · RIGHT SIDE", "1:00")


async def test_minus_in_get_ready_starts_the_hold_whole():
    clock = FakeClock()
    app = make_app(clock, start_routine="post-run-stretches")
    async with app.run_test(size=(80, 24)) as pilot:
        clock.advance(2)
        await polled(pilot)
        assert shown(app)[1] == "0:03"
        await pilot.press("minus")
        assert shown(app) == ("HOLD · LEFT SIDE", "1:00")


async def test_space_is_pause_then_resume_in_the_footer():
    app = make_app(start_routine="legs-up-the-wall")
    async with app.run_test(size=(80, 24)) as pilot:
        footer = lambda: str(app.screen.query_one("Footer").render())  # noqa: E731
        assert "space Pause" in footer() and "f Finish" in footer()
        await pilot.press("space")
        await pilot.pause()
        assert "space Resume" in footer() and "Pause" not in footer()
        await pilot.press("space")
        await pilot.pause()
        assert "space Pause" in footer() and not app.screen.timer.paused


async def test_warm_up_drills_say_go_not_hold():
    clock = FakeClock()
    app = make_app(clock, start_routine="warmup-drills")
    async with app.run_test(size=(80, 24)) as pilot:
        clock.advance(6)
        await polled(pilot)
        phase = shown(app)[0]
        assert "GO" in phase and "keep moving" in phase and "HOLD" not in phase


async def test_a_start_abandoned_in_the_first_get_ready_records_nothing(tmp_path):
    path = tmp_path / "journal.json"
    clock = FakeClock()
    app = make_app(clock, journal_path=path, start_routine="foam-rolling")
    async with app.run_test(size=(80, 24)) as pilot:
        clock.advance(3)
        await polled(pilot)
        await pilot.press("escape", "y")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)  # no summary, no rating asked
    assert Journal(path).records() == []


async def test_finished_with_skips_says_so(tmp_path):
    clock = FakeClock()
    app = make_app(clock, journal_path=tmp_path / "journal.json", start_routine="post-run-stretches")
    async with app.run_test(size=(80, 24)) as pilot:
        clock.advance(6)
        await polled(pilot)
        await pilot.press("n", "n", "f")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        text = str(app.screen.query_one("#summary-text").render())
        assert "Routine finished, 8 skipped" in text and "ended early" not in text
        await settle_workers(app)
    (session,) = Journal(tmp_path / "journal.json").records()
    assert session["completed"] is True and session["exercises_skipped"] == 8


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_minus_to_the_end_does_not_tick_the_plan_step(tmp_path):
    from tests.ui.test_plan_ui import move_to, open_plan, status

    clock = FakeClock()
    app = make_app(clock, journal_path=tmp_path / "journal.json")
    async with app.run_test(size=(100, 30)) as pilot:
        screen = await open_plan(app, pilot)
        move_to(screen, "legs-up")
        await pilot.press("enter")
        await pilot.pause()
        while isinstance(app.screen, SessionScreen):
            await pilot.press("minus")
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.result.report.completed  # every exercise ran out...
        await pilot.press("escape")
        await settle(pilot)
        assert status(screen, "legs-up") != "✓ done"  # ...but nothing was held


# -- the soreness form ------------------------------------------------------------


async def test_one_then_zero_is_ten_only_within_a_second():
    clock = FakeClock()
    app = make_app(clock)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        grid = app.screen.query_one(RatingGrid)
        await pilot.press("1", "0")
        assert grid.overall == 10
        await pilot.press("1")
        clock.advance(1.5)
        await pilot.press("0")
        assert grid.overall == 0  # the 0 replaces the 1
        await pilot.press("down", "1")
        clock.advance(0.5)
        await pilot.press("0")
        assert grid.areas == {"quads": 10}


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_keys_the_grid_does_not_use_never_land_in_the_note():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        assert isinstance(app.screen, SorenessScreen)
        await pilot.press("minus", "h", "space", "p", "a", "3")
        note = app.screen.query_one("#soreness-note", Input)
        assert note.value == "" and not note.has_focus
        assert app.screen.query_one(RatingGrid).overall == 3
        await pilot.press("tab", *"sore", "space", "p")
        assert note.value == "sore p"


async def test_form_help_and_every_rating_row_fit_80x24_without_scrolling():
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        screen = app.screen
        for selector in ("#soreness-hint", "#ratings", "#soreness-note"):
            region = screen.query_one(selector).region
            assert region.height > 0 and region.bottom <= 23, selector  # above the footer


async def test_summary_form_help_and_ratings_fit_80x24(tmp_path):
    clock = FakeClock()
    app = make_app(clock, journal_path=tmp_path / "journal.json", start_routine="legs-up-the-wall")
    async with app.run_test(size=(80, 24)) as pilot:
        clock.advance(5 + 30 + 5 + 270 + 1)
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        await pilot.pause()  # laid out
        for selector in ("#soreness-hint", "#ratings"):
            region = app.screen.query_one(selector).region
            assert region.height > 0 and region.bottom <= 23, selector


# -- spoken cues ------------------------------------------------------------------


def fake_espeak(folder, said) -> None:
    """An `espeak-ng` that appends its last argument (the words) to a file."""
    program = folder / "espeak-ng"
    program.write_text(f'#!/bin/sh\nfor last; do :; done\nprintf "%s\\n" "$last" >> "{said}"\n')
    program.chmod(program.stat().st_mode | stat.S_IXUSR | stat.S_IXGRP | stat.S_IXOTH)


def said_lines(said) -> list[str]:
    return said.read_text().splitlines() if said.exists() else []


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_voice_speaks_a_two_sided_exercise_in_order(tmp_path, monkeypatch):
    said = tmp_path / "said.txt"
    fake_espeak(tmp_path, said)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    clock = FakeClock()
    app = make_app(clock, start_routine="post-run-stretches", voice=True)
    expected = ["Standing quad stretch, 1 minute each side, left side first", "left side", "ten seconds",
                "switch sides", "right side", "ten seconds",
                "next: Standing hamstring stretch, 1 minute each side, left side first"]
    async with app.run_test(size=(80, 24)) as pilot:
        for step, seconds in enumerate((0, 5, 50, 10, 5, 50, 10)):
            clock.advance(seconds)
            await polled(pilot)
            # one line at a time: a new line cuts off a stale one, so wait for each
            await wait_until(pilot, lambda n=step + 1: len(said_lines(said)) >= n)
    assert said_lines(said) == expected


async def test_voice_says_routine_complete(tmp_path, monkeypatch):
    said = tmp_path / "said.txt"
    fake_espeak(tmp_path, said)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    clock = FakeClock()
    app = make_app(clock, start_routine="legs-up-the-wall", voice=True, quiet=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await wait_until(pilot, lambda: len(said_lines(said)) >= 1)
        await pilot.press("f")
        await wait_until(pilot, lambda: "routine complete" in said_lines(said))


async def test_without_espeak_the_session_says_so_in_its_layout_and_goes_on(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # nothing here
    clock = FakeClock()
    app = make_app(clock, start_routine="post-run-stretches", voice=True)
    notices = []
    monkeypatch.setattr(app, "notify", lambda message, **options: notices.append(message))
    async with app.run_test(size=(80, 24)) as pilot:
        clock.advance(5)
        await polled(pilot)
        clock.advance(60)
        await polled(pilot)
        assert notices == []  # said in the session's own line (tests/ui/test_voice_notice.py), not a toast
        line = app.screen.query_one("#voice-notice")
        assert line.display and "espeak-ng" in str(line.render())
        assert isinstance(app.screen, SessionScreen) and "SWITCH" in shown(app)[0]


async def test_voice_off_runs_nothing(tmp_path, monkeypatch):
    said = tmp_path / "said.txt"
    fake_espeak(tmp_path, said)
    monkeypatch.setenv("PATH", f"{tmp_path}{os.pathsep}{os.environ['PATH']}")
    clock = FakeClock()
    app = make_app(clock, start_routine="post-run-stretches")
    spoken: list[str] = []
    monkeypatch.setattr(app.voice_out, "say", lambda words: spoken.append(words) or True)
    cues: list[Cue] = []
    async with app.run_test(size=(80, 24), message_hook=lambda m: isinstance(m, Cue) and cues.append(m)) as pilot:
        clock.advance(5)
        await wait_until(pilot, lambda: any(cue.words for cue in cues))  # words to say came up
        await pilot.pause()  # and the app has handled them
    assert spoken == []
    assert said_lines(said) == []


# -- home after a run -------------------------------------------------------------


async def test_home_after_a_run_today_highlights_the_stretches_and_the_next_step(tmp_path):
    from datetime import timedelta

    from tests.ui.helpers import FIXED_NOW

    path = tmp_path / "journal.json"
    journal = Journal(path)
    run = journal.add_run(FIXED_NOW - timedelta(minutes=26), "easy")
    journal.record_practices(run["id"], ["cool-down-walk", "hydrate"])
    app = make_app(journal_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: app.screen.query_one("#next-step").has_class("-visible"))
        assert str(app.screen.query_one("#next-step").render()) == "After your run: Stretch due now"
        assert app.screen.highlighted_routine.id == "post-run-stretches"


async def test_home_without_a_run_today_keeps_the_first_routine(tmp_path):
    app = make_app(journal_path=tmp_path / "journal.json")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await settle(pilot)
        assert not app.screen.query_one("#next-step").has_class("-visible")
        assert app.screen.highlighted_routine.kind == "warmup"


async def test_up_next_gives_minutes_and_seconds():
    app = make_app(start_routine="legs-up-the-wall")
    async with app.run_test(size=(80, 24)):
        assert str(app.screen.query_one("#up-next", Label).render()) == "Next: Legs up the wall (4:30)"


async def test_voice_is_toggled_in_the_settings_screen(tmp_path):
    from tests.ui.test_settings_ui import open_settings
    from tui.core.common.settings import load_settings

    path = tmp_path / "settings.toml"
    app = make_app(settings_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_settings(app, pilot)
        assert not app.voice
        screen.query_one("#voice").focus()
        await pilot.press("space", "ctrl+s")
        await settle(pilot)
        assert app.voice and app.settings.voice
    assert load_settings(path)[0].voice is True


async def test_the_form_is_one_column_when_two_do_not_fit():
    app = make_app()
    async with app.run_test(size=(60, 24)) as pilot:
        await pilot.press("l")
        await pilot.pause()
        grid = app.screen.query_one(RatingGrid)
        lines = str(grid.render()).splitlines()
        assert len(lines) == 2 + 12 and all(len(line) <= grid.content_size.width for line in lines)
        assert "IT band" in lines[-1]

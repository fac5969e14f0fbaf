"""Drive the app with key presses, as a runner would."""

from __future__ import annotations

import pytest
from textual.widgets import Label, OptionList

from tests.clock import FakeClock
from tests.ui.helpers import make_app, polled, wait_until
from tui.messages import Cue
from tui.screens.home import HomeScreen
from tui.screens.session import SessionScreen
from tui.screens.summary import SummaryScreen
from tui.widgets.big_text import BigText


def countdown(app) -> str:
    return app.screen.query_one("#countdown", BigText).text


def label(app, selector: str) -> str:
    return str(app.screen.query_one(selector, Label).render())


async def test_home_lists_routines_grouped_and_previews():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        assert isinstance(app.screen, HomeScreen)
        options = app.screen.query_one("#routine-list", OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert "post-run-stretches" in ids and "runner-yoga" in ids
        headers = [i for i, x in enumerate(ids) if x is None]
        assert len(headers) == 4
        await pilot.press("down")
        preview = str(app.screen.query_one("#preview").render())
        assert app.screen.highlighted_routine.name in preview


async def test_enter_starts_the_highlighted_routine():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("down", "enter")
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)
        assert app.screen.routine.id == app.library.by_kind()["stretch"][0].id


async def test_click_starts_a_routine():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        options = app.screen.query_one("#routine-list", OptionList)
        await pilot.click(options, offset=(3, 2))
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)


@pytest.mark.slow  # a long app session: the quick loop leaves it out
async def test_whole_routine_with_keys_and_countdown():
    clock = FakeClock()
    app = make_app(clock, start_routine="legs-up-the-wall")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session = app.screen
        assert isinstance(session, SessionScreen)
        assert countdown(app) == "0:05"
        assert "GET READY" in label(app, "#phase")
        clock.advance(5)
        await polled(pilot)
        assert "HOLD" in label(app, "#phase")
        assert countdown(app) == "0:30"
        clock.advance(10)
        await polled(pilot)
        assert countdown(app) == "0:20"
        await pilot.press("space")
        assert "PAUSED" in label(app, "#phase")
        clock.advance(60)
        await polled(pilot)
        assert countdown(app) == "0:20"
        await pilot.press("space", "plus")
        assert countdown(app) == "0:35"
        await pilot.press("minus", "minus")
        assert countdown(app) == "0:05"
        await pilot.press("n")
        assert label(app, "#exercise-name") == session.routine.exercises[1].name
        await pilot.press("p")
        assert label(app, "#exercise-name") == session.routine.exercises[0].name
        await pilot.press("right")
        clock.advance(5 + session.routine.exercises[1].seconds)
        await polled(pilot)
        assert isinstance(app.screen, SummaryScreen)
        report = app.screen.result.report
        assert report.done == (1,) and report.skipped == (0,)
        text = str(app.screen.query_one("#summary-text").render())
        assert "Exercises done: 1 of 2" in text
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_two_sided_exercise_shows_sides_and_switch():
    clock = FakeClock()
    app = make_app(clock, start_routine="post-run-stretches")
    async with app.run_test(size=(80, 24)) as pilot:
        first = app.screen.routine.exercises[0]
        assert first.sides == 2
        clock.advance(5)
        await polled(pilot)
        assert app.screen.query_one("#side", BigText).text == "LEFT"
        assert "HOLD · LEFT SIDE" in label(app, "#phase")
        clock.advance(first.seconds)
        await polled(pilot)
        assert "SWITCH SIDES" in label(app, "#phase")
        clock.advance(5)
        await polled(pilot)
        assert app.screen.query_one("#side", BigText).text == "RIGHT"
        assert label(app, "#up-next").startswith("Next: " + app.screen.routine.exercises[1].name)


async def test_escape_asks_before_leaving_and_keeps_partial():
    clock = FakeClock()
    app = make_app(clock, start_routine="foam-rolling")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("escape")
        assert app.screen.__class__.__name__ == "LeaveRoutineScreen"
        await pilot.press("n")
        assert isinstance(app.screen, SessionScreen)
        assert not app.screen.timer.paused
        clock.advance(6)  # into the first hold
        await polled(pilot)
        await pilot.press("escape", "y")
        await pilot.pause()
        assert isinstance(app.screen, SummaryScreen)
        assert app.screen.result.report.left
        assert "Left part-way" in str(app.screen.query_one("#summary-text").render())


@pytest.mark.parametrize(("quiet", "expected"), [(False, True), (True, False)])
async def test_bell_rings_on_phase_change_unless_quiet(monkeypatch, quiet, expected):
    clock = FakeClock()
    app = make_app(clock, start_routine="legs-up-the-wall", quiet=quiet)
    rings = []
    monkeypatch.setattr(app, "bell", lambda: rings.append(1))
    cues: list[Cue] = []
    async with app.run_test(size=(80, 24), message_hook=lambda m: isinstance(m, Cue) and cues.append(m)) as pilot:
        clock.advance(5)
        await wait_until(pilot, lambda: any(cue.bell for cue in cues))  # the phase changed
        await pilot.pause()  # and the app has handled its cue
    assert bool(rings) is expected


async def test_tiny_terminal_does_not_crash():
    app = make_app(start_routine="runner-yoga")
    async with app.run_test(size=(10, 3)) as pilot:
        await pilot.press("n", "space")
        await pilot.resize_terminal(1, 1)
        await pilot.pause()
        await pilot.resize_terminal(80, 24)
        await pilot.pause()
        assert isinstance(app.screen, SessionScreen)


async def test_brackets_in_a_routine_file_are_shown_as_written(tmp_path):
    """Names and cues are text, never markup: "[/]" in a cue used to stop the session."""
    (tmp_path / "mine.toml").write_text(
        'id = "mine"\nname = "Hips [90/90]"\nkind = "stretch"\ndescription = "Mine."\n\n'
        '[[exercises]]\nname = "Switch [both]"\nseconds = 30\nsides = 1\nareas = ["hips"]\n'
        'cue = "Knees at 90 degrees [/] sit tall [left] then right."\n\n'
        '[[exercises]]\nname = "Rest [easy]"\nseconds = 30\nsides = 1\nareas = ["hips"]\ncue = "Breathe."\n'
    )
    app = make_app(user_dir=tmp_path, start_routine="mine")
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SessionScreen)
        shown = {i: str(screen.query_one(f"#{i}").render()) for i in ("routine-name", "exercise-name", "cue", "up-next")}
        assert shown["routine-name"] == "Hips [90/90]"
        assert shown["exercise-name"] == "Switch [both]"
        assert "Knees at 90 degrees [/] sit tall [left] then right." in shown["cue"]
        assert "Rest [easy]" in shown["up-next"]
        assert app.is_running

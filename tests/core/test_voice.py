"""Spoken cues: what is said when, the --voice flag, the voice setting, and a
speaker that cuts off a stale line without ever waiting for it."""

from __future__ import annotations

import stat
import time

import pytest

from tui.core.common.settings import settings_from_table
from tui.core.routines.model import Exercise, Routine
from tui.core.routines.timer import RoutineTimer
from tui.core.routines.voice import CueTracker, Speaker, speech_command, spoken_length


def routine(kind: str = "stretch") -> Routine:
    return Routine("t", "T", kind, "d", (Exercise("Quad", 30, 2, ("quads",), "c"),
                                          Exercise("Calf", 90, 1, ("calves",), "c")))


def test_spoken_lengths():
    assert spoken_length(45) == "45 seconds"
    assert spoken_length(60, 2) == "1 minute each side"
    assert spoken_length(90) == "1 minute 30 seconds"
    assert spoken_length(120) == "2 minutes"


def test_cues_follow_the_timer_once_each(clock):
    timer = RoutineTimer(routine(), clock, get_ready=5, switch_sides=5)
    cues = CueTracker(timer.routine)
    said = []

    def at(seconds):
        clock.advance(seconds)
        timer.update()
        said.extend(cues.update(timer))

    timer.start()
    at(0)
    at(1)  # nothing new
    for step in (4, 20, 1, 9, 5, 20, 10, 5, 80, 10):
        at(step)
    assert said == ["Quad, 30 seconds each side, left side first", "left side", "ten seconds", "switch sides",
                    "right side", "ten seconds", "next: Calf, 1 minute 30 seconds", "hold",
                    "ten seconds", "routine complete"]


def test_without_get_ready_the_hold_introduces_itself_and_drills_say_go(clock):
    timer = RoutineTimer(routine("warmup"), clock, get_ready=0, switch_sides=0)
    cues = CueTracker(timer.routine)
    timer.start()
    assert cues.update(timer) == ["Quad, 30 seconds each side, left side"]
    timer.next()
    assert cues.update(timer) == ["Calf, 1 minute 30 seconds"]
    timer.previous()
    timer.next()
    timer.previous()
    assert cues.update(timer) == ["Quad, 30 seconds each side, left side"]


def test_the_words_come_last():
    assert speech_command("/usr/bin/espeak-ng", "left side")[-1] == "left side"


def test_a_new_line_cuts_off_a_stale_one_without_waiting(tmp_path):
    slow = tmp_path / "espeak-ng"
    said = tmp_path / "said.txt"
    slow.write_text(f'#!/bin/sh\nfor last; do :; done\nsleep 5\nprintf "%s\\n" "$last" >> "{said}"\n')
    slow.chmod(slow.stat().st_mode | stat.S_IXUSR)
    speaker = Speaker(str(slow))
    started = time.monotonic()
    speaker.say("first")
    stale = speaker._speaking
    speaker.say("second")
    assert time.monotonic() - started < 1  # neither line was waited for
    assert stale.wait(timeout=5) != 0  # the stale line was stopped before it spoke
    speaker.stop()
    assert not said.exists()


def test_a_program_removed_since_it_was_found_stays_silent_then_speaks_again(tmp_path):
    program = tmp_path / "espeak-ng"
    said = tmp_path / "said.txt"
    speaker = Speaker(str(program))
    speaker.say("hello")  # the program is gone: no exception
    speaker.stop()
    program.write_text(f'#!/bin/sh\nfor last; do :; done\nprintf "%s\\n" "$last" >> "{said}"\n')
    program.chmod(program.stat().st_mode | stat.S_IXUSR)
    speaker.say("again")  # back: the next line is said
    assert speaker._speaking is not None and speaker._speaking.wait(timeout=5) == 0
    assert said.read_text() == "again\n"


def test_voice_setting_is_read_and_checked(tmp_path):
    settings, errors = settings_from_table({"voice": True}, tmp_path / "settings.toml")
    assert settings.voice is True and errors == []
    settings, errors = settings_from_table({"voice": "yes"}, tmp_path / "settings.toml")
    assert settings.voice is False and "voice" in str(errors[0]) and "true or false" in str(errors[0])


@pytest.mark.parametrize("argv, voice", [
    (["run", "legs-up-the-wall", "--voice"], True),
    (["--voice", "run", "legs-up-the-wall"], True),
    (["run", "legs-up-the-wall"], False),
    (["--voice"], True),
    ([], False),
])
def test_voice_flag_before_or_after_the_command(argv, voice):
    from tui.cli.parser import parse

    assert parse(argv).voice is voice


def test_get_ready_and_rest_before_two_sides_say_which_side_starts(clock):
    two_sided_second = Routine("t", "T", "stretch", "d", (Exercise("Calf", 40, 1, ("calves",), "c"),
                                                          Exercise("Quad", 30, 2, ("quads",), "c")))
    timer = RoutineTimer(routine(), clock, get_ready=5, switch_sides=5)
    cues = CueTracker(timer.routine)
    timer.start()
    assert cues.update(timer) == ["Quad, 30 seconds each side, left side first"]
    timer = RoutineTimer(two_sided_second, clock, get_ready=5, switch_sides=5)
    cues = CueTracker(timer.routine)
    timer.start()
    assert cues.update(timer) == ["Calf, 40 seconds"]  # one side: nothing to say
    clock.advance(5 + 40)  # get ready, Calf's hold: the rest before Quad
    timer.update()
    said = cues.update(timer)
    assert said[-1] == "next: Quad, 30 seconds each side, left side first"


def test_a_moving_exercise_is_told_keep_moving(clock):
    moving = Routine("t", "T", "yoga", "d", (Exercise("Cat-cow", 40, 1, ("back",), "c", moving=True),))
    timer = RoutineTimer(moving, clock, get_ready=5, switch_sides=5)
    cues = CueTracker(moving)
    timer.start()
    cues.update(timer)
    clock.advance(5)
    timer.update()
    assert cues.update(timer) == ["keep moving"]

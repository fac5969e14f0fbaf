"""Spoken cues: what to say as a routine moves on, and a speaker that runs
`espeak-ng [options] TEXT` without ever waiting for it.

No Textual here: the session screen (screens/session.py) feeds the timer to a CueTracker and hands
each line to Speaker.say.
"""

from __future__ import annotations

import shutil
import subprocess
from collections.abc import Callable

from tui.core.routines.model import Routine
from tui.core.routines.timer import Phase, RoutineTimer, Segment

VOICE_COMMAND = "espeak-ng"
VOICE_OPTIONS = ("-s", "150")  # words a minute: a little slower than espeak's 175
INSTALL_HINT = (
    "Spoken cues need the espeak-ng program, which was not found. On Debian or Ubuntu: "
    "sudo apt install espeak-ng. The routine goes on without a voice."
)
TEN_SECONDS = 10
TEN_SECONDS_FROM = 20  # holds shorter than this get no "ten seconds"


def spoken_length(seconds: int, sides: int = 1) -> str:
    """45 -> "45 seconds", 90 -> "1 minute 30 seconds"; "each side" for two sides."""
    minutes, rest = divmod(int(seconds), 60)
    parts = []
    if minutes:
        parts.append(f"{minutes} minute{'s' if minutes != 1 else ''}")
    if rest or not minutes:
        parts.append(f"{rest} second{'s' if rest != 1 else ''}")
    return " ".join(parts) + (" each side" if sides == 2 else "")


class CueTracker:
    """Turns timer states into lines to say, each said once: call update()
    after every poll or key and speak what it returns."""

    def __init__(self, routine: Routine) -> None:
        self.routine = routine
        self._index: int | None = None
        self._ten_said: int | None = None

    def _introduce(self, exercise_index: int) -> str:
        exercise = self.routine.exercises[exercise_index]
        return f"{exercise.name}, {spoken_length(exercise.seconds, exercise.sides)}"

    def _first_side(self, exercise_index: int) -> str:
        """Said before a two-sided exercise, so the runner knows where to start."""
        return ", left side first" if self.routine.exercises[exercise_index].sides == 2 else ""

    def update(self, timer: RoutineTimer) -> list[str]:
        if timer.started_at is None:
            return []
        lines: list[str] = []
        if timer.index != self._index:
            was = self._index
            previous = timer.segments[was] if was is not None and was < len(timer.segments) else None
            self._index = timer.index
            lines += self._entered(timer, previous)
        segment = timer.segment
        if (
            segment is not None
            and segment.phase is Phase.HOLD
            and segment.seconds >= TEN_SECONDS_FROM
            and not timer.paused
            and timer.remaining() <= TEN_SECONDS
            and self._ten_said != timer.index
        ):
            self._ten_said = timer.index
            lines.append("ten seconds")
        return lines

    def _entered(self, timer: RoutineTimer, previous: Segment | None) -> list[str]:
        segment = timer.segment
        if segment is None:
            return ["routine complete"]
        if segment.phase is Phase.GET_READY:
            return [self._introduce(segment.exercise) + self._first_side(segment.exercise)]
        if segment.phase is Phase.REST:
            return ["next: " + self._introduce(segment.exercise) + self._first_side(segment.exercise)]
        if segment.phase is Phase.SWITCH:
            return ["switch sides"]
        lines = []
        if previous is None or previous.exercise != segment.exercise:
            lines.append(self._introduce(segment.exercise))  # no get-ready said it
        if segment.side:
            lines.append(f"{segment.side} side")
        elif lines == []:
            exercise = self.routine.exercises[segment.exercise]
            word = "keep moving" if exercise.moving else "hold"
            lines.append("go" if self.routine.kind == "warmup" else word)
        return [", ".join(lines)]


def find_voice(which: Callable[[str], str | None] = shutil.which) -> str | None:
    """The espeak-ng program on PATH, or None."""
    return which(VOICE_COMMAND)


def speech_command(program: str, text: str) -> list[str]:
    """The words always come last: `espeak-ng [options] TEXT`."""
    return [program, *VOICE_OPTIONS, text]


class Speaker:
    """Says one line at a time: a new line cuts off one still being said.
    The process is started and never waited on, so speech cannot hold up the
    session's clock."""

    def __init__(self, program: str) -> None:
        self.program = program
        self._speaking: subprocess.Popen | None = None

    def say(self, text: str) -> None:
        self.stop()
        try:
            self._speaking = subprocess.Popen(
                speech_command(self.program, text),
                stdin=subprocess.DEVNULL,
                stdout=subprocess.DEVNULL,
                stderr=subprocess.DEVNULL,
            )
        except OSError:
            self._speaking = None  # removed since it was found: stay silent

    def stop(self) -> None:
        speaking, self._speaking = self._speaking, None
        if speaking is not None and speaking.poll() is None:
            speaking.terminate()  # not waited on: subprocess reaps it at the next Popen


class LazyVoice:
    """A voice found when first needed: espeak-ng is looked for on the first
    spoken cue, not while the app starts, and its absence is told once."""

    def __init__(self, find: Callable[[], str | None] | None = None) -> None:
        self.find = find
        self.speaker: Speaker | bool | None = None  # a Speaker once found; False when looked for and not there

    @property
    def missing(self) -> bool:
        """Looked for, and not there."""
        return self.speaker is False

    def say(self, words: str) -> bool:
        """Say `words`; False only the first time no voice program is found
        (the caller says how to get one), True otherwise."""
        if self.speaker is None:
            program = (self.find or find_voice)()
            self.speaker = False if program is None else Speaker(program)
            if program is None:
                return False
        if isinstance(self.speaker, Speaker):
            self.speaker.say(words)
        return True

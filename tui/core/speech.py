"""A voice found when first needed: espeak-ng is looked for on the first
spoken cue, not while the app starts, and its absence is told once."""

from __future__ import annotations

from collections.abc import Callable


class LazyVoice:
    def __init__(self, find: Callable[[], str | None] | None = None) -> None:
        self.find = find
        self.speaker = None  # a Speaker once found; False when looked for and not there

    def say(self, words: str) -> bool:
        """Say `words`; False only the first time no voice program is found
        (the caller says how to get one), True otherwise."""
        if self.speaker is None:
            from tui.core.voice import Speaker, find_voice

            program = (self.find or find_voice)()
            self.speaker = False if program is None else Speaker(program)
            if program is None:
                return False
        if self.speaker:
            self.speaker.say(words)
        return True

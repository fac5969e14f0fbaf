"""What came of work the app did for a screen: results only, never requests,
callbacks or changes (a screen asks by calling its typed app, AppServices).

Workers post what came of a journal write or read to the screen that asked;
it bubbles on to the app, which says it. A timer posts its cues.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import TYPE_CHECKING

from textual.message import Message

if TYPE_CHECKING:
    from tui.core.journal.store.errors import JournalError

# -- news from the workers --------------------------------------------------


@dataclass
class JournalSaved(Message):
    """A write worked; `record` is what was written."""

    what: str
    record: dict
    notice: str = ""  # the pain guard's, after a rating


@dataclass
class JournalFailed(Message):
    """A write failed: said at once, and the next write tries again."""

    what: str
    error: Exception | None  # None: there is no journal to write to

    @property
    def problem(self) -> str:
        if self.error is None:
            return f"The journal is not available, so this {self.what} was not saved."
        return str(self.error)


@dataclass
class JournalUnreadable(Message):
    """Reading the journal failed (for a notice, the plan, history...)."""

    error: JournalError


# -- from the timers ----------------------------------------------------------


@dataclass
class Cue(Message):
    """A cue from a timer: the bell (unless quiet), and words to speak if the voice is on."""

    words: str = ""
    bell: bool = False


@dataclass
class VoiceMissing(Message):
    """A cue could not be spoken: no speech program was found. Posted to the
    screen on top; a session shows it in its own layout (never over the
    countdown or the cue), any other screen lets it bubble on to the app,
    which says it in a notice."""

"""What the screens and the app's workers tell the app.

Screens post a request (start a routine, open the plan, save a rating, write
to the journal) instead of calling the app; workers post what came of a
journal write or read instead of calling back into the app from their thread.
Every message bubbles from the screen that posts it up to RecoveryApp, which
handles it with `@on(...)`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from textual.message import Message

if TYPE_CHECKING:
    from tui.core.common.settings import Settings
    from tui.core.journal.journal import Journal
    from tui.core.plan.definition import DueStep
    from tui.widgets.soreness_form import SorenessEntry

# -- requests from the screens --------------------------------------------


@dataclass
class StartSession(Message):
    """Play a routine through; `on_complete` runs if the session counts as done."""

    routine_id: str
    on_complete: Callable[[], None] | None = None


@dataclass
class StartTimedStep(Message):
    """A plan step with a countdown of its own (ice bath, Epsom salt bath)."""

    step: DueStep
    on_complete: Callable[[], None]


@dataclass
class OpenPlan(Message):
    """Ask when the run ended, then show its plan."""


@dataclass
class LogSoreness(Message):
    """Open the soreness form."""


@dataclass
class SaveSoreness(Message):
    """Save a rating; `form` (a SorenessScreen) hears how it went."""

    entry: SorenessEntry
    form: Any = None


@dataclass
class WriteJournal(Message):
    """One change to the journal, through the app's single write path."""

    what: str
    change: Callable[[Journal], Any]


# -- news from the workers --------------------------------------------------


@dataclass
class JournalSaved(Message):
    """A write worked; `record` is what was written."""

    what: str
    record: Any = None
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

    error: Exception


@dataclass
class ApplySettings(Message):
    """Use these settings now, and save them."""

    settings: Settings


@dataclass
class Cue(Message):
    """A cue from a timer: the bell (unless quiet), and words to speak if the voice is on."""

    words: str = ""
    bell: bool = False

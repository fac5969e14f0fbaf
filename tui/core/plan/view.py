"""The plan in words, one wording for the command line and the app: a step's
state, its title, its time window, the plan's heading and what a run has done.

The app adds colour (tui/screens/plan.py); `recovery-tui plan` prints the
same words in columns (tui/cli/plan.py).
"""

from __future__ import annotations

from datetime import datetime

from tui.core.plan.definition import DueStep
from tui.core.plan.runs import DONE, SKIPPED

STATE_WORDS = {
    "later": "later",
    "soon": "due soon",
    "due": "due now",
    "overdue": "overdue",
    DONE: "✓ done",
    SKIPPED: "– skipped",
    "dropped": "skip tonight",
}


def step_title(step: DueStep) -> str:
    """"Ice bath (optional)"."""
    return step.title + (" (optional)" if step.optional else "")


def window_words(step: DueStep, ended: datetime) -> str:
    """When the step is due: "08:40-09:40", a moment on another day than the
    run's end with its weekday ("Sat 00:10"), one time when the window is a
    moment, and "-" for a step dropped tonight."""
    if step.start is None or step.end is None:
        return "-"

    def clock(moment: datetime) -> str:
        return f"{moment:%H:%M}" if moment.date() == ended.date() else f"{moment:%a %H:%M}"

    return clock(step.start) if step.start == step.end else f"{clock(step.start)}-{clock(step.end)}"

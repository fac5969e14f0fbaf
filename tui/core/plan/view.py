"""The plan in words, one wording for the command line and the app: a step's
state, its title, its time window, the plan's heading and what a run has done.

The app adds colour (tui/screens/plan.py); `recovery-tui plan` prints the
same words in columns (tui/cli/plan.py).
"""

from __future__ import annotations

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

"""The plan in words, one wording for the command line and the app: a step's
state, its title, its time window, the plan's heading and what a run has done.

The app adds colour (tui/screens/plan.py); `recovery-tui plan` prints the
same words in columns (tui/cli/plan.py).
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, time
from typing import TYPE_CHECKING

from tui.core.common.when import in_zone_of, span_words
from tui.core.plan.definition import DueStep, step_status
from tui.core.plan.evening import night_for
from tui.core.plan.runs import DONE, SKIPPED, run_end, step_state

if TYPE_CHECKING:
    from tui.core.plan.practices import PracticeNames

STATE_WORDS = {
    "later": "later",
    "soon": "due soon",
    "due": "due now",
    "overdue": "overdue",
    DONE: "✓ done",
    SKIPPED: "– skipped",
    "dropped": "skip tonight",
}


def step_ids(step: DueStep) -> str:
    """"[stretch]", "[ice-bath or heat]": what `did` takes for the row."""
    return f"[{' or '.join(step.ids)}]"


def left_out_line(steps: Iterable[DueStep], ended: datetime) -> str:
    """"Left out tonight: Meal, Epsom salt bath (bed in 1 h 15 min)", or ""
    when everything fits: the steps dropped tonight, named in one line."""
    steps = list(steps)
    left_out = [s.title for s in steps if s.dropped]
    sleep = next((s.start for s in steps if s.id == "sleep" and s.start is not None), None)
    if not left_out:
        return ""
    until = f" (bed in {span_words(sleep - ended)})" if sleep is not None else ""
    return f"Left out tonight: {', '.join(left_out)}{until}"


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


def kind_words(run: dict) -> str:
    """"long run", or "run" when its kind was not given."""
    return f"{run['run_kind']} run" if run["run_kind"] else "run"


def moment_words(moment: datetime, now: datetime) -> str:
    """"21:50" today, "Thu 21 Nov 21:50" on another day."""
    return f"{moment:%H:%M}" if moment.date() == now.date() else f"{moment:%a %d %b %H:%M}"


def plan_heading(run: dict, now: datetime, bedtime: time) -> str:
    """"Long run ended 21:50 · bedtime 22:30 · late run: short plan, sleep 23:00"."""
    ended = run_end(run, now)
    night = night_for(ended, bedtime)
    kind = kind_words(run)
    heading = f"{kind[0].upper()}{kind[1:]} ended {moment_words(ended, now)} · bedtime {bedtime:%H:%M}"
    if night.short:
        heading += f" · late run: short plan, sleep {night.sleep:%H:%M}"
    return heading


def named_steps(ids: Iterable[str], names: PracticeNames) -> str:
    """"Drink, Stretch": recorded ids by the names the plan shows, each once."""
    return ", ".join(name for _practice, name in names.named(ids))


def done_words(run: dict, names: PracticeNames) -> str:
    """What a run has done: "done: Drink, Stretch; skipped: Ice bath"."""
    words = "done: " + (named_steps(run["practices"], names) or "nothing yet")
    return words + ("; skipped: " + named_steps(run["skipped"], names) if run["skipped"] else "")


def describe_run(run: dict, names: PracticeNames) -> str:
    """A run record in a few words: "long run; done: Drink, Stretch; skipped: Ice bath"."""
    return f"{kind_words(run)}; {done_words(run, names)}"


def next_due_line(steps: Iterable[DueStep], run: dict, now: datetime) -> str:
    """The plan's next step in one line: "Stretch due now", "Next: Foam rolling
    at 08:10", or "" when nothing required is left to do today."""
    step = next_due_step(steps, run, now)
    if step is None or step.start is None:
        return ""
    if step_status(step, now) == "due":
        return f"{step.title} {STATE_WORDS['due']}"
    return f"Next: {step.title} at {in_zone_of(step.start, now):%H:%M}"


def next_due_step(steps: Iterable[DueStep], run: dict, now: datetime) -> DueStep | None:
    """The required step to do next: the first one due now, else the first one
    still to come (None when nothing required is left to do today). Home names
    it after a run; the plan screen's cursor starts on it."""
    waiting = [s for s in steps if not s.optional and step_state(s, run, now) not in (DONE, SKIPPED)]
    due = next((s for s in waiting if step_status(s, now) == "due"), None)
    if due is not None:
        return due
    return next((s for s in waiting if s.start is not None and step_status(s, now) in ("later", "soon")), None)

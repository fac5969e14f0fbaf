"""A run and its plan state: when it ended, what was done, what was skipped.

The state lives in the journal's run record (see Journal.start_run,
place_run, record_practices, skip_steps, reopen_steps); these helpers read it
against a built plan and decide what counts as a practice.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime

from tui.core.common.when import in_zone_of, parse_stored
from tui.core.plan.definition import STEP_IDS, DueStep, step_status
from tui.core.routines.model import Routine

DONE, SKIPPED = "done", "skipped"
STATES = ("due", "soon", "overdue", "later", DONE, SKIPPED, "dropped")  # as `plan --json` writes them
NOT_RECOVERY = ("warmup",)  # routine kinds that are done before a run, not after it


def run_end(run: dict, now: datetime) -> datetime:
    """When the run ended, as a wall time in the zone the user is in now."""
    return in_zone_of(parse_stored(run["time"]), now)


def is_practice(routine: Routine) -> bool:
    """Whether finishing the routine counts as a recovery practice of the day's
    run: warm-up drills are done before a run and do not."""
    return routine.kind not in NOT_RECOVERY


def practice_ids(routines: Iterable[Routine]) -> list[str]:
    """Everything `did` accepts: the plan's step ids, then recovery routines' ids."""
    return [*STEP_IDS, *(r.id for r in routines if is_practice(r) and r.id not in STEP_IDS)]


def is_done(step: DueStep, run: dict | None) -> bool:
    """Ticked, or its routine was recorded as a practice of the run (either
    choice of an either-or row)."""
    if run is None:
        return False
    return any(half.id in run["practices"] or (half.routine is not None and half.routine in run["practices"])
               for half in step.halves)


def step_state(step: DueStep, run: dict | None, now: datetime) -> str:
    """"done", "skipped", or the step's status by the clock ("later", "soon",
    "due", "overdue", or "dropped" when it does not fit tonight)."""
    if is_done(step, run):
        return DONE
    if run is not None and any(i in run["skipped"] for i in step.ids):
        return SKIPPED
    return step_status(step, now)


def practices_for(step: DueStep, choice: str | None = None) -> list[str]:
    """What ticking a step records: its id, and its routine's id if it has
    one. For an either-or row, `choice` names the one that was done; without
    it, what either records (to undo or skip the row)."""
    halves = [h for h in step.halves if choice is None or h.id == choice]
    if not halves:
        raise ValueError(f"{choice!r} is not a choice of {step.id!r}")
    return list(dict.fromkeys(i for h in halves for i in (h.id, h.routine) if i))

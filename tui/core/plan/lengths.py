"""How long the routine of each plan step takes, so that the step's window
is at least that long (a 5-minute Stretch window for a 13:55 routine could
not be kept), and the words for a routine that ended without ticking its step."""

from __future__ import annotations

from collections.abc import Iterable

from tui.core.common.paths import BUILTIN_ROUTINES_DIR
from tui.core.common.settings import Settings
from tui.core.plan.definition import PlanDef
from tui.core.routines.loader import load_routine
from tui.core.routines.model import Routine
from tui.core.routines.timer import Report, planned_seconds


def routine_lengths(routines: Iterable[Routine], settings: Settings) -> dict[str, float]:
    """Routine id -> its whole length in seconds, as a session times it."""
    return {r.id: planned_seconds(r, settings.get_ready_seconds, settings.switch_sides_seconds) for r in routines}


def shipped_lengths(plan: PlanDef, settings: Settings) -> dict[str, float]:
    """The lengths of the shipped routines the shipped plan names, reading
    only their files (`plan` does not read the whole library for them)."""
    named = {step.routine for step in plan.steps if step.routine}
    found = []
    for routine_id in sorted(named):
        path = BUILTIN_ROUTINES_DIR / f"{routine_id}.toml"
        if path.is_file():
            routine = load_routine(path, builtin=True)
            if routine.id == routine_id:
                found.append(routine)
    return routine_lengths(found, settings)


def not_ticked_words(report: Report) -> str | None:
    """Why a finished routine did not tick its step, with the way to tick it
    anyway ("Held 4 of 16 minutes: not ticked. Tick it anyway? d"); None when
    it ticked it or was left before the end."""
    if not report.finished or report.counts_as_practice:
        return None
    held, planned = round(report.held_seconds / 60), round(report.planned_hold_seconds / 60)
    return (f"Held {held} of {planned} minutes: not ticked (half the holding time ticks a step). "
            "Tick it anyway? d")

"""One thing at a time: the steps of one evening placed one after the other,
so that no two steps that need her body share a window.

- Steps go in the plan's order: those timed from the run's end by their
  offset, then those timed from bedtime. Each starts at its own time or once
  the steps before it are over, whichever is later; the step just before,
  if its window runs into it, is cut back as far as its shortest length
  (its timer, its routine, else 5 minutes) rather than pushing it on.
- The first snack is eaten during the first stretch, as the source has it;
  heat is the ice bath's either-or and shares its window.
- No two snacks within an hour; a meal ends 45 min before bed or becomes a
  light snack; the hot Epsom bath waits an hour after a cold one; a nap ends
  5 h before bed. Nothing ends after sleep: a step that cannot have its
  shortest length before it is dropped ("skip tonight").

All times are UTC here (evening.py hands out wall times).
"""

from __future__ import annotations

import math
from collections.abc import Mapping
from dataclasses import dataclass
from datetime import datetime, timedelta

from tui.core.plan.definition import PlanStep

SLEEP, NAP, MEAL, STRETCH, SNACK = "sleep", "nap", "meal", "stretch", "snack"
COLD, HOT = "ice-bath", "epsom-bath"
ALONGSIDE = {SNACK: STRETCH}  # step -> the one step it may share a window with
EITHER_OR = {"heat": COLD}  # step -> the step it is the alternative of (one window)
SHORTEST_STEP = timedelta(minutes=5)
LIGHT_SNACK = timedelta(minutes=15)
MEAL_CLEAR_OF_BED = timedelta(minutes=45)
SNACK_GAP = timedelta(hours=1)
COLD_BEFORE_HOT = timedelta(hours=1)
NAP_CLEAR_OF_BED = timedelta(hours=5)


@dataclass
class Slot:
    """Where one step went: its window (None when dropped), and whether a meal became a snack."""

    step: PlanStep
    start: datetime | None
    end: datetime | None
    shortest: timedelta
    light_snack: bool = False


def shortest(step: PlanStep, lengths: Mapping[str, float]) -> timedelta:
    """Its timer, its routine's length in whole minutes, else SHORTEST_STEP."""
    if step.timer_seconds:
        return timedelta(seconds=step.timer_seconds)
    length = lengths.get(step.routine or "")
    return timedelta(minutes=math.ceil(length / 60)) if length else SHORTEST_STEP


class Layout:
    def __init__(self, ended: datetime, sleep: datetime, lengths: Mapping[str, float]) -> None:
        self.ended, self.sleep, self.lengths = ended, sleep, lengths
        self.slots: dict[str, Slot] = {}
        self.busy: list[Slot] = []  # placed steps that occupy her, in order

    def place(self, step: PlanStep, base: datetime) -> Slot:
        partner = self.slots.get(EITHER_OR.get(step.id, ""))
        if partner is not None:  # the same window as the step it is the alternative of
            slot = Slot(step, partner.start, partner.end, partner.shortest)
        else:
            slot = self._fit(step, base + timedelta(minutes=step.start_minutes),
                             base + timedelta(minutes=step.end_minutes))
        self.slots[step.id] = slot
        if slot.start is not None and partner is None:
            self.busy.append(slot)
        return slot

    def drop(self, step: PlanStep) -> Slot:
        self.slots[step.id] = slot = Slot(step, None, None, SHORTEST_STEP)
        return slot

    def _fit(self, step: PlanStep, natural: datetime, natural_end: datetime) -> Slot:
        length, light = shortest(step, self.lengths), False
        before = [s for s in self.busy if s.step.id != ALONGSIDE.get(step.id)]
        last = before[-1] if before else None
        start = max([natural, self.ended, *(s.end for s in before[:-1] if s.end is not None)])
        if last is not None and last.start is not None and last.end is not None:
            start = max(start, min(last.end, max(last.start + last.shortest, natural)))  # cut back if it can
        if step.id == HOT and self._done(COLD):
            start = max(start, self._end(COLD) + COLD_BEFORE_HOT)
        end = max(natural_end, start + length)
        if step.id == MEAL and end > self.sleep - MEAL_CLEAR_OF_BED:
            light, length = True, LIGHT_SNACK
            if self._done(SNACK):
                start = max(start, self._end(SNACK) + SNACK_GAP)
            end = start + length
            length = min(length, SHORTEST_STEP)  # a light snack may be cut short by bedtime
        if step.id == NAP and end > self.sleep - NAP_CLEAR_OF_BED:
            return self.drop(step)
        if start + length > self.sleep:
            return self.drop(step)
        if last is not None and last.end is not None and last.end > start:
            last.end = start  # the step before is over when this one begins
        return Slot(step, start, min(end, self.sleep), length, light)

    def _done(self, step_id: str) -> bool:
        slot = self.slots.get(step_id)
        return slot is not None and slot.start is not None

    def _end(self, step_id: str) -> datetime:
        end = self.slots[step_id].end
        if end is None:
            raise ValueError(f"{step_id} was dropped: it has no window")
        return end

"""One id and one display name per recovery practice.

The journal records plan step ids ("foam-roll") and routine ids
("foam-rolling") side by side. A routine that carries out a plan step
counts as that step, so the two are one practice, shown by the step's
title ("Foam rolling"). Other routines keep their id and show their name.
Warm-ups come before a run: they are not a recovery practice. Names are
printed to a terminal, so their control characters are written out (\\x1b).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field
from functools import cached_property

from tui.core.common.paths import PLAN_FILE, user_plan_path
from tui.core.common.terminal_text import one_line
from tui.core.plan.definition import STEP_IDS, PlanDef, load_plan
from tui.core.plan.runs import is_practice


def fallback_name(practice: str) -> str:
    """A name for an id nothing else names (a routine file since deleted): "my-calves" -> "My calves"."""
    return practice.replace("-", " ").capitalize()


@dataclass(frozen=True)
class PracticeNames:
    aliases: Mapping[str, str] = field(default_factory=dict)  # routine id -> the step it carries out
    names: Mapping[str, str] = field(default_factory=dict)  # practice id -> display name
    excluded: frozenset[str] = frozenset()  # ids that are not recovery practices

    def practice(self, recorded: str) -> str | None:
        """The practice a recorded id counts as; None if it is not a recovery practice."""
        if recorded in self.excluded:
            return None
        return self.aliases.get(recorded, recorded)

    def practices(self, recorded: Iterable[str]) -> set[str]:
        """The practices a run's recorded ids count as (an excluded id is never an alias)."""
        found = set(recorded)
        if self._renamed.isdisjoint(found):
            return found  # the common case: every id is its own practice
        found = set(map(self.aliases.get, found, found))  # each id, or the step it is
        return found - self.excluded

    @cached_property
    def _renamed(self) -> frozenset[str]:
        return frozenset(self.aliases) | self.excluded

    def name(self, practice: str) -> str:
        return self.names.get(practice) or fallback_name(practice)

    def knows(self, recorded: str) -> bool:
        """Whether the id has a name here (else it gets fallback_name)."""
        return recorded in self.names or recorded in self.aliases

    def named(self, recorded: Iterable[str]) -> list[tuple[str, str]]:
        """(practice, name) for a run's recorded ids, in their order, each
        practice once: ["stretch", "post-run-stretches"] is one ("stretch",
        "Stretch"). An id that is not a practice (a warm-up in an old
        journal) keeps its own name."""
        named: dict[str, str] = {}
        for found in recorded:
            practice = self.practice(found) or found
            named.setdefault(practice, self.name(practice))
        return list(named.items())


def practice_names(plan: PlanDef, routines: Iterable) -> PracticeNames:
    """From the plan in use (step titles, which routine carries out which
    step) and the routines (`id`, `name`, `kind`)."""
    aliases = {step.routine: step.id for step in plan.steps if step.routine and step.routine != step.id}
    names: dict[str, str] = {}
    excluded: set[str] = set()
    for routine in routines:
        if not is_practice(routine):
            excluded.add(routine.id)
        elif routine.id not in aliases and routine.id not in STEP_IDS:
            names[routine.id] = one_line(routine.name)
    names.update({step.id: one_line(step.title) for step in plan.steps})
    return PracticeNames(aliases, names, frozenset(excluded - set(STEP_IDS)))


def shipped_plan_names() -> PracticeNames:
    """From the shipped plan alone: the names of its steps and of the routines
    that carry them out, as practice_names gives them with every routine read
    (the other routines' names are the only ones this lacks)."""
    return practice_names(load_plan(None, PLAN_FILE)[0], [])


def load_practice_names(routines: Iterable) -> PracticeNames:
    """With the user's plan file if it is good, else the shipped plan (as the plan screen does)."""
    routines = list(routines)
    plan, _errors = load_plan(user_plan_path(), PLAN_FILE, [r.id for r in routines])
    return practice_names(plan, routines)

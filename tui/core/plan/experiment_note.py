"""What a self-experiment asks of tonight, put into the plan: its line on
top of the heading, and the practice's step saying "tonight" or "not tonight".

The plan does not read experiments (the package arrows run the other way):
the caller works the note out (tui/core/experiments/plan_line.py) and
passes it in.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, replace

from tui.core.plan.definition import DueStep


@dataclass(frozen=True)
class ExperimentNote:
    line: str  # "Experiment 3 of 8: ice bath tonight"
    practice: str  # a plan step id, or a routine id
    doing: bool  # tonight is "with" the practice


def noted_heading(heading: str, notes: Iterable[ExperimentNote]) -> str:
    """Each experiment's line, then the plan's own heading."""
    return "\n".join([*(note.line for note in notes), heading])


def noted_steps(steps: Iterable[DueStep], notes: Iterable[ExperimentNote]) -> list[DueStep]:
    """The steps, the experiment's practice saying what the coin decided. An
    either-or row whose choice is the experiment's practice is that choice
    alone on a "tonight" and both choices as rows on a "not tonight"."""
    by_practice = {note.practice: note for note in notes}
    noted: list[DueStep] = []
    for row in steps:
        decided = [(c, n) for c in row.choices if (n := _note_of(c, by_practice)) is not None]
        if decided:
            choice, note = decided[0]
            rows = [choice] if note.doing else list(row.choices)
            noted += [_noted(c, _note_of(c, by_practice)) for c in rows]
        else:
            noted.append(_noted(row, _note_of(row, by_practice)))
    return noted


def _note_of(step: DueStep, by_practice: dict[str, ExperimentNote]) -> ExperimentNote | None:
    return by_practice.get(step.id) or (by_practice.get(step.routine) if step.routine else None)


def _noted(step: DueStep, note: ExperimentNote | None) -> DueStep:
    if note is None:
        return step
    if note.doing:
        return replace(step, title=f"{step.title}: tonight (experiment)", optional=False,
                       detail=f"{note.line}. {step.detail}")
    return replace(step, title=f"{step.title}: not tonight (experiment)", optional=True,
                   detail=f"{note.line}. Leave this one out tonight, whatever the day was like: "
                          "that is what makes the comparison fair.")

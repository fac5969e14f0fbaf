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
    """The steps, the experiment's practice saying what the coin decided."""
    by_practice = {note.practice: note for note in notes}
    noted = []
    for step in steps:
        note = by_practice.get(step.id) or (by_practice.get(step.routine) if step.routine else None)
        if note is None:
            noted.append(step)
        elif note.doing:
            noted.append(replace(step, title=f"{step.title}: tonight (experiment)", optional=False,
                                 detail=f"{note.line}. {step.detail}"))
        else:
            noted.append(replace(step, title=f"{step.title}: not tonight (experiment)", optional=True,
                                 detail=f"{note.line}. Leave this one out tonight, whatever the day was like: "
                                        "that is what makes the comparison fair."))
    return noted

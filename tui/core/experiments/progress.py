"""Which runs an experiment counts, what the coin assigned them, what was
done, and the outcome of each.

A run counts when it ended after the experiment started (and before it was
stopped), is of the experiment's kind if it has one, and is the first such
run of its plan day: the unit is the night after the run, and a second run
the same day shares that night, so it takes no place of its own (it is
listed in `extra`). The n-th counted run takes the n-th arm of the stored
schedule; once every place is taken, later runs are not part of it.

What was done is read as insights read it (facts.facts_of: the practices
ticked for the run and the routines finished on its plan day, as
practices.PracticeNames names them). The outcome comes from a rule passed
in (see outcome.py): per run id, the next-morning rating (lower is better)
and the rating between the run and that night, if there is one.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import datetime

from tui.core.experiments.design import WITH, Experiment
from tui.core.insights.facts import RUN_ID, RUN_PRACTICES, facts_of
from tui.core.journal.records import record_time
from tui.core.plan.practices import PracticeNames

# journal records -> per run id, (its outcome, how sore the runner was before that night or None)
OutcomeRule = Callable[[list[dict]], dict[int, tuple[float, float | None]]]


@dataclass(frozen=True)
class Slot:
    place: int  # 1-based
    run_id: int
    day: str  # the run's plan day
    ended: datetime
    arm: str  # WITH or WITHOUT
    done: bool  # the practice was done after the run
    outcome: float | None  # None until it is in
    before: float | None = None  # the rating between the run and that night, if any

    @property
    def followed(self) -> bool:
        return (self.arm == WITH) == self.done


@dataclass(frozen=True)
class Progress:
    experiment: Experiment
    slots: tuple[Slot, ...]
    extra: tuple[tuple[int, int], ...] = ()  # (run id, place of its day's counted run)

    @property
    def finished(self) -> bool:
        return len(self.slots) == self.experiment.runs

    @property
    def running(self) -> bool:
        return self.experiment.stopped is None and not self.finished

    @property
    def awaiting(self) -> list[Slot]:
        """Counted runs whose outcome is not in yet."""
        return [slot for slot in self.slots if slot.outcome is None]

    def place_of(self, run_id: int) -> Slot | None:
        """The slot a run takes, or the one of its day for a second run that day."""
        place = next((p for r, p in self.extra if r == run_id), None)
        return next((s for s in self.slots if s.run_id == run_id or s.place == place), None)


def counts(experiment: Experiment, run: dict) -> bool:
    """Whether a run may take a place: after the start, before any stop, of the right kind."""
    ended = record_time(run)
    return (ended > experiment.started
            and (experiment.stopped is None or ended <= experiment.stopped)
            and (experiment.after is None or run["run_kind"] == experiment.after))


def progress(experiment: Experiment, records: Iterable[dict], names: PracticeNames,
             outcome: OutcomeRule) -> Progress:
    """From the journal's records since the experiment started (any order)."""
    records = list(records)
    runs = sorted((r for r in records if r["type"] == "run" and counts(experiment, r)),
                  key=lambda r: (record_time(r), r["id"]))
    done = {row[RUN_ID]: experiment.practice in names.practices(row[RUN_PRACTICES])
            for row in facts_of(records).runs}
    outcomes = outcome(records)
    slots: list[Slot] = []
    extra: list[tuple[int, int]] = []
    places: dict[str, int] = {}
    for run in runs:
        day = run["plan_date"]
        if day in places:
            extra.append((run["id"], places[day]))
            continue
        if len(slots) == experiment.runs:
            break
        place = len(slots) + 1
        places[day] = place
        rated, before = outcomes.get(run["id"], (None, None))
        slots.append(Slot(place, run["id"], day, record_time(run), experiment.schedule[place - 1],
                          done.get(run["id"], False), rated, before))
    return Progress(experiment, tuple(slots), tuple(extra))

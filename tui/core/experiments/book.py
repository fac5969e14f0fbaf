"""The experiments table: kept in the journal's own file, beside its records.

So an experiment has every promise the journal makes: saved atomically
under the journal's lock, its ids never given out twice, copied into each
day's backup and brought back by a restore; the archive moves records only,
so an experiment of any length stays in the journal file. Every doc is
checked when it is read (a bad one is skipped and named in `problems`)
and before it is written.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import datetime

from tui.core.experiments.design import Experiment, from_doc, new_experiment
from tui.core.journal.journal import Journal
from tui.core.journal.records import FieldError, check_moment

TABLE = "experiments"


class ExperimentBook:
    """The experiments of one journal, oldest first."""

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.problems: list[str] = []

    def all(self) -> list[Experiment]:
        """Every experiment that checks out; `problems` says which were skipped and why."""
        with self.journal.reading():
            if not self.journal.path.exists():
                self.problems = []
                return []
            docs = self.journal.other_table(TABLE).storage.read() or {}
        found, self.problems = [], []
        for key, doc in sorted(docs.get(TABLE, {}).items(), key=lambda item: int(item[0])):
            try:
                found.append(from_doc(int(key), doc))
            except FieldError as error:
                self.problems.append(f"Experiment #{key} in {self.journal.path} was skipped: "
                                     f"field '{error.field}' {error.reason}.")
        return found

    def start(self, practice: str, after: str | None, runs: int, seed: int, started: datetime,
              running: Callable[[Experiment], bool]) -> Experiment:
        """Save a new experiment; FieldError if one on the same practice is
        still `running` (checked under the lock, so two starts cannot both pass)."""
        experiment = new_experiment(practice, after, runs, seed, started)
        with self.journal.locked():
            busy = [e for e in self.all() if e.practice == practice and running(e)]
            if busy:
                raise FieldError("practice", f"already has an experiment running (#{busy[0].id}, "
                                             "started " f"{busy[0].started:%d %b %Y}): stop it first")
            doc_id = self.journal.other_table(TABLE).insert(experiment.to_doc())
        return from_doc(doc_id, experiment.to_doc())

    def stop(self, experiment: Experiment, when: datetime) -> Experiment:
        """Mark an experiment stopped at `when`; the runs before it still count."""
        check_moment(when, "when")
        with self.journal.locked():
            current = next((e for e in self.all() if e.id == experiment.id), None)
            if current is None:
                raise FieldError("experiment", f"#{experiment.id} is not in {self.journal.path}")
            if current.stopped is not None:
                return current
            doc_id = int(current.id or 0)  # read from the table: it has one
            doc = {**current.to_doc(), "stopped": max(when, current.started).isoformat()}
            stopped = from_doc(current.id, doc)  # checks before it is written
            self.journal.other_table(TABLE).update(doc, doc_ids=[doc_id])
        return stopped

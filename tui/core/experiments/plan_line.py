"""What the after-run plan says for a run that is part of an experiment:
"Experiment 3 of 8: ice bath tonight", or "... no ice bath tonight — do the
rest as usual". Only the run's own place is shown: the coin's later draws
stay hidden until their runs come."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import time

from tui.core.common.errors import DataFileError
from tui.core.experiments.book import ExperimentBook
from tui.core.experiments.design import WITH
from tui.core.experiments.progress import OutcomeRule, Progress
from tui.core.experiments.status import read_progress
from tui.core.journal.journal import Journal
from tui.core.journal.store.errors import JournalError
from tui.core.plan.experiment_note import ExperimentNote
from tui.core.plan.practices import PracticeNames, load_practice_names
from tui.core.routines.evidence import Evidence, shipped_evidence
from tui.core.routines.model import Routine


def sentence_name(practice: str, names: PracticeNames, evidence: dict[str, Evidence]) -> str:
    """"ice bath", "Epsom salt bath": as in a sentence."""
    if practice in evidence:
        return evidence[practice].name
    name = names.name(practice)
    return name[:1].lower() + name[1:]


def note_for(progress: Progress, run_id: int, names: PracticeNames,
             evidence: dict[str, Evidence]) -> ExperimentNote | None:
    slot = progress.place_of(run_id)
    if slot is None:
        return None
    e = progress.experiment
    name = sentence_name(e.practice, names, evidence)
    head = f"Experiment {slot.place} of {e.runs}"
    line = f"{head}: {name} tonight" if slot.arm == WITH else f"{head}: no {name} tonight — do the rest as usual"
    if slot.run_id != run_id:
        line += " (today's first run is the one that counts)"
    return ExperimentNote(line, e.practice, slot.arm == WITH)


def plan_notes(journal: Journal, run: dict, names: PracticeNames, evidence: dict[str, Evidence],
               outcome: OutcomeRule | None = None, bedtime: time | None = None) -> list[ExperimentNote]:
    """The notes of every experiment this run is part of. JournalError if the journal cannot be read."""
    found, _problems = read_progress(journal, names, outcome, bedtime=bedtime)
    notes = (note_for(progress, run["id"], names, evidence) for progress in found)
    return [note for note in notes if note is not None]


def tonight_notes(journal: Journal | None, run: dict, routines: Callable[[], Iterable[Routine]],
                  bedtime: time | None = None) -> list[ExperimentNote]:
    """plan_notes for the app and `plan`: none for a run not saved, and none
    (the plan still shows) when the journal or the evidence file cannot be
    read. The routines are read only when there is an experiment."""
    if journal is None or run.get("id") is None:
        return []
    try:
        if not ExperimentBook(journal).all():
            return []
        evidence = shipped_evidence()
    except JournalError:
        return []
    except DataFileError:
        evidence = {}
    try:
        return plan_notes(journal, run, load_practice_names(routines()), evidence, bedtime=bedtime)
    except JournalError:
        return []

"""The journal's experiments with their progress: what `experiment` and the
Experiments screen show, and what the after-run plan asks about."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from datetime import datetime, time, timedelta

from tui.core.experiments.book import ExperimentBook
from tui.core.experiments.design import Experiment
from tui.core.experiments.outcome import insights_outcome
from tui.core.experiments.progress import OutcomeRule, Progress, progress
from tui.core.experiments.words import reminder
from tui.core.journal.journal import Journal
from tui.core.plan.practices import PracticeNames, load_practice_names
from tui.core.routines.model import Routine

ZONES = timedelta(days=2)  # records are read from a little before the start: any time zone


def _rule(names: PracticeNames, outcome: OutcomeRule | None, bedtime: time | None) -> OutcomeRule:
    return insights_outcome(names, bedtime) if outcome is None else outcome


def latest_per_practice(experiments: list[Experiment]) -> list[Experiment]:
    """The newest experiment of each practice, oldest first: one runs at a time per practice."""
    newest = {e.practice: e for e in experiments}  # oldest first, so the last one wins
    return sorted(newest.values(), key=lambda e: e.id or 0)


def read_progress(journal: Journal, names: PracticeNames, outcome: OutcomeRule | None = None,
                  everything: bool = False, bedtime: time | None = None) -> tuple[list[Progress], list[str]]:
    """(the newest experiment of each practice, or every one, with its progress;
    what was skipped as damaged). The outcome rule defaults to insights' with
    the user's `bedtime`. JournalError if the journal cannot be read."""
    with journal.reading():
        book = ExperimentBook(journal)
        experiments = book.all()
        if not everything:
            experiments = latest_per_practice(experiments)
        if not experiments:
            return [], book.problems
        records = journal.records(min(e.started for e in experiments) - ZONES)
        rule = _rule(names, outcome, bedtime)
        return [progress(e, records, names, rule) for e in experiments], book.problems + journal.problems


def start_experiment(journal: Journal, practice: str, after: str | None, runs: int, seed: int,
                     now: datetime, names: PracticeNames, outcome: OutcomeRule | None = None,
                     bedtime: time | None = None) -> Experiment:
    """Start one; FieldError if the practice already has one running. The
    outcome rule (default: insights', with the user's `bedtime`) decides
    nothing here but whether an earlier one is still waiting for runs."""
    rule = _rule(names, outcome, bedtime)

    def running(experiment: Experiment) -> bool:
        return progress(experiment, journal.records(experiment.started - ZONES), names, rule).running

    with journal.locked():
        return ExperimentBook(journal).start(practice, after, runs, seed, now, running)


def stop_experiment(journal: Journal, experiment: Experiment, now: datetime) -> Experiment:
    return ExperimentBook(journal).stop(experiment, now)


def morning_reminder(journal: Journal, routines: Callable[[], Iterable[Routine]], bedtime: time,
                     now: datetime) -> str | None:
    """For home's check-in: the reminder of a counted run whose morning rating
    is due and missing. Reads nothing more (and loads no names) without experiments."""
    if not ExperimentBook(journal).all():
        return None
    found, _problems = read_progress(journal, load_practice_names(routines()), bedtime=bedtime)
    return next((text for text in (reminder(p, now) for p in found) if text), None)

"""A journal with an ice-bath experiment under way, at fixed times before FIXED_NOW."""

from __future__ import annotations

from datetime import timedelta

from tests.ui.helpers import FIXED_NOW
from tui.core.experiments.status import start_experiment
from tui.core.journal.journal import Journal
from tui.core.plan.practices import PracticeNames

STARTED = FIXED_NOW - timedelta(days=8)  # Sat 14 Nov 2026, 07:40


def experiment_journal(path, runs: int = 8):
    """Seed 1 (with, without, without, with, ...): four runs so far, the third with
    the bath although the coin said no; each rated the next morning."""
    with Journal(path) as journal:
        start_experiment(journal, "ice-bath", None, runs, 1, STARTED, PracticeNames())
        for day, (did, rating) in enumerate([(True, 3), (False, 5), (True, 4), (True, 2)], start=1):
            ended = STARTED.replace(hour=18, minute=0) + timedelta(days=day)
            run = journal.add_run(ended, "easy")
            if did:
                journal.record_practices(run["id"], ["ice-bath"])
            journal.add_soreness(rating, when=ended + timedelta(hours=14))
    return path

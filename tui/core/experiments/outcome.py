"""The outcome of a run, as insights rate it: the experiments keep no rule
of their own, so insights and experiments always agree on what "the next
day's soreness" is (insights/outcome.py: the first rating after the night
that follows the run, and how sore the runner was between the run and that night).

`insights_outcome` pairs runs with ratings through insights' pairing and
reads the overall soreness of both.
"""

from __future__ import annotations

from datetime import time
from operator import itemgetter

from tui.core.experiments.progress import OutcomeRule
from tui.core.insights.facts import RATING_OVERALL, RUN_ENDED, RUN_ID, facts_of
from tui.core.insights.pairing import OUTCOME, SORE_BEFORE, pair_runs
from tui.core.plan.practices import PracticeNames


def insights_outcome(names: PracticeNames, bedtime: time | None = None) -> OutcomeRule:
    """An outcome rule: journal records -> (the morning-after rating, the one
    before that night or None) of each run that has a morning-after rating."""

    def rule(records: list[dict]) -> dict[int, tuple[float, float | None]]:
        facts = facts_of(records)
        if not facts.runs:
            return {}  # pair_runs (insights WIP) fails on no runs at all
        runs = sorted(facts.runs, key=itemgetter(RUN_ENDED, RUN_ID))  # the order pair_runs keeps
        found = {}
        for run, paired in zip(runs, pair_runs(facts, names, bedtime).runs, strict=True):
            if paired[OUTCOME] is not None:
                before = paired[SORE_BEFORE]
                found[run[RUN_ID]] = (paired[OUTCOME][RATING_OVERALL], None if before is None else before[RATING_OVERALL])
        return found

    return rule

"""The outcome of a run, as insights rate it: the experiments keep no rule
of their own, so insights and experiments always agree on what "the next
day's soreness" is.

`insights_outcome` pairs runs with ratings through findings.outcomes (the
rating insights pair with each run) and reads its overall soreness.
"""

from __future__ import annotations

from operator import itemgetter

from tui.core.experiments.progress import OutcomeRule
from tui.core.insights.facts import RATING_OVERALL, RUN_ENDED, RUN_ID, facts_of
from tui.core.insights.findings import outcomes
from tui.core.plan.practices import PracticeNames


def insights_outcome(names: PracticeNames) -> OutcomeRule:
    """An outcome rule: journal records -> the overall rating insights pair with each run."""

    def rule(records: list[dict]) -> dict[int, float]:
        facts = facts_of(records)
        runs = sorted(facts.runs, key=itemgetter(RUN_ENDED, RUN_ID))  # the order outcomes() returns
        return {run[RUN_ID]: rating[RATING_OVERALL]
                for run, (_kind, _done, rating) in zip(runs, outcomes(facts, names), strict=True)
                if rating is not None}

    return rule

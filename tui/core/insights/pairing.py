"""Every run with its outcome (outcome.py), and the ratings no run uses, with why.

One pass over the runs, oldest first; each finds its ratings by bisection
in the ratings sorted by time (n log n in all).
"""

from __future__ import annotations

from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass, field
from datetime import time
from operator import itemgetter

from tui.core.insights.facts import RATING_ID, RATING_TIME, RUN_ENDED, RUN_ID, RUN_KIND, RUN_LOAD, RUN_PRACTICES, Facts
from tui.core.insights.outcome import DEFAULT_BEDTIME, LATEST, outcomes_of
from tui.core.plan.practices import PracticeNames

# Why a rating is no run's outcome
EVENING = "given after a run but before the night was over"
NOT_FIRST = "not the first after the night"
NO_RUN = "with no run in the 3 days before"

# A run: (kind, practices, outcome rating or None, the rating before the night
# or None, load or None, why it has no outcome or None). A plain tuple: there
# is one per run of a hundred years.
KIND, PRACTICES, OUTCOME, SORE_BEFORE, LOAD, REASON = range(6)
Outcome = tuple


@dataclass
class Pairing:
    runs: list[Outcome] = field(default_factory=list)  # oldest first
    ends: list[float] = field(default_factory=list)  # each run's end, in the same order
    begins: list[float] = field(default_factory=list)  # when each run's morning after begins

    def without_outcome(self) -> Counter:
        """How many runs have no outcome, by reason."""
        return Counter(run[REASON] for run in self.runs if run[REASON] is not None)

    def left_out(self, facts: Facts) -> Counter:
        """How many ratings are no run's outcome (nor how sore she was before), by reason."""
        found: Counter = Counter(dict.fromkeys((EVENING, NOT_FIRST, NO_RUN), 0))  # shown in this order
        ends, begins = self.ends, self.begins
        used = {run[column][RATING_ID] for run in self.runs if run[OUTCOME] is not None
                for column in (OUTCOME, SORE_BEFORE) if run[column] is not None}
        for rating in facts.ratings:
            if rating[RATING_ID] in used:
                continue
            moment = rating[RATING_TIME]
            index = bisect_right(ends, moment) - 1
            if index < 0 or moment - ends[index] >= LATEST:
                found[NO_RUN] += 1
            else:
                found[EVENING if moment < begins[index] else NOT_FIRST] += 1
        return +found  # without the reasons counted 0


def pair_runs(facts: Facts, names: PracticeNames, bedtime: time | None = DEFAULT_BEDTIME) -> Pairing:
    """Every run, oldest first, with its outcome (or why none) and the rating before its night."""
    runs = sorted(facts.runs, key=itemgetter(RUN_ENDED, RUN_ID))
    ratings = sorted(facts.ratings, key=itemgetter(RATING_TIME, RATING_ID))
    times = [rating[RATING_TIME] for rating in ratings]
    pairing = Pairing(ends=[run[RUN_ENDED] for run in runs])
    practices_of, rows, begins_of = names.practices, pairing.runs, pairing.begins
    nexts = [*pairing.ends[1:], None][: len(runs)]
    for run, (begins, outcome, before) in zip(runs, outcomes_of(runs, nexts, bedtime, ratings, times), strict=True):
        begins_of.append(begins)
        if isinstance(outcome, str):
            rows.append((run[RUN_KIND], practices_of(run[RUN_PRACTICES]), None, before, run[RUN_LOAD], outcome))
            continue
        rows.append((run[RUN_KIND], practices_of(run[RUN_PRACTICES]), outcome, before, run[RUN_LOAD], None))
    return pairing

"""A run's outcome: the first soreness rating after the night that follows it.

The rule (docs/insights.md): a rating counts as a run's outcome when it is
the first one given
- at least AFTER_RUN (6 h) after the run ended, and at least INTO_THE_NIGHT
  (4 h) after the plan's sleep for that run (the user's bedtime, as the
  after-run plan works it out: a late run's sleep is an hour after it), so
  that a rating the same evening or at bedtime is not "the morning after";
- before the next run ended (that morning belongs to the later run) and
  within LATEST (72 h) of this run.
Soreness after hard running peaks early, the morning after (Vickers 2001).

The first rating between the run's end and that night is how sore she
already was (the summary's form after a routine): `sore_before`.

Times are POSIX seconds, so "6 h after" is exact across a change of summer
time. The plan's sleep is worked out on the run's own wall clock (its stored
UTC offset): on the night of a change it can be an hour out, which moves the
start of the morning only when the 4 h after sleep is the later bound.
"""

from __future__ import annotations

from bisect import bisect_left
from collections.abc import Iterator, Sequence
from datetime import datetime, time, timedelta, timezone
from functools import lru_cache

from tui.core.common.settings import Settings
from tui.core.insights.facts import RATING_TIME, RUN_ENDED, RUN_OFFSET, RatingFact, RunFact
from tui.core.plan.evening import night_for

DEFAULT_BEDTIME = Settings().bedtime  # the app's, until she sets her own
AFTER_RUN = 6 * 3600
INTO_THE_NIGHT = 4 * 3600
LATEST = 72 * 3600

# Why a run has no outcome
NEXT_RUN_FIRST = "another run ended before the morning after"
NOT_RATED = "no rating the morning after"
NO_REASON = (NEXT_RUN_FIRST, NOT_RATED)


@lru_cache(maxsize=4096)
def _sleep_after(offset: int, time_of_day: int, bedtime: time) -> int:
    """Seconds from a run's end to its plan's sleep, for a run that ended
    `time_of_day` seconds after midnight on a clock `offset` seconds east of UTC.
    The same for every day on that clock, so it is worked out once per time."""
    zone = timezone(timedelta(seconds=offset))
    ended = datetime(2001, 1, 2, tzinfo=zone) + timedelta(seconds=time_of_day)
    return int((night_for(ended, bedtime).sleep - ended).total_seconds())


def morning_begins(run: RunFact, bedtime: time | None) -> float:
    """When the morning after `run` begins (POSIX seconds): the earliest time
    a rating can be its outcome. Without a bedtime, 6 h after the run."""
    ended = run[RUN_ENDED]
    if bedtime is None:
        return float(ended + AFTER_RUN)
    offset = run[RUN_OFFSET]
    return float(ended) + max(AFTER_RUN, _sleep_after(offset, int(ended + offset) % 86400, bedtime) + INTO_THE_NIGHT)


def outcomes_of(runs: Sequence[RunFact], nexts: Sequence[float | None], bedtime: time | None,
                ratings: Sequence[RatingFact], times: Sequence[float]) -> Iterator[tuple]:
    """For each run (with when the run after it ended, or None): (when its morning
    begins, its outcome or why there is none, the rating before its night or None).
    `ratings` sorted by time, `times` their times. One loop for one run or a
    hundred years of them: two bisections a run."""
    count = len(times)
    for run, next_ended in zip(runs, nexts, strict=True):
        ended = run[RUN_ENDED]
        begins = morning_begins(run, bedtime)
        until = ended + LATEST if next_ended is None or next_ended > ended + LATEST else next_ended
        first = bisect_left(times, ended)  # the first rating after the run
        sore = ratings[first] if first < count and times[first] < begins and times[first] < until else None
        if until <= begins:
            yield begins, NEXT_RUN_FIRST, sore
            continue
        found = bisect_left(times, begins, first)
        yield begins, (ratings[found] if found < count and times[found] < until else NOT_RATED), sore


def morning_after(run: RunFact, ratings: Sequence[RatingFact], next_run_ended: float | None = None,
                  bedtime: time | None = DEFAULT_BEDTIME) -> RatingFact | str:
    """The outcome of one run: the rating (a row of `ratings`, in any order)
    or, when there is none, the reason (NEXT_RUN_FIRST or NOT_RATED).
    `next_run_ended`: when the next run ended (POSIX seconds), if there is one;
    `bedtime`: hers (None: only "6 h after the run" counts)."""
    ordered = sorted(ratings, key=lambda rating: rating[RATING_TIME])
    times = [rating[RATING_TIME] for rating in ordered]
    ((_, outcome, _),) = outcomes_of([run], [next_run_ended], bedtime, ordered, times)
    return outcome  # type: ignore[no-any-return]  # a rating row or a reason, as outcomes_of yields

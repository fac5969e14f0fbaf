"""What works for you: the soreness after runs with a practice, against runs without.

For each run, the practices are its ticked plan steps and routine ids, plus
every routine completed on its plan day. Its outcome is the next soreness
rating 12-72 h after it ended. A comparison is shown only when each side
has MIN_RUNS runs; until then `needed` says how many more it takes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass
from datetime import date

from tui.core.ids import AREAS
from tui.core.journal import record_time
from tui.core.soreness import DOMS_FROM, DOMS_UNTIL

MIN_RUNS = 3
INSIGHT_AREAS = ("calves", "quads", "hamstrings", "hips")
JSON_KEYS = ("practice", "with_n", "with_mean", "without_n", "without_mean", "difference")
NOT_PROOF = "A pattern in your own records, not proof of cause."


@dataclass(frozen=True)
class Insight:
    practice: str
    with_n: int
    with_mean: float | None  # None without a run on that side
    without_n: int
    without_mean: float | None
    difference: float | None  # with_mean - without_mean; None until `needed` is 0
    needed: int  # more runs it takes: up to MIN_RUNS with it and MIN_RUNS without

    def to_dict(self) -> dict:
        return {key: _round(getattr(self, key)) for key in JSON_KEYS}


@dataclass(frozen=True)
class Outcome:
    """One run: what was done, and the next rating after it (None if none in time)."""

    run: dict
    practices: frozenset[str]
    rating: dict | None


def _round(value):
    return round(value, 2) + 0.0 if isinstance(value, float) else value  # + 0.0: never -0.0


def signed(difference: float) -> str:
    """-0.04 -> "+0.0", not "-0.0"; -0.26 -> "-0.3"."""
    return f"{round(difference, 1) + 0.0:+.1f}"


def outcomes(records: Iterable[dict]) -> list[Outcome]:
    """Every run, oldest first, with its practices and the rating that followed it."""
    records = list(records)
    ratings = sorted((record_time(r), r["id"], r) for r in records if r["type"] == "soreness")
    runs = sorted((record_time(r), r["id"], r) for r in records if r["type"] == "run")
    sessions = [(record_time(r), r) for r in records if r["type"] == "session" and r["completed"]]
    result = []
    for ended, _, run in runs:
        day = date.fromisoformat(run["plan_date"])
        routines = {s["routine_id"] for t, s in sessions if t.astimezone(ended.tzinfo).date() == day}
        after = (r for t, _, r in ratings if ended + DOMS_FROM <= t <= ended + DOMS_UNTIL)
        result.append(Outcome(run, frozenset(run["practices"]) | routines, next(after, None)))
    return result


def compare(runs: list[Outcome], practice: str, score: Callable[[dict], int | None]) -> Insight:
    """Mean `score` of the next rating, with `practice` and without it."""
    sides: dict[bool, list[int]] = {True: [], False: []}
    for outcome in runs:
        value = score(outcome.rating) if outcome.rating is not None else None
        if value is not None:
            sides[practice in outcome.practices].append(value)
    with_, without = sides[True], sides[False]
    with_mean = sum(with_) / len(with_) if with_ else None
    without_mean = sum(without) / len(without) if without else None
    needed = max(0, MIN_RUNS - len(with_)) + max(0, MIN_RUNS - len(without))
    difference = with_mean - without_mean if needed == 0 else None
    return Insight(practice, len(with_), with_mean, len(without), without_mean, difference, needed)


def _rank(found: Iterable[Insight]) -> list[Insight]:
    """Most negative difference first; then those still short of data, closest first."""
    return sorted(found, key=lambda i: (i.difference is None, i.difference or 0.0, i.needed, i.practice))


def insights(records: Iterable[dict]) -> list[Insight]:
    """Every practice seen in any run, ranked on the overall rating."""
    runs = outcomes(records)
    practices = sorted({p for outcome in runs for p in outcome.practices})
    return _rank(compare(runs, p, lambda rating: rating["overall"]) for p in practices)


def area_insights(records: Iterable[dict]) -> dict[str, Insight | None]:
    """Per area, the practice that goes with the lowest soreness there compared
    with runs without it; None while no practice has enough data and a lower mean."""
    runs = outcomes(records)
    practices = sorted({p for outcome in runs for p in outcome.practices})
    rated = {a for outcome in runs if outcome.rating is not None for a in outcome.rating["areas"]}
    best: dict[str, Insight | None] = {}
    # The main four always; any other area (knees, Achilles, ...) once it has been rated.
    for area in (*INSIGHT_AREAS, *(a for a in AREAS if a in rated and a not in INSIGHT_AREAS)):
        ranked = _rank(compare(runs, p, lambda rating, a=area: rating["areas"].get(a)) for p in practices)
        top = ranked[0] if ranked else None
        best[area] = top if top is not None and top.difference is not None and top.difference < 0 else None
    return best


def to_json(found: Iterable[Insight]) -> list[dict]:
    return [insight.to_dict() for insight in found]

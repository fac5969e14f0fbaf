"""The kind rules: what kind of run a file shows, with the reasons in words.

The runner's usual run is the median of the imported runs of the last six
weeks (three at least); without that, fixed thresholds stand in. In order,
the first rule that holds gives the kind:

- intervals: 3 or more work laps each followed by a rest lap (one the watch
  marked rest, or 20% slower than the quicker laps), or 4 or more regular
  surges (20% faster than the run's median pace for 20 s to 10 min);
- long: a moving time of at least 1.5x your usual (75 min without history);
- tempo: 15 min or more (the whole run, or its laps) at a pace 8% quicker
  than your usual (without history: at a heart rate of 95% of the
  threshold heart rate or more);
- easy: anything else.

A race is never decided by a rule: a run close to a race distance at tempo
effort is only suggested as one (the runner is asked). `--kind` wins.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from itertools import pairwise
from statistics import median

from tui.core.watch.activity import Activity
from tui.core.watch.load import THRESHOLD_HR
from tui.core.watch.summary import clock_duration, pace_text

HISTORY = timedelta(weeks=6)
MIN_HISTORY = 3
LONG_FACTOR, LONG_FIXED = 1.5, 75 * 60
TEMPO_FACTOR, TEMPO_HR_SHARE, TEMPO_MIN = 1.08, 0.95, 15 * 60
REST_SHARE, MIN_WORK_LAPS = 0.8, 3
SURGE_FACTOR, SURGE_MIN, SURGE_MAX, MIN_SURGES, SURGE_SPREAD = 1.2, 20, 600, 4, 0.5
SMOOTHING = 15  # seconds of speed averaged before looking for surges
RACE_DISTANCES = {"5 km": 5000, "10 km": 10000, "half marathon": 21097.5, "marathon": 42195}
RACE_MARGIN = (-0.01, 0.03)  # a watch measures a race a little long, seldom short


@dataclass(frozen=True)
class Usual:
    """The runner's usual run: median duration (s) and speed (m/s), from `runs` runs."""

    duration_s: float | None = None
    speed: float | None = None
    runs: int = 0


@dataclass(frozen=True)
class Kind:
    kind: str
    reasons: list[str] = field(default_factory=list)
    race_suggested: str | None = None  # why it may have been a race


def usual_run(runs: list[dict], now: datetime) -> Usual:
    """From run records: those with a moving time that ended in the six weeks before `now`."""
    since = now - HISTORY
    recent = [r for r in runs if r.get("moving_s") and since <= datetime.fromisoformat(r["time"]) <= now]
    if len(recent) < MIN_HISTORY:
        return Usual(runs=len(recent))
    speeds = [r["distance_m"] / r["moving_s"] for r in recent if r.get("distance_m") and r.get("moving_s")]
    return Usual(duration_s=median(r["moving_s"] for r in recent),
                 speed=median(speeds) if len(speeds) >= MIN_HISTORY else None, runs=len(recent))


def classify(activity: Activity, usual: Usual, units: str = "metric") -> Kind:
    race = _race(activity, usual, units)
    for rule in (_intervals, _long, _tempo):
        reason = rule(activity, usual, units)
        if reason:
            return Kind(rule.__name__.strip("_"), [reason], race)
    return Kind("easy", ["none of the harder rules holds"], race)


def _intervals(activity: Activity, usual: Usual, units: str) -> str | None:
    speeds = sorted(s for lap in activity.laps if (s := lap.speed))
    if len(activity.laps) >= 2 * MIN_WORK_LAPS and speeds:
        quick = median(speeds[len(speeds) // 2:])
        rest = [lap.rest or (lap.speed or 0) < REST_SHARE * quick for lap in activity.laps]
        work = sum(1 for here, after in pairwise(rest) if not here and after)
        if work >= MIN_WORK_LAPS:
            return f"{work} work laps with rest between"
    surges = _surges(activity)
    if len(surges) >= MIN_SURGES:
        gaps = [b - a for a, b in pairwise(surges)]
        mean = sum(gaps) / len(gaps)
        spread = (sum((g - mean) ** 2 for g in gaps) / len(gaps)) ** 0.5 / mean
        if spread <= SURGE_SPREAD:
            return f"{len(surges)} regular surges"
    return None


def _surges(activity: Activity) -> list[float]:
    """Start times of the stretches SURGE_FACTOR faster than the median speed."""
    samples = activity.speeds
    if len(samples) < 2 * SMOOTHING:
        return []
    smooth, window, total = [], [], 0.0
    for moment, speed in samples:
        window.append(speed)
        total += speed
        if len(window) > SMOOTHING:
            total -= window.pop(0)
        smooth.append((moment, total / len(window)))
    moving = [s for _, s in smooth if s > 0.5]
    if not moving:
        return []
    threshold = SURGE_FACTOR * median(moving)
    starts, began = [], None
    for moment, speed in smooth:
        if speed >= threshold and began is None:
            began = moment
        elif speed < threshold and began is not None:
            if SURGE_MIN <= moment - began <= SURGE_MAX:
                starts.append(began)
            began = None
    return starts


def _long(activity: Activity, usual: Usual, units: str) -> str | None:
    seconds = activity.moving_s
    if usual.duration_s:
        if seconds >= LONG_FACTOR * usual.duration_s:
            return (f"{clock_duration(seconds)} ≥ {LONG_FACTOR:g}× your usual "
                    f"{clock_duration(usual.duration_s)}")
        return None
    return f"{clock_duration(seconds)} ≥ {clock_duration(LONG_FIXED)}" if seconds >= LONG_FIXED else None


def _tempo(activity: Activity, usual: Usual, units: str) -> str | None:
    """TEMPO_MIN or more at tempo effort: the whole run, or its laps that were."""
    if usual.speed and activity.speed:
        quick = TEMPO_FACTOR * usual.speed
        seconds = _seconds_at(activity, lambda speed, hr: speed is not None and speed >= quick)
        if seconds >= TEMPO_MIN:
            return (f"{clock_duration(seconds)} at {pace_text(quick, units)} or quicker, "
                    f"{round((TEMPO_FACTOR - 1) * 100)}% quicker than your usual {pace_text(usual.speed, units)}")
        return None
    limit = TEMPO_HR_SHARE * THRESHOLD_HR
    seconds = _seconds_at(activity, lambda speed, hr: hr is not None and hr >= limit)
    if seconds >= TEMPO_MIN:
        return f"{clock_duration(seconds)} at a heart rate of {limit:g} or more"
    return None


def _seconds_at(activity: Activity, hard: Callable[[float | None, int | None], bool]) -> float:
    """The moving time at an effort: all of it if the run's averages are, else its laps that are."""
    if hard(activity.speed, activity.avg_hr):
        return activity.moving_s
    return sum(lap.seconds for lap in activity.laps if hard(lap.speed, lap.avg_hr))


def _race(activity: Activity, usual: Usual, units: str) -> str | None:
    if not activity.distance_m or not _tempo(activity, usual, units):
        return None
    low, high = RACE_MARGIN
    for name, metres in RACE_DISTANCES.items():
        if metres * (1 + low) <= activity.distance_m <= metres * (1 + high):
            return f"{name} at tempo effort"
    return None

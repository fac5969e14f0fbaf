"""TCX files (Garmin's Training Center XML), read with tcxreader (MIT).

TCX times are UTC and carry no local offset; the sport is the Activity's
Sport attribute ("Running", "Biking", "Other"). Trackpoints without a
position are kept (a treadmill run has none).
"""

from __future__ import annotations

import io
from datetime import UTC, datetime
from itertools import pairwise
from typing import Any
from xml.etree.ElementTree import ParseError

from tui.core.watch.activity import DAMAGED, Activity, ActivityProblem, Lap, check_run, sport_name

SPORTS = {"running": "running", "biking": "cycling"}


def utc(moment: datetime | None) -> datetime | None:
    if moment is None:
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def read_tcx(data: bytes) -> Activity:
    from tcxreader.tcxreader import TCXReader

    try:
        exercise = TCXReader().read(io.BytesIO(data), only_gps=False)
    except ParseError as error:
        raise ActivityProblem(DAMAGED, f"not a readable TCX file ({error})") from None
    except (ValueError, TypeError, KeyError, AttributeError, ZeroDivisionError) as error:
        raise ActivityProblem(DAMAGED, f"it could not be read ({error})") from None
    sport = SPORTS.get(sport_name(exercise.activity_type), sport_name(exercise.activity_type))
    start, end = utc(exercise.start_time), utc(exercise.end_time)
    elapsed = (end - start).total_seconds() if start and end else None
    check_run(sport, start, elapsed)
    assert start is not None and elapsed is not None
    points = [p for p in exercise.trackpoints if p.time is not None]
    speeds = _speeds(points, start)
    return Activity(
        sport=sport, start=start, elapsed_s=elapsed, moving_s=elapsed,
        distance_m=exercise.distance or None,
        avg_hr=round(exercise.hr_avg) if exercise.hr_avg else None,
        max_hr=round(exercise.hr_max) if exercise.hr_max else None,
        laps=tuple(_lap(lap) for lap in exercise.laps), speeds=speeds,
    )


def _lap(lap: Any) -> Lap:
    seconds = lap.duration or 0.0
    return Lap(seconds=float(seconds), distance_m=lap.distance or None,
               avg_hr=round(lap.hr_avg) if lap.hr_avg else None)


def _speeds(points: list[Any], start: datetime) -> tuple[tuple[float, float], ...]:
    """Speed between trackpoints from their distances (TCX rarely stores speed)."""
    speeds = []
    for before, after in pairwise(points):
        seconds = (after.time - before.time).total_seconds()
        if seconds > 0 and before.distance is not None and after.distance is not None:
            moment = utc(after.time)
            assert moment is not None
            speeds.append(((moment - start).total_seconds(), (after.distance - before.distance) / seconds))
    return tuple(speeds)

"""GPX files, read with gpxpy (Apache 2.0).

GPX has no sport field as such: a track's <type> says it where the exporter
wrote one (Strava writes "running" or "9"; Garmin "running"), and a file
without one is taken as a run, since the runner chose to import it. Heart
rate is in Garmin's TrackPointExtension, where there is one.
"""

from __future__ import annotations

from datetime import UTC, datetime
from itertools import pairwise
from typing import Any

from tui.core.watch.activity import DAMAGED, NO_CLOCK, Activity, ActivityProblem, check_run, sport_name

# Strava's numeric activity types for running ("9") and a few that are not runs.
TYPES = {"9": "running", "1": "cycling", "10": "walking", "4": "hiking", "run": "running",
         "ride": "cycling", "biking": "cycling", "walk": "walking", "hike": "hiking", "swim": "swimming"}
STOPPED = 0.5  # m/s: slower than this between points counts as stopped


def read_gpx(data: bytes) -> Activity:
    import gpxpy
    import gpxpy.gpx

    try:
        gpx = gpxpy.parse(data.decode("utf-8-sig"))
    except (gpxpy.gpx.GPXException, UnicodeDecodeError, ValueError) as error:
        raise ActivityProblem(DAMAGED, f"not a readable GPX file ({error})") from None
    if not gpx.tracks:
        raise ActivityProblem(DAMAGED, "it holds no track")
    kind = next((t.type for t in gpx.tracks if t.type), None)
    sport = TYPES.get(sport_name(kind), sport_name(kind)) if kind else "running"
    points = [p for t in gpx.tracks for s in t.segments for p in s.points]
    timed = [p for p in points if p.time is not None]
    if points and not timed:
        raise ActivityProblem(NO_CLOCK, "its track points have no times")
    times = [_utc(p.time) for p in timed if p.time is not None]
    start = times[0] if times else None
    elapsed = (times[-1] - start).total_seconds() if start else None
    check_run(sport, start, elapsed)
    assert start is not None and elapsed is not None
    distance = gpx.length_3d() or gpx.length_2d() or None
    moving = gpx.get_moving_data(stopped_speed_threshold=STOPPED)
    hrs = [hr for p in timed if (hr := _heart_rate(p)) is not None]
    return Activity(
        sport=sport, start=start, elapsed_s=elapsed,
        moving_s=float(moving.moving_time) if moving and moving.moving_time else elapsed,
        distance_m=distance, avg_hr=round(sum(hrs) / len(hrs)) if hrs else None,
        max_hr=max(hrs) if hrs else None, speeds=_speeds(timed, start),
    )


def _utc(moment: datetime) -> datetime:
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)


def _heart_rate(point: Any) -> int | None:
    """Garmin's <gpxtpx:hr> in a point's extensions, at any depth."""
    for extension in point.extensions:
        for element in extension.iter():
            if element.tag.rsplit("}", 1)[-1] == "hr" and element.text and element.text.strip().isdigit():
                return int(element.text)
    return None


def _speeds(points: list, start: datetime) -> tuple[tuple[float, float], ...]:
    speeds = []
    for before, after in pairwise(points):
        seconds = (after.time - before.time).total_seconds()
        if seconds > 0:
            metres = after.distance_3d(before) or after.distance_2d(before) or 0.0
            speeds.append(((_utc(after.time) - start).total_seconds(), metres / seconds))
    return tuple(speeds)

"""FIT files, read with fitdecode (MIT, pure Python).

Decoded without fitdecode's data processor: times stay raw FIT seconds and
are turned into datetimes here, only for the few fields used, which saves a
third of the time on a long run. The CRC is checked: a file whose bytes were
changed is reported as damaged, not trusted. A file cut short (an interrupted
copy, a watch that lost power) keeps what decoded.
"""

from __future__ import annotations

import struct
from datetime import UTC, datetime, timedelta
from typing import Any

from tui.core.watch.activity import (
    DAMAGED,
    NO_CLOCK,
    NOT_A_RUN,
    RUN_SPORTS,
    Activity,
    ActivityProblem,
    Lap,
    check_run,
    local_offset,
    sport_name,
)

FIT_EPOCH = datetime(1989, 12, 31, tzinfo=UTC)
RELATIVE_LIMIT = 0x10000000  # FIT date-times below this count seconds since power-on
REST_INTENSITIES = ("rest", "recovery")
SESSION_FIELDS = ("sport", "start_time", "total_elapsed_time", "total_timer_time", "total_distance",
                  "avg_heart_rate", "max_heart_rate", "timestamp")


def fit_time(raw: Any) -> datetime | None:
    """A FIT date-time; None for none or one counted from power-on."""
    if not isinstance(raw, int) or raw < RELATIVE_LIMIT:
        return None
    return FIT_EPOCH + timedelta(seconds=raw)


def read_fit(data: bytes) -> Activity:
    import fitdecode

    sessions: list[dict] = []
    laps: list[Lap] = []
    records: list[tuple[int, float | None, float | None, int | None]] = []  # time, distance, speed, hr
    activity: dict = {}
    sport_of_file: str | None = None
    truncated = None
    try:
        with fitdecode.FitReader(data, processor=None, check_crc=fitdecode.CrcCheck.RAISE,
                                 error_handling=fitdecode.ErrorHandling.RAISE) as fit:
            for frame in fit:
                if frame.frame_type != fitdecode.FIT_FRAME_DATA:
                    continue
                name = frame.name
                if name == "record":
                    records.append(_record(frame))
                elif name == "lap":
                    laps.append(_lap(frame))
                elif name == "session":
                    sessions.append({f: _value(frame, f) for f in SESSION_FIELDS})
                elif name == "activity":
                    activity = {f: _value(frame, f) for f in ("timestamp", "local_timestamp")}
                elif name == "sport" and sport_of_file is None:
                    sport_of_file = sport_name(_value(frame, "sport"))
    except fitdecode.FitHeaderError as error:
        raise ActivityProblem(DAMAGED, f"not a FIT file ({error})") from None
    except fitdecode.FitCRCError:  # bytes changed, not cut short: nothing in it can be trusted
        raise ActivityProblem(DAMAGED, "its checksum does not match: the file was changed or damaged") from None
    except (fitdecode.FitError, struct.error, ValueError, KeyError, IndexError, TypeError, OverflowError) as error:
        if not records and not sessions:
            raise ActivityProblem(DAMAGED, f"it could not be decoded ({error})") from None
        truncated = "the file ends early"
    session = _run_session(sessions, sport_of_file) if sessions else _session_from_records(records, sport_of_file)
    return _activity(session, laps, records, activity, truncated)


def _value(frame: Any, name: str) -> Any:
    return frame.get_value(name, fallback=None)


def _record(frame: Any) -> tuple[int, float | None, float | None, int | None]:
    speed = _value(frame, "enhanced_speed")
    return (_value(frame, "timestamp"), _value(frame, "distance"),
            _value(frame, "speed") if speed is None else speed, _value(frame, "heart_rate"))


def _lap(frame: Any) -> Lap:
    seconds = _value(frame, "total_timer_time") or _value(frame, "total_elapsed_time") or 0.0
    return Lap(seconds=float(seconds), distance_m=_value(frame, "total_distance"),
               avg_hr=_value(frame, "avg_heart_rate"), rest=_value(frame, "intensity") in REST_INTENSITIES)


def _run_session(sessions: list[dict], sport_of_file: str | None) -> dict:
    """The run of the file: its only session, or a multisport file's longest run leg."""
    for session in sessions:
        session["sport"] = sport_name(session["sport"] or sport_of_file)
    runs = [s for s in sessions if s["sport"] in RUN_SPORTS]
    if not runs:
        legs = ", ".join(dict.fromkeys(s["sport"].replace("_", " ") for s in sessions))
        if len(sessions) > 1:
            raise ActivityProblem(NOT_A_RUN, f"a multisport file with no run leg ({legs})")
        return sessions[0]
    return max(runs, key=lambda s: s["total_elapsed_time"] or 0)


def _session_from_records(records: list, sport_of_file: str | None) -> dict:
    """What a file cut off before its session message still says."""
    timed = [r for r in records if isinstance(r[0], int)]
    if not timed:
        raise ActivityProblem(DAMAGED, "it holds no run data")
    hrs = [r[3] for r in timed if r[3]]
    distances = [r[1] for r in timed if r[1] is not None]
    elapsed = timed[-1][0] - timed[0][0]
    return {"sport": sport_name(sport_of_file or "running"), "start_time": timed[0][0],
            "total_elapsed_time": elapsed, "total_timer_time": elapsed,
            "total_distance": distances[-1] if distances else None,
            "avg_heart_rate": round(sum(hrs) / len(hrs)) if hrs else None,
            "max_heart_rate": max(hrs) if hrs else None, "timestamp": timed[-1][0]}


def _activity(session: dict, laps: list[Lap], records: list, activity: dict, truncated: str | None) -> Activity:
    start = fit_time(session["start_time"])
    elapsed = session["total_elapsed_time"]
    if start is None and isinstance(session["start_time"], int):
        raise ActivityProblem(NO_CLOCK, "the watch had no time of day when it recorded this "
                                        "(its times count from when it was switched on)")
    check_run(session["sport"], start, elapsed)
    assert start is not None
    hrs = [r[3] for r in records if r[3]]
    begin = session["start_time"]
    speeds = tuple((r[0] - begin, r[2]) for r in records if isinstance(r[0], int) and r[2] is not None)
    return Activity(
        sport=session["sport"], start=start, elapsed_s=float(elapsed),
        moving_s=float(session["total_timer_time"] or elapsed), distance_m=session["total_distance"],
        avg_hr=session["avg_heart_rate"] or (round(sum(hrs) / len(hrs)) if hrs else None),
        max_hr=session["max_heart_rate"] or (max(hrs) if hrs else None),
        laps=tuple(laps), speeds=speeds, truncated=truncated,
        local_offset=local_offset(fit_time(activity.get("timestamp")), fit_time(activity.get("local_timestamp"))),
    )

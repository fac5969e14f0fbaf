"""What an activity file says about a run, whatever its format.

Times are aware and in UTC; `local_offset` is the offset the watch recorded
for its local clock, where the file has one. Readers raise ActivityProblem
for a file that is not a run, has no real clock time, or is damaged.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import UTC, datetime, timedelta

NOT_A_RUN, NO_CLOCK, DAMAGED = "not a run", "no clock time", "damaged"
RUN_SPORTS = ("running", "trail_running", "treadmill_running", "track_running", "run")
# Watch clocks before this are counters since power-on, not a time of day
# (the FIT protocol's own rule: a date-time below 0x10000000 is relative).
EARLIEST = datetime(1998, 1, 1, tzinfo=UTC)


class ActivityProblem(Exception):
    """Why a file gives no run: `status` is NOT_A_RUN, NO_CLOCK or DAMAGED."""

    def __init__(self, status: str, reason: str) -> None:
        self.status = status
        self.reason = reason
        super().__init__(f"{status}: {reason}")


@dataclass(frozen=True)
class Lap:
    seconds: float
    distance_m: float | None = None
    avg_hr: int | None = None
    rest: bool = False  # the watch marked it a rest or recovery lap

    @property
    def speed(self) -> float | None:
        return self.distance_m / self.seconds if self.distance_m and self.seconds > 0 else None


@dataclass(frozen=True)
class Activity:
    sport: str
    start: datetime
    elapsed_s: float
    moving_s: float
    distance_m: float | None = None
    avg_hr: int | None = None
    max_hr: int | None = None
    laps: tuple[Lap, ...] = ()
    local_offset: timedelta | None = None
    speeds: tuple[tuple[float, float], ...] = field(default=(), repr=False)  # (seconds from start, m/s)
    truncated: str | None = None  # why decoding stopped early, if it did

    @property
    def end(self) -> datetime:
        return self.start + timedelta(seconds=self.elapsed_s)

    @property
    def speed(self) -> float | None:
        """Average moving speed, m/s."""
        return self.distance_m / self.moving_s if self.distance_m and self.moving_s > 0 else None


def sport_name(value: object) -> str:
    return str(value).strip().lower().replace(" ", "_") if value is not None else "unknown"


def check_run(sport: str, start: datetime | None, elapsed_s: float | None) -> None:
    """ActivityProblem unless this is a run with a real clock time and a length."""
    if sport not in RUN_SPORTS:
        raise ActivityProblem(NOT_A_RUN, f"the file records {sport.replace('_', ' ')}, not a run")
    if start is None or start < EARLIEST:
        raise ActivityProblem(NO_CLOCK, "the watch had no time of day when it recorded this")
    if not elapsed_s or elapsed_s <= 0:
        raise ActivityProblem(DAMAGED, "the run has no length")


def local_offset(utc: datetime | None, local: datetime | None) -> timedelta | None:
    """The watch's UTC offset from a UTC time and the same moment on its local
    clock, to the nearest quarter hour (time zones are whole quarters)."""
    if utc is None or local is None:
        return None
    quarters = round((local.replace(tzinfo=None) - utc.replace(tzinfo=None)).total_seconds() / 900)
    return timedelta(minutes=15 * quarters) if abs(quarters) <= 14 * 4 else None

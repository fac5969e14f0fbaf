"""Synthetic FIT activity files for tests, written with fit-tool (a test-only
dependency): a run is a list of laps, each a steady pace and heart rate."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime, timedelta
from functools import cache
from pathlib import Path

from fit_tool.fit_file_builder import FitFileBuilder
from fit_tool.profile.messages.activity_message import ActivityMessage
from fit_tool.profile.messages.event_message import EventMessage
from fit_tool.profile.messages.file_id_message import FileIdMessage
from fit_tool.profile.messages.lap_message import LapMessage
from fit_tool.profile.messages.record_message import RecordMessage
from fit_tool.profile.messages.session_message import SessionMessage
from fit_tool.profile.profile_type import Event, EventType, FileType, Intensity, Manufacturer, Sport

FIT_EPOCH = 631065600  # 1989-12-31T00:00Z in Unix seconds


@dataclass(frozen=True)
class Lap:
    seconds: int
    speed: float  # metres per second
    heart_rate: int | None = 140
    rest: bool = False


def millis(moment: datetime) -> int:
    return round(moment.timestamp() * 1000)


def write_run(path: Path, start: datetime, laps: list[Lap], sport: Sport = Sport.RUNNING,
              local_offset: timedelta | None = None, sessions: list[Sport] | None = None,
              every: int = 1, gps: bool = False) -> Path:
    """A FIT activity file: one record each `every` seconds, a lap message per
    lap, one session per sport in `sessions` (default: one of `sport`); with
    `gps`, each record also has a position, an altitude and a cadence, as a
    watch's records do."""
    path.write_bytes(run_bytes(start, tuple(laps), sport, local_offset, tuple(sessions or ()), every, gps))
    return path


@cache
def run_bytes(start: datetime, laps: tuple[Lap, ...], sport: Sport, local_offset: timedelta | None,
              sessions: tuple[Sport, ...], every: int, gps: bool) -> bytes:
    """The bytes of write_run's file, built once a test run for the same
    arguments (fit-tool takes 0.2 s for a half-hour run at 5 s a record)."""
    builder = FitFileBuilder(auto_define=True, min_string_size=50)
    file_id = FileIdMessage()
    file_id.type = FileType.ACTIVITY
    file_id.manufacturer = Manufacturer.DEVELOPMENT.value
    file_id.product = 0
    file_id.time_created = millis(start)
    file_id.serial_number = 0x12345678
    builder.add(file_id)
    builder.add(_event(start, EventType.START))
    moment, distance, hr_sum, hr_count, hr_max = start, 0.0, 0, 0, 0
    for lap in laps:
        lap_start, lap_distance = moment, distance
        for _ in range(0, lap.seconds, every):
            record = RecordMessage()
            record.timestamp = millis(moment)
            record.distance = distance
            record.speed = lap.speed
            if gps:
                record.position_lat = 52.5 + distance / 111_195
                record.position_long = 13.4
                record.altitude = 35.0 + (distance % 400) / 40
                record.cadence = 86
            if lap.heart_rate is not None:
                record.heart_rate = lap.heart_rate
                hr_sum, hr_count, hr_max = hr_sum + lap.heart_rate, hr_count + 1, max(hr_max, lap.heart_rate)
            builder.add(record)
            moment += timedelta(seconds=every)
            distance += lap.speed * every
        message = LapMessage()
        message.timestamp = millis(moment)
        message.start_time = millis(lap_start)
        message.total_elapsed_time = lap.seconds
        message.total_timer_time = lap.seconds
        message.total_distance = distance - lap_distance
        message.intensity = Intensity.REST if lap.rest else Intensity.ACTIVE
        if lap.heart_rate is not None:
            message.avg_heart_rate = lap.heart_rate
            message.max_heart_rate = lap.heart_rate
        builder.add(message)
    builder.add(_event(moment, EventType.STOP_ALL))
    elapsed = (moment - start).total_seconds()
    for sport_of_session in sessions or [sport]:
        session = SessionMessage()
        session.timestamp = millis(moment)
        session.start_time = millis(start)
        session.total_elapsed_time = elapsed
        session.total_timer_time = elapsed
        session.total_distance = distance
        session.sport = sport_of_session
        session.num_laps = len(laps)
        if hr_count:
            session.avg_heart_rate = round(hr_sum / hr_count)
            session.max_heart_rate = hr_max
        builder.add(session)
    activity = ActivityMessage()
    activity.timestamp = millis(moment)
    activity.total_timer_time = elapsed
    activity.num_sessions = len(sessions or [sport])
    if local_offset is not None:
        activity.local_timestamp = round((moment + local_offset).timestamp()) - FIT_EPOCH  # raw seconds
    builder.add(activity)
    return builder.build().to_bytes()


def _event(moment: datetime, kind: EventType) -> EventMessage:
    message = EventMessage()
    message.event = Event.TIMER
    message.event_type = kind
    message.timestamp = millis(moment)
    return message

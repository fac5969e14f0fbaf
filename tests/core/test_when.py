"""The date/time grammar (WHEN, ENDED, a clock time, a stored time) and the CLI clock."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from tui.core.common.when import cli_now, local_now, parse_clock, parse_ended, parse_stored, parse_when

PLUS_ONE = timezone(timedelta(hours=1))
NOW = datetime(2024, 11, 22, 9, 12, tzinfo=PLUS_ONE)


def test_today_is_now():
    assert parse_when("today", NOW) == NOW
    assert parse_when(" Today ", NOW) == NOW


def test_yesterday_keeps_the_clock_time():
    assert parse_when("yesterday", NOW) == datetime(2024, 11, 21, 9, 12, tzinfo=PLUS_ONE)


def test_iso_date_takes_the_clock_time_of_now():
    assert parse_when("2024-11-20", NOW) == datetime(2024, 11, 20, 9, 12, tzinfo=PLUS_ONE)
    assert parse_when("2024-11-22", NOW) == NOW


def test_iso_datetime_without_offset_is_read_in_the_zone_of_now():
    assert parse_when("2024-11-21T18:30", NOW) == datetime(2024, 11, 21, 18, 30, tzinfo=PLUS_ONE)


def test_iso_datetime_with_offset_is_kept():
    moment = parse_when("2024-11-21T18:30:00+05:30", NOW)
    assert moment.utcoffset() == timedelta(hours=5, minutes=30)
    assert moment.isoformat() == "2024-11-21T18:30:00+05:30"


def test_system_zone_is_used_when_now_is_local():
    now = local_now()
    moment = parse_when((now - timedelta(days=3)).date().isoformat(), now)
    assert moment.tzinfo is not None
    assert moment.time().replace(microsecond=0) == now.time().replace(microsecond=0)


@pytest.mark.parametrize("text", ["someday", "2024-13-01", "22/11/2024", "", "2024-11-21T25:00"])
def test_bad_forms_are_refused_with_the_accepted_forms(text):
    with pytest.raises(ValueError, match=r"bad date .* use an ISO date"):
        parse_when(text, NOW)


@pytest.mark.parametrize("text", ["2024-11-23", "2024-11-22T09:13"])
def test_future_is_refused(text):
    with pytest.raises(ValueError, match="in the future"):
        parse_when(text, NOW)


def test_cli_now_honours_the_variable(monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", "2024-11-22T09:12:00+01:00")
    assert cli_now() == NOW
    monkeypatch.setenv("RECOVERY_TUI_NOW", "2024-11-22T09:12:00")
    assert cli_now().tzinfo is not None
    monkeypatch.setenv("RECOVERY_TUI_NOW", "soon")
    with pytest.raises(ValueError, match="RECOVERY_TUI_NOW"):
        cli_now()
    monkeypatch.delenv("RECOVERY_TUI_NOW")
    assert abs(cli_now() - datetime.now(UTC)) < timedelta(seconds=5)


def test_stored_times_need_an_offset():
    assert parse_stored("2024-11-22T09:12:00+01:00") == NOW
    for bad in ("2024-11-22T09:12:00", "x", 5, None):
        with pytest.raises(ValueError):
            parse_stored(bad)


@pytest.mark.parametrize("text, expected", [
    ("now", NOW),
    (" NOW ", NOW),
    ("20m", NOW - timedelta(minutes=20)),
    ("0m", NOW),
    ("1440m", NOW - timedelta(days=1)),
    ("07:40", datetime(2024, 11, 22, 7, 40, tzinfo=PLUS_ONE)),
    ("7:40", datetime(2024, 11, 22, 7, 40, tzinfo=PLUS_ONE)),
    ("09:12", NOW),
    ("10:00", datetime(2024, 11, 21, 10, 0, tzinfo=PLUS_ONE)),  # still to come today: yesterday
    ("23:59", datetime(2024, 11, 21, 23, 59, tzinfo=PLUS_ONE)),
])
def test_parse_ended(text, expected):
    assert parse_ended(text, NOW) == expected


@pytest.mark.parametrize("text, message", [
    ("soon", "bad time 'soon'"),
    ("25:00", "bad time '25:00'"),
    ("7:4", "bad time"),
    ("-5m", "bad time"),
    ("20", "bad time"),
    ("20 min", "bad time"),
    ("1441m", "more than a day ago"),
])
def test_parse_ended_refuses(text, message):
    with pytest.raises(ValueError, match=message):
        parse_ended(text, NOW)


def test_a_clock_time_is_hours_and_minutes():
    assert parse_clock(" 7:05 ").hour == 7 and parse_clock("23:59").minute == 59
    for bad in ("24:00", "7:5", "07:40:00", "", "7h40"):
        with pytest.raises(ValueError, match="must be a time of day like 22:30"):
            parse_clock(bad)

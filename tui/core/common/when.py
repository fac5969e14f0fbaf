"""The journal's clock and the one grammar of the dates and times it reads.
No Textual, no I/O.

- WHEN (`log --date`, `did --date`): an ISO date or date-time, 'today', 'yesterday';
- ENDED (`plan --ended`, the run-ended dialog): 'now', '20m' ago, or a clock time;
- a clock time (ENDED, the bedtime setting): '22:30', ASCII digits only;
- a stored time: ISO 8601 with a UTC offset, within YEARS.

Every time the journal stores is aware (carries a UTC offset). A wall time
the user types without an offset is read in the local time zone of `now`.
Hand-written on purpose: dateutil and dateparser read far more than this
strict grammar allows (fuzzy words, other scripts' digits), and say less
about what is wrong. What it writes for a reader: `span_words`, `long_day`,
`long_time`, `format_duration`.
"""

from __future__ import annotations

import os
import re
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta, timezone
from datetime import time as clock_time

from tui.core.common.terminal_text import quoted

NOW_VARIABLE = "RECOVERY_TUI_NOW"
# Years the journal can hold. Far outside them, moving a time by a few days or
# to UTC overflows (0001-01-01T00:00+14:00 is in year 0 in UTC).
YEARS = range(1900, 9000)
WHEN_HELP = "an ISO date (2024-11-21), an ISO date-time (2024-11-21T09:15), 'today' or 'yesterday'"
ENDED_HELP = "'now', minutes ago like '20m', or a time like '07:40'"
CLOCK_PATTERN = re.compile(r"([01]?[0-9]|2[0-3]):([0-5][0-9])")
MINUTES_AGO = re.compile(r"([0-9]{1,4})m")
MAX_MINUTES_AGO = 24 * 60
JUST_NOW = timedelta(minutes=10)  # a clock time this far ahead is a watch a little fast: now
LAST_NIGHT = timedelta(hours=14)  # a time still to come today is yesterday's within this (typed at breakfast)


def local_now() -> datetime:
    """The current time with the local UTC offset."""
    return datetime.now().astimezone()


def cli_now() -> datetime:
    """`local_now()`, unless $RECOVERY_TUI_NOW holds an ISO date-time (tests)."""
    fixed = os.environ.get(NOW_VARIABLE)
    if not fixed:
        return local_now()
    try:
        moment = datetime.fromisoformat(fixed)
    except ValueError:
        raise ValueError(f"${NOW_VARIABLE} is not an ISO date-time: {quoted(fixed)}") from None
    if moment.year not in YEARS:  # the journal could not read back what it saved at that time
        raise ValueError(f"${NOW_VARIABLE} {quoted(fixed)} is out of range (years {YEARS.start} to {YEARS.stop - 1})")
    return moment if moment.tzinfo else moment.astimezone()


def wall_clock() -> Callable[[], datetime]:
    """The app's clock: `local_now`, or with $RECOVERY_TUI_NOW one that starts
    at that time and runs on (to try the app at a given hour of the day)."""
    if not os.environ.get(NOW_VARIABLE):
        return local_now
    start, began = cli_now(), time.monotonic()
    return lambda: start + timedelta(seconds=time.monotonic() - began)


def localize(naive: datetime, now: datetime) -> datetime:
    """Attach the time zone of `now` to a wall time.

    A named zone (zoneinfo) gives the offset for that date; when `now` is in
    the system's zone, the system's rules (summer time) decide it; otherwise
    `now`'s offset is used as is.
    """
    if _follows_system(now):
        return naive.astimezone()
    return naive.replace(tzinfo=now.tzinfo)


def in_zone_of(moment: datetime, now: datetime) -> datetime:
    """`moment` as a wall time in the zone of `now`, by the same rules as `localize`."""
    return moment.astimezone() if _follows_system(now) else moment.astimezone(now.tzinfo)


def _follows_system(now: datetime) -> bool:
    """True when `now` carries a bare offset that is the system's: a named zone
    (zoneinfo) has summer-time rules of its own."""
    return isinstance(now.tzinfo, timezone) and now.utcoffset() == now.astimezone().utcoffset()


def parse_when(text: str, now: datetime) -> datetime:
    """An aware moment for WHEN; a bare day takes the clock time of `now`.

    Raises ValueError with a message fit for the user (bad form, future time).
    """
    word = text.strip().lower()
    if word == "today":
        return now
    if word == "yesterday":
        return _on_day(now.date() - timedelta(days=1), now)
    try:
        moment: date | datetime = date.fromisoformat(word)
    except ValueError:
        try:
            moment = datetime.fromisoformat(text.strip())
        except ValueError:
            raise ValueError(f"bad date {quoted(text)}: use {WHEN_HELP}") from None
    if moment.year not in YEARS:
        raise ValueError(f"date {quoted(text)} is out of range (years {YEARS.start} to {YEARS.stop - 1})")
    if not isinstance(moment, datetime):
        moment = _on_day(moment, now)
    elif moment.tzinfo is None:
        moment = localize(moment, now)
    if moment > now:
        raise ValueError(f"date {quoted(text)} is in the future")
    return moment


def _on_day(day: date, now: datetime) -> datetime:
    if day == now.date():
        return now
    return localize(datetime.combine(day, now.time()), now)


class AheadOfClock(ValueError):
    """An ENDED clock time still to come today, more than JUST_NOW ahead,
    whose reading as yesterday is more than LAST_NIGHT ago: the app asks
    whether `yesterday` is meant, the command line refuses it."""

    def __init__(self, text: str, now: datetime, yesterday: datetime) -> None:
        self.yesterday = yesterday
        today = localize(datetime.combine(now.date(), yesterday.time()), now)
        ahead = span_words(today - now)
        ago = int((now - yesterday).total_seconds() // 60)
        super().__init__(f"'{text.strip()}' is {ahead} ahead of the clock ({now:%H:%M}); for a run "
                         f"that ended yesterday at {yesterday:%H:%M}, give the minutes ago: '{ago}m'")


def span_words(span: timedelta) -> str:
    """"1 h 15 min", "40 min": a span in whole minutes."""
    hours, minutes = divmod(round(span.total_seconds() / 60), 60)
    if not hours:
        return f"{minutes} min"
    return f"{hours} h {minutes} min" if minutes else f"{hours} h"


def parse_ended(text: str, now: datetime) -> datetime:
    """When the run ended: 'now', '20m' (minutes ago) or '07:40': the latest
    07:40 not after `now`, except that a time up to JUST_NOW ahead is now (a
    watch a minute fast), and one further ahead is yesterday's only within
    LAST_NIGHT (else AheadOfClock). ValueError with a message for the user."""
    word = text.strip().lower()
    if word == "now":
        return now
    match = MINUTES_AGO.fullmatch(word)
    if match:
        minutes = int(match[1])
        if minutes > MAX_MINUTES_AGO:
            raise ValueError(f"'{text}' is more than a day ago ({MAX_MINUTES_AGO}m at most)")
        return now - timedelta(minutes=minutes)
    try:
        clock = parse_clock(word)
    except ValueError:
        raise ValueError(f"bad time '{text}': use {ENDED_HELP}") from None
    past, ahead = _readings(clock, now)
    if ahead - now <= JUST_NOW:
        return now
    if past.date() == now.date() or now - past <= LAST_NIGHT:
        return past
    raise AheadOfClock(text, now, past)


def _readings(clock: clock_time, now: datetime) -> tuple[datetime, datetime]:
    """The latest moment at `clock` not after `now`, and the first one after it."""
    days = [localize(datetime.combine(now.date() + timedelta(days=n), clock), now) for n in (-1, 0, 1)]
    past = max(d for d in days if d <= now)
    return past, min(d for d in days if d > now)


def parse_clock(text: str) -> clock_time:
    """"22:30" -> time(22, 30); ValueError otherwise."""
    match = CLOCK_PATTERN.fullmatch(text.strip()) if isinstance(text, str) else None
    if not match:
        raise ValueError(f"must be a time of day like 22:30, got {text!r}")
    return clock_time(int(match[1]), int(match[2]))


def parse_stored(value: object) -> datetime:
    """A time as the journal stores it: ISO 8601 text with a UTC offset."""
    if not isinstance(value, str):
        raise ValueError("must be ISO 8601 text")
    try:
        moment = datetime.fromisoformat(value)
    except ValueError:
        raise ValueError(f"is not an ISO 8601 time: '{value}'") from None
    if moment.tzinfo is None:
        raise ValueError(f"has no UTC offset: '{value}'")
    if moment.year not in YEARS:
        raise ValueError(f"is out of range (years {YEARS.start} to {YEARS.stop - 1}): '{value}'")
    return moment


def long_day(day: date) -> str:
    """"Saturday 5 December 2026": a day in words, its year always given."""
    return f"{day:%A} {day.day} {day:%B %Y}"


def long_time(moment: datetime) -> str:
    """"Saturday 5 December 2026, 21:30": a moment in words, as its own wall time
    (give it `in_zone_of(moment, now)` to read it in the runner's zone)."""
    return f"{long_day(moment)}, {moment:%H:%M}"


def format_duration(seconds: float) -> str:
    """`75` -> `1:15`, `3725` -> `1:02:05` (whole seconds, rounded up)."""
    whole = max(0, int(-(-seconds // 1)))
    hours, rest = divmod(whole, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"

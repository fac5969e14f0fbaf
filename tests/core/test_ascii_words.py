"""Words the command line and files accept are ASCII and whole: other
scripts' digits and a trailing newline are refused, not quietly read."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tui.core.common.ids import ID_PATTERN
from tui.core.common.when import parse_clock, parse_ended

NOW = datetime(2026, 12, 2, 20, 0, tzinfo=timezone(timedelta(hours=1)))


@pytest.mark.parametrize("text", ["٣m", "３0m", "2٠m"])
def test_minutes_ago_are_ascii_digits_only(text):
    with pytest.raises(ValueError):
        parse_ended(text, NOW)


@pytest.mark.parametrize("text", ["٢٢:٣٠", "22:3٠"])
def test_a_time_of_day_is_ascii_digits_only(text):
    with pytest.raises(ValueError):
        parse_clock(text)


@pytest.mark.parametrize("text", ["calves\n", "ٍstretch", "foam-roll\n"])
def test_an_id_is_a_whole_ascii_word(text):
    assert ID_PATTERN.match(text) is None


def test_plain_words_still_pass():
    assert parse_ended("20m", NOW) == NOW - timedelta(minutes=20)
    assert parse_clock("22:30").hour == 22
    assert ID_PATTERN.match("foam-roll")

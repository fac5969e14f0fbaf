"""What the app writes, it can read: a new record is checked with the rules a
stored one is read with, so a time the journal would skip is never saved."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta, timezone

import pytest

from tests.core.cli_support import run
from tui.core.journal.journal import Journal
from tui.core.journal.records import FieldError

FAR = datetime(9999, 12, 31, 12, 0, tzinfo=UTC)
EARLY = datetime(1899, 12, 31, 23, 0, tzinfo=UTC)


@pytest.mark.parametrize("moment", [FAR, EARLY])
def test_a_time_out_of_range_is_refused_and_nothing_is_saved(tmp_path, moment):
    path = tmp_path / "journal.json"
    with Journal(path, now=lambda: moment) as journal:
        with pytest.raises(FieldError, match=r"out of range \(years 1900 to 8999\)"):
            journal.add_soreness(3, when=moment)
        with pytest.raises(FieldError, match="out of range"):
            journal.add_run(moment)
        with pytest.raises(FieldError, match="out of range"):
            journal.add_session("x", "X", moment - timedelta(minutes=5), moment, True, 1, 0, 1, 300.0)
    with Journal(path) as journal:
        assert journal.records() == [] and journal.problems == []


@pytest.mark.parametrize("moment", [
    datetime(1900, 1, 1, 0, 0, tzinfo=timezone(timedelta(hours=14))),  # 1899 in UTC, 1900 where she is
    datetime(8999, 12, 31, 23, 30, tzinfo=timezone(timedelta(hours=-5))),  # 9000 in UTC
])
def test_every_time_the_journal_saves_it_reads_back(tmp_path, moment):
    path = tmp_path / "journal.json"
    with Journal(path, now=lambda: moment) as journal:
        journal.add_soreness(3, when=moment)
        journal.add_run(moment)
    with Journal(path, now=lambda: moment) as journal:
        assert len(journal.records()) == 2 and journal.problems == []


def test_yesterday_before_the_first_year_is_one_line_and_exit_2(capsys, isolated_user_dirs, tmp_path,
                                                               monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", "1900-01-01T08:00+00:00")
    path = tmp_path / "journal.json"
    code, _out, err = run(capsys, "log", "--soreness", "3", "--date", "yesterday", "--journal", str(path))
    assert code == 2 and err.count("\n") == 1, err
    assert "not saved: when is out of range (years 1900 to 8999)" in err
    code, _out, err = run(capsys, "plan", "--ended", "23:30", "--journal", str(path))
    assert code == 2 and err.count("\n") == 1 and "is out of range (years 1900 to 8999)" in err, err
    assert not list(isolated_user_dirs.rglob("crash.log"))
    with Journal(path) as journal:
        assert journal.records() == [] and journal.problems == []

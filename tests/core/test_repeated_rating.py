"""The same rating saved again within a minute is most likely a key pressed
twice: `log` saves it (it may be meant) and warns; `--help` says which time
of day 'yesterday' means."""

from __future__ import annotations

import pytest

from tests.core.cli_support import run
from tui.core.journal.journal import Journal


@pytest.fixture
def journal(tmp_path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", "2026-03-10T07:30:00+01:00")
    return tmp_path / "journal.json"


def log(capsys, journal, *argv):
    return run(capsys, "log", "--soreness", "3", "--area", "calves=3", *argv, "--journal", str(journal))


def test_four_identical_ratings_within_a_minute_warn_from_the_second(capsys, journal):
    code, _out, err = log(capsys, journal)
    assert code == 0 and "same rating" not in err
    for repeat in range(2, 5):
        code, out, err = log(capsys, journal)
        assert code == 0 and f"as record #{repeat}" in out
        assert f"warning: this is the same rating as #{repeat - 1}, saved less than a minute before it" in err
    assert len(Journal(journal).records()) == 4  # saved all the same: a second rating may be meant


@pytest.mark.parametrize("different", [["--note", "after stairs"], ["--pain", "calves"], ["--area", "quads=1"]])
def test_a_different_rating_is_no_repeat(capsys, journal, different):
    log(capsys, journal)
    code, _out, err = log(capsys, journal, *different)
    assert code == 0 and "same rating" not in err


def test_the_same_rating_a_day_later_is_no_repeat(capsys, journal):
    log(capsys, journal, "--date", "yesterday")
    code, _out, err = log(capsys, journal)
    assert code == 0 and "same rating" not in err


def test_log_help_says_which_time_of_day_yesterday_means(capsys):
    with pytest.raises(SystemExit):
        run(capsys, "log", "--help")
    help = " ".join(capsys.readouterr().out.split())
    assert "'yesterday' and a bare date mean that day at the current time of day" in help

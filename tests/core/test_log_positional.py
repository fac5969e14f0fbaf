"""`recovery-tui log 3`: the overall rating as the first word, as a runner
types it after a run; `--soreness 3` still works, and both at once is one
clear usage error."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tests.core.cli_support import run
from tui.core.journal.journal import Journal

NOW = datetime(2024, 11, 22, 9, 12, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture(autouse=True)
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", NOW.isoformat())
    monkeypatch.setenv("RECOVERY_TUI_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.delenv("RECOVERY_TUI_JOURNAL", raising=False)


def test_the_rating_as_the_first_word_is_saved(capsys, tmp_path):
    path = tmp_path / "journal.json"
    code, out, err = run(capsys, "log", "3", "--area", "calves=4", "--note", "hills", "--journal", str(path))
    assert (code, err) == (0, ""), err
    assert out.startswith("Saved soreness 3/10 (calves 4) as record #1")
    [rating] = Journal(path).records()
    assert (rating["overall"], rating["areas"], rating["note"]) == (3, {"calves": 4}, "hills")


@pytest.mark.parametrize(("word", "shown"), [("11", "'11'"), ("-1", "'-1'"), ("three", "'three'")])
def test_a_rating_out_of_range_is_named(capsys, tmp_path, word, shown):
    path = tmp_path / "journal.json"
    code, out, err = run(capsys, "log", word, "--journal", str(path))
    assert code == 2 and out == ""
    assert "soreness" in err.lower() and shown in err and "0 to 10" in err, err
    assert err.count("\n") == 1 and "Traceback" not in err
    assert not path.exists()


def test_the_rating_twice_is_refused(capsys, tmp_path):
    path = tmp_path / "journal.json"
    code, _, err = run(capsys, "log", "3", "--soreness", "4", "--journal", str(path))
    assert code == 2
    assert "once" in err and "--soreness" in err, err
    assert not path.exists()


@pytest.mark.parametrize("argv", [["insights", "--yaml"], ["history", "--json", "extra"], ["log", "3", "4"]])
def test_an_unknown_word_points_to_its_commands_help(capsys, tmp_path, argv):
    code, out, err = run(capsys, *argv, "--journal", str(tmp_path / "journal.json"))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert "unrecognized arguments" in err and f"try 'recovery-tui {argv[0]} --help'" in err, err

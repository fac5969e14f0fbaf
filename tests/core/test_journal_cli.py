"""`recovery-tui log / history / export`, in-process and as a real process."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.core.cli_support import run
from tui.core.journal.export import CSV_COLUMNS
from tui.core.journal.journal import Journal

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2024, 11, 22, 9, 12, tzinfo=timezone(timedelta(hours=1)))  # Fri 22 Nov


@pytest.fixture(autouse=True)
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", NOW.isoformat())
    monkeypatch.setenv("RECOVERY_TUI_DATA_DIR", str(tmp_path / "default-data"))
    monkeypatch.delenv("RECOVERY_TUI_JOURNAL", raising=False)


@pytest.fixture
def path(tmp_path):
    return tmp_path / "j" / "journal.json"


def add_session(path, hours_ago=20):
    ended = NOW - timedelta(hours=hours_ago)
    with Journal(path) as journal:
        return journal.add_session("post-run", "Post-run stretches", ended - timedelta(minutes=12),
                                   ended, True, 8, 0, 8, 725.0)


def test_log_saves_links_and_says_what_it_saved(capsys, path):
    session = add_session(path)
    code, out, err = run(capsys, "log", "--soreness", "3", "--area", "calves=4", "--journal", str(path))
    assert (code, err) == (0, "")
    assert out == (f"Saved soreness 3/10 (calves 4) as record #2 for Fri 22 Nov 2024 09:12, "
                   f"linked to 'Post-run stretches' session #{session['id']}.\n")
    [rating, _] = Journal(path).records()
    assert (rating["overall"], rating["areas"], rating["session"]) == (3, {"calves": 4}, session["id"])


def test_log_repeated_and_multi_value_options(capsys, path):
    code, out, err = run(capsys, "log", "--area", "calves=4", "QUADS=6", "--area", "back=1",
                         "--pain", "calves", "--pain", "back", "feet", "--note", "hill reps",
                         "--date", "yesterday", "--journal", str(path))
    assert code == 0, err
    [rating] = Journal(path).records()
    assert rating["overall"] == 6  # the highest area rating
    assert rating["areas"] == {"quads": 6, "calves": 4, "back": 1}
    assert rating["pain"] == ["calves", "feet", "back"] and rating["note"] == "hill reps"
    assert rating["time"] == "2024-11-21T09:12:00+01:00"
    assert "not linked to a session" in out
    # the pain guard speaks after saving, with the disclaimer once
    assert "Sharp or localised pain flagged in calves" in out and out.count("not medical advice") == 1


def test_history_json_newest_first_with_limit(capsys, path):
    add_session(path, hours_ago=30)
    run(capsys, "log", "--soreness", "2", "--journal", str(path))
    code, out, err = run(capsys, "history", "--json", "--journal", str(path))
    assert (code, err) == (0, "")
    records = json.loads(out)
    assert [(r["id"], r["type"], r["session"]) for r in records] == [(2, "soreness", 1), (1, "session", None)]
    code, out, _ = run(capsys, "history", "--json", "--limit", "1", "--journal", str(path))
    assert [r["id"] for r in json.loads(out)] == [2]


def test_history_table_for_humans(capsys, path):
    add_session(path, hours_ago=2)
    run(capsys, "log", "--soreness", "2", "--note", "fine", "--journal", str(path))
    code, out, err = run(capsys, "history", "--journal", str(path))
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0].split() == ["#2", "Fri", "22", "Nov", "2024", "09:12", "soreness", "2/10",
                                "after", "session", "#1:", '"fine"']
    assert "session   Post-run stretches: finished, 8/8 exercises, 12:05" in lines[1]
    assert lines[2] == "Routines this week: 1. Streak: 1 day."


def test_history_of_a_missing_journal_creates_nothing(capsys, path):
    assert run(capsys, "history", "--journal", str(path)) == (0, f"No records yet in {path}.\n", "")
    assert run(capsys, "history", "--json", "--journal", str(path))[1] == "[]\n"
    assert not path.parent.exists()


def test_environment_variable_and_top_level_option(capsys, path, tmp_path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_JOURNAL", str(path))
    assert run(capsys, "log", "--soreness", "1")[0] == 0
    assert [r["overall"] for r in Journal(path).records()] == [1]
    other = tmp_path / "other.json"
    assert run(capsys, "--journal", str(other), "log", "--soreness", "4")[0] == 0
    assert [r["overall"] for r in Journal(other).records()] == [4]
    assert [r["overall"] for r in Journal(path).records()] == [1]
    assert not (tmp_path / "default-data").exists()


BAD_INPUT = [
    (["log"], "--soreness N"),
    (["log", "--note", "sore"], "--soreness N"),
    (["log", "--soreness", "11"], "argument --soreness: must be a whole number from 0 to 10, got '11'"),
    (["log", "--soreness", "-1"], "got '-1'"),
    (["log", "--soreness", "three"], "got 'three'"),
    (["log", "--soreness", "2.5"], "got '2.5'"),
    (["log", "--area", "calf=3"], "unknown area 'calf'"),
    (["log", "--area", "calves"], "'calves' is not AREA=N"),
    (["log", "--area", "=3"], "is not AREA=N"),
    (["log", "--area", "calves=x"], "calves must be rated with a whole number"),
    (["log", "--area", "calves=4", "calves=5"], "calves is rated twice"),
    (["log", "--soreness", "2", "--pain", "elbow"], "unknown area 'elbow'"),
    (["log", "--soreness", "2", "--date", "someday"], "bad date 'someday'"),
    (["log", "--soreness", "2", "--date", "2024-11-23"], "in the future"),
    (["history", "--limit", "0"], "argument --limit: must be a positive whole number"),
    (["history", "--limit", "x"], "argument --limit"),
    (["export", "--format", "xml"], "invalid choice: 'xml'"),
    (["export"], "--format"),
]


@pytest.mark.parametrize("argv, message", BAD_INPUT, ids=[" ".join(a) for a, _ in BAD_INPUT])
def test_bad_input_exits_2_with_one_line_and_no_journal(capsys, path, argv, message):
    code, out, err = run(capsys, *argv, "--journal", str(path))
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and err.startswith("recovery-tui: ") and message in err
    assert not path.parent.exists()


@pytest.mark.parametrize("argv", [a for a, _ in BAD_INPUT if a[0] == "log"][:6])
def test_bad_input_leaves_an_existing_journal_alone(capsys, path, argv):
    add_session(path)
    before = path.read_bytes()
    assert run(capsys, *argv, "--journal", str(path))[0] == 2
    assert path.read_bytes() == before


@pytest.mark.parametrize("content", [b"", b'{"records": {"1": {"v": 1,', b"\xff\xfe"])
@pytest.mark.parametrize("argv", [["log", "--soreness", "2"], ["history"], ["export", "--format", "csv"]])
def test_corrupt_journal_exits_1_naming_the_path_and_keeps_the_bytes(capsys, path, content, argv):
    path.parent.mkdir()
    path.write_bytes(content)
    code, out, err = run(capsys, *argv, "--journal", str(path))
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and str(path) in err and "left untouched" in err
    assert path.read_bytes() == content


def test_bad_records_are_reported_and_the_rest_shown(capsys, path):
    add_session(path)
    data = json.loads(path.read_text())
    data["records"]["2"] = {"v": 1, "type": "soreness", "time": "2024-11-22T08:00:00+01:00",
                            "overall": "x", "areas": {}, "pain": [], "note": "", "session": None}
    path.write_text(json.dumps(data))
    code, out, err = run(capsys, "history", "--json", "--journal", str(path))
    assert code == 1
    assert [r["id"] for r in json.loads(out)] == [1]
    assert err.startswith("recovery-tui: warning: Record #2") and "'overall'" in err


def test_export_csv_and_json(capsys, path, tmp_path):
    add_session(path)
    run(capsys, "log", "--area", "calves=4", "--pain", "calves", "--journal", str(path))
    code, out, err = run(capsys, "export", "--format", "csv", "--journal", str(path))
    assert (code, err) == (0, "")
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert [(r["id"], r["type"], r["calves"], r["pain"]) for r in rows] == [
        ("2", "soreness", "4", "calves"), ("1", "session", "", "")]
    code, out, _ = run(capsys, "export", "--format", "json", "--journal", str(path))
    assert out == run(capsys, "history", "--json", "--journal", str(path))[1]

    target = tmp_path / "out.csv"
    assert run(capsys, "export", "--format", "csv", "--output", str(target), "--journal", str(path))[:2] == (0, "")
    assert list(csv.DictReader(target.open(newline=""))) == rows
    assert [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []


def test_export_never_overwrites(capsys, path, tmp_path):
    add_session(path)
    target = tmp_path / "keep.json"
    target.write_text("precious")
    code, out, err = run(capsys, "export", "--format", "json", "--output", str(target), "--journal", str(path))
    assert code == 1 and out == "" and err == f"recovery-tui: {target} exists; choose another name.\n"
    assert target.read_text() == "precious"


def child_env(path):
    return {**os.environ, "RECOVERY_TUI_JOURNAL": str(path), "RECOVERY_TUI_NOW": NOW.isoformat(),
            "PYTHONPATH": str(ROOT)}


def test_as_a_real_process(path):
    add_session(path)
    done = subprocess.run([sys.executable, "-m", "tui", "log", "--soreness", "4", "--pain", "shins"],
                          env=child_env(path), capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    assert done.stdout.startswith("Saved soreness 4/10 (pain: shins) as record #2")
    bad = subprocess.run([sys.executable, "-m", "tui", "log", "--soreness", "12"],
                         env=child_env(path), capture_output=True, text=True)
    assert bad.returncode == 2 and bad.stderr.count("\n") == 1
    assert len(Journal(path).records()) == 2

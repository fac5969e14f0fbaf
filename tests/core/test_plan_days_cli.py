"""`plan --ended` on real days (issue 24), with a fixed clock: a watch a
little fast, a time still to come today, a second run within two hours."""

from __future__ import annotations

import json

import pytest

from tests.core.cli_support import evening_plan_env, run, runs


@pytest.fixture(autouse=True)
def env(tmp_path, monkeypatch):
    evening_plan_env(tmp_path, monkeypatch, "2024-11-22T21:49:50+01:00")


@pytest.fixture
def path(tmp_path):
    return tmp_path / "j" / "journal.json"


def test_a_time_a_minute_ahead_is_just_now(capsys, path):
    code, out, err = run(capsys, "plan", "--ended", "21:50", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["run"]["ended"] == "2024-11-22T21:49:50+01:00"
    assert "overdue" not in {s["status"] for s in data["steps"]}


def test_a_time_further_ahead_is_refused_with_a_way_to_say_yesterday(capsys, path):
    code, out, err = run(capsys, "plan", "--ended", "22:30")
    assert (code, out) == (2, "")
    assert err == ("recovery-tui: argument --ended: '22:30' is 40 min ahead of the clock (21:49); for a run "
                   "that ended yesterday at 22:30, give the minutes ago: '1399m' (try 'recovery-tui plan --help')\n")
    assert not path.exists()
    code, out, _ = run(capsys, "plan", "--ended", "1399m")
    assert code == 0 and "Run ended Thu 21 Nov 22:30 · bedtime 23:15" in out


def test_a_run_within_two_hours_of_another_needs_new_or_correct(capsys, path, monkeypatch):
    """It used to replace the first run: history showed one run, the CLI said only "corrected"."""
    monkeypatch.setenv("RECOVERY_TUI_NOW", "2024-11-22T20:40:00+01:00")
    run(capsys, "plan", "--ended", "19:30", "--kind", "easy")
    run(capsys, "did", "hydrate", "stretch")
    code, out, err = run(capsys, "plan", "--ended", "20:30")
    assert (code, out) == (2, "")
    assert err.startswith("recovery-tui: argument --ended: run #1 ended 19:30, within two hours of 20:30: "
                          "add --new for a second run or --correct to move that run's end")
    code, out, _ = run(capsys, "plan", "--ended", "20:30", "--new", "--kind", "intervals")
    assert code == 0 and "started record #2. Intervals run ended 20:30 ·" in out
    assert [(r["id"], r["time"], r["run_kind"], r["practices"]) for r in runs(path)] == [
        (1, "2024-11-22T19:30:00+01:00", "easy", ["hydrate", "stretch"]),
        (2, "2024-11-22T20:30:00+01:00", "intervals", [])]


def test_a_correction_moves_the_end_and_keeps_every_tick_where_it_was(capsys, path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", "2024-11-22T21:40:00+01:00")
    run(capsys, "plan", "--ended", "19:30", "--kind", "easy")
    run(capsys, "did", "hydrate", "--run", "1")
    run(capsys, "plan", "--ended", "21:00", "--new")
    run(capsys, "did", "snack", "--run", "2")
    code, out, _ = run(capsys, "plan", "--ended", "20:40", "--correct")  # nearer to #2 (20 min) than #1
    assert code == 0 and "corrected the end (was 21:00) of record #2. Run ended 20:40 ·" in out
    assert [(r["id"], r["time"], r["practices"]) for r in runs(path)] == [
        (1, "2024-11-22T19:30:00+01:00", ["hydrate"]),
        (2, "2024-11-22T20:40:00+01:00", ["snack"])]


@pytest.mark.parametrize("argv, message", [
    (["--correct", "--ended", "12:00"], "argument --correct: no run of that day ended within two hours of 12:00"),
    (["--new"], "argument --new: needs --ended"),
    (["--correct"], "argument --correct: needs --ended"),
    (["--new", "--correct", "--ended", "now"], "argument --correct: not allowed with argument --new"),
])
def test_new_and_correct_are_checked(capsys, path, argv, message):
    code, out, err = run(capsys, "plan", *argv)
    assert (code, out) == (2, "") and message in err
    assert not path.exists() or not runs(path)

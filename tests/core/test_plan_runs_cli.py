"""`plan --json`, second runs, `did --undo/--run/--kind` and late runs from the
command line, with a fixed clock (RECOVERY_TUI_NOW)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.cli_support import evening_plan_env, run, runs
from tui.core.journal.journal import Journal
from tui.core.plan.runs import STATES

ROOT = Path(__file__).resolve().parents[2]
EVENING = "2024-11-22T21:50:00+01:00"  # Fri 22 Nov


@pytest.fixture(autouse=True)
def env(tmp_path, monkeypatch):
    evening_plan_env(tmp_path, monkeypatch, EVENING)


@pytest.fixture
def path(tmp_path):
    return tmp_path / "j" / "journal.json"


def plan_json(capsys, *argv):
    code, out, err = run(capsys, "plan", "--json", *argv)
    assert (code, err) == (0, "")
    return json.loads(out)


def test_plan_json_of_an_evening_run(capsys, path):
    data = plan_json(capsys, "--ended", "21:45", "--kind", "tempo")
    assert list(data) == ["run", "steps", "left_out"]
    assert data["left_out"] == ["meal", "legs-up", "nap", "epsom-bath"]
    assert data["run"] == {"id": 1, "ended": "2024-11-22T21:45:00+01:00", "kind": "tempo",
                           "plan_date": "2024-11-22", "sleep": "2024-11-22T23:15:00+01:00",
                           "short_plan": False, "practices": [], "skipped": []}
    steps = {s["step"]: s for s in data["steps"]}
    assert all(list(s) == ["step", "title", "start", "end", "status"] for s in data["steps"] if s["step"] != "ice-bath")
    assert "heat" not in steps and steps["ice-bath"]["choices"] == ["ice-bath", "heat"]  # one either-or row
    assert {s["status"] for s in data["steps"]} <= set(STATES)
    assert steps["cool-down-walk"] == {"step": "cool-down-walk", "title": "Cool-down walk",
                                       "start": "2024-11-22T21:45:00+01:00",
                                       "end": "2024-11-22T21:55:00+01:00", "status": "due"}
    assert steps["hydrate"]["status"] == "soon" and steps["foam-roll"]["status"] == "later"
    assert steps["bedtime-stretch"]["start"] == "2024-11-22T22:49:00+01:00"  # after the ice bath
    assert steps["meal"]["status"] == steps["epsom-bath"]["status"] == "dropped"
    assert steps["legs-up"] == {"step": "legs-up", "title": "Legs up the wall", "start": None, "end": None,
                                "status": "dropped"}
    assert data["steps"][-1]["step"] == "sleep" and data["steps"][-1]["start"] == "2024-11-22T23:15:00+01:00"
    run(capsys, "did", "hydrate")
    run(capsys, "did", "legs-up")  # done anyway, though it did not fit
    steps = {s["step"]: s["status"] for s in plan_json(capsys)["steps"]}
    assert steps["hydrate"] == "done" and steps["legs-up"] == "done"


def test_plan_text_says_skip_tonight(capsys):
    code, out, _ = run(capsys, "plan", "--ended", "21:45")
    assert code == 0
    assert "  -               skip tonight Legs up the wall [legs-up]" in out
    assert "  22:49-22:58     later        Stretch before bed [bedtime-stretch]" in out


def test_a_run_after_midnight_gets_the_short_plan(capsys, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", "2024-11-23T00:40:00+01:00")
    code, out, err = run(capsys, "plan", "--ended", "00:30")
    assert (code, err) == (0, "")
    assert "Run ended 00:30 · bedtime 23:15 · late run: short plan, sleep 01:30\n" in out
    data = plan_json(capsys)
    assert data["run"]["short_plan"] is True and data["run"]["sleep"] == "2024-11-23T01:30:00+01:00"
    kept = [s["step"] for s in data["steps"] if s["status"] != "dropped"]
    assert kept == ["cool-down-walk", "hydrate", "stretch", "sleep"]


def test_second_run_of_the_day_or_a_correction(capsys, path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", "2024-11-22T09:00:00+01:00")
    code, out, _ = run(capsys, "plan", "--ended", "07:40", "--kind", "easy")
    assert "started record #1. Easy run ended 07:40 ·" in out
    run(capsys, "did", "hydrate")
    code, out, _ = run(capsys, "plan", "--ended", "08:30", "--correct")  # 50 min later: the same run
    assert "corrected the end (was 07:40) of record #1. Easy run ended 08:30 ·" in out
    assert [(r["id"], r["time"], r["practices"]) for r in runs(path)] == [
        (1, "2024-11-22T08:30:00+01:00", ["hydrate"])]
    monkeypatch.setenv("RECOVERY_TUI_NOW", EVENING)
    code, out, _ = run(capsys, "plan", "--ended", "21:45", "--kind", "tempo")  # 13 h later: a new run
    assert "started record #2. Tempo run ended 21:45 ·" in out
    assert "resumed record #2. Tempo run ended 21:45 ·" in run(capsys, "plan")[1]
    code, out, _ = run(capsys, "did", "stretch")  # the latest run of the day
    assert code == 0 and out == "Updated run record #2 for Friday 22 November 2024; done: Stretch.\n"
    code, out, _ = run(capsys, "did", "meal", "--run", "1")
    assert out == "Updated run record #1 for Friday 22 November 2024; done: Drink, Meal.\n"
    assert "resumed record #1. Easy run ended 08:30 ·" in run(capsys, "plan", "--run", "1")[1]
    assert [(r["time"], r["run_kind"], r["practices"]) for r in runs(path)] == [
        ("2024-11-22T08:30:00+01:00", "easy", ["hydrate", "meal"]),
        ("2024-11-22T21:45:00+01:00", "tempo", ["stretch"])]


def test_did_undo_puts_steps_back_to_open(capsys, path):
    run(capsys, "plan", "--ended", "21:45")
    run(capsys, "did", "hydrate", "foam-rolling", "snack")
    run(capsys, "plan")  # nothing changes by looking
    with Journal(path) as journal:
        journal.skip_steps(1, ["ice-bath"])
    code, out, err = run(capsys, "did", "--undo", "foam-roll", "ice-bath")
    assert (code, err) == (0, "")
    assert out == "Reopened Foam rolling, Ice bath on run record #1 (Friday 22 November 2024); done: Drink, Snack.\n"
    [record] = runs(path)
    assert record["practices"] == ["hydrate", "snack"] and record["skipped"] == []
    steps = {s["step"]: s["status"] for s in plan_json(capsys)["steps"]}
    assert steps["foam-roll"] == "later" and steps["ice-bath"] == "later"
    assert steps["hydrate"] == steps["snack"] == "done"


def test_did_records_the_kind_of_run(capsys, path):
    code, out, _ = run(capsys, "did", "hydrate", "--kind", "long", "--date", "2024-11-21")
    assert code == 0 and out == "Started run record #1 for Thursday 21 November 2024; done: Drink.\n"
    run(capsys, "did", "meal", "--kind", "race", "--date", "2024-11-21T18:00")
    [record] = runs(path)
    assert (record["run_kind"], record["time"], record["practices"]) == (
        "race", "2024-11-21T21:50:00+01:00", ["hydrate", "meal"])  # a bare date: today's time of day


def test_did_help_says_what_a_bare_date_means(capsys):
    with pytest.raises(SystemExit):
        run(capsys, "did", "--help")
    out = " ".join(capsys.readouterr().out.split())
    assert "a bare date takes the current time of day" in out
    assert "--undo" in out and "--run ID" in out and "--kind" in out


@pytest.mark.parametrize("argv, message", [
    (["did", "warmup-drills"], "'warmup-drills' is a warm-up, not a recovery practice"),
    (["did", "hydrate", "--run", "1", "--date", "today"], "argument --run: not allowed with --date"),
    (["plan", "--run", "1", "--ended", "now"], "argument --run: not allowed with --ended"),
    (["did", "hydrate", "--run", "x"], "argument --run: invalid int value: 'x'"),
    (["did", "hydrate", "--kind", "jog"], "invalid choice: 'jog'"),
])
def test_bad_input_exits_2_with_one_line_and_no_journal(capsys, path, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and err.count("\n") == 1 and message in err
    assert not path.parent.exists()


def test_a_run_id_that_is_not_a_run(capsys, path):
    run(capsys, "did", "hydrate")
    with Journal(path) as journal:
        rating = journal.add_soreness(3)["id"]
    before = path.read_bytes()
    for argv in (["did", "meal", "--run", str(rating)], ["plan", "--run", "99"]):
        code, out, err = run(capsys, *argv)
        assert code == 2 and out == "" and err.count("\n") == 1 and "is not a run in" in err
    assert path.read_bytes() == before


def test_undo_on_a_day_without_a_run(capsys, path):
    code, out, err = run(capsys, "did", "--undo", "hydrate")
    assert (code, out) == (1, "") and "nothing to undo: no run recorded on Friday 22 November 2024" in err


def test_the_day_the_clocks_go_forward_in_the_system_zone(tmp_path):
    """A real process in Europe/Berlin: the run ends 23:50 on Sat 29 Mar 2025,
    bedtime 01:00 falls after midnight, and the clocks jump at 02:00."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "TZ": "Europe/Berlin",
           "RECOVERY_TUI_NOW": "2025-03-30T00:10:00", "RECOVERY_TUI_JOURNAL": str(tmp_path / "journal.json"),
           "RECOVERY_TUI_CONFIG_DIR": str(tmp_path / "config")}
    (tmp_path / "config" / "settings.toml").write_text('bedtime = "01:00"\n')
    done = subprocess.run([sys.executable, "-m", "tui", "plan", "--ended", "23:50", "--json"],
                          env=env, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    data = json.loads(done.stdout)
    assert data["run"]["ended"] == "2025-03-29T23:50:00+01:00"
    assert data["run"]["short_plan"] is False  # 70 min before bed
    assert data["run"]["sleep"] == "2025-03-30T01:00:00+01:00"
    assert all(s["end"] is None or s["end"] <= "2025-03-30T01:00:00+01:00" for s in data["steps"])
    later = subprocess.run([sys.executable, "-m", "tui", "plan", "--ended", "01:45", "--json"],
                           env={**env, "RECOVERY_TUI_NOW": "2025-03-30T03:10:00"}, capture_output=True, text=True)
    data = json.loads(later.stdout)
    assert data["run"]["id"] == 2 and data["run"]["sleep"] == "2025-03-30T03:45:00+02:00"  # an hour on


def test_just_after_midnight_did_and_plan_go_on_with_last_nights_run(capsys, path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", "2024-11-22T23:45:00+01:00")
    run(capsys, "plan", "--ended", "23:40", "--kind", "easy")
    monkeypatch.setenv("RECOVERY_TUI_NOW", "2024-11-23T00:10:00+01:00")
    code, out, _ = run(capsys, "did", "hydrate")
    assert out == "Updated run record #1 for Friday 22 November 2024; done: Drink.\n"
    code, out, _ = run(capsys, "plan")
    assert code == 0 and "resumed record #1. Easy run ended Fri 22 Nov 23:40 · " in out  # last night's: its day said
    assert "· late run: short plan, sleep 00:40\n" in out
    monkeypatch.setenv("RECOVERY_TUI_NOW", "2024-11-23T12:00:00+01:00")  # next day, 12 h on: a new run
    assert "started record #2. Run ended 12:00 ·" in run(capsys, "plan")[1]
    assert len(runs(path)) == 2

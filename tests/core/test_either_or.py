"""Ice bath and heat are one either-or choice (issue 24 §14): one row, "Ice
bath or warm bath", on the command line and in the app; ticking it records
the one that was done, so insights and experiments still tell them apart;
and the steps a short evening leaves out are named in one line."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta, timezone

import pytest

from tests.core.cli_support import evening_plan_env, run, runs
from tui.core.common.paths import PLAN_FILE
from tui.core.plan.definition import load_plan
from tui.core.plan.evening import build_plan
from tui.core.plan.experiment_note import ExperimentNote, noted_steps
from tui.core.plan.runs import practices_for, step_state
from tui.core.plan.view import left_out_line

TZ = timezone(timedelta(hours=1))
PLAN = load_plan(None, PLAN_FILE)[0]
ENDED = datetime(2026, 12, 5, 21, 30, tzinfo=TZ)


def rows(ended=ENDED, bedtime=time(22, 45), kind="long"):
    return {s.id: s for s in build_plan(PLAN, ended, bedtime, kind)}


def test_one_row_holds_both_choices():
    steps = rows()
    assert "heat" not in steps
    row = steps["ice-bath"]
    assert row.title == "Ice bath or warm bath" and row.ids == ("ice-bath", "heat")
    assert [c.title for c in row.choices] == ["Ice bath", "Warm bath"]
    assert row.choices[0].timer_seconds == 900 and row.choices[1].timer_seconds is None
    assert row.start == row.choices[0].start and row.end == row.choices[1].end


def test_ticking_records_the_one_that_was_done():
    row = rows()["ice-bath"]
    assert practices_for(row, "heat") == ["heat"]
    assert practices_for(row, "ice-bath") == ["ice-bath"]
    assert practices_for(row) == ["ice-bath", "heat"]  # undo or skip: both
    with pytest.raises(ValueError, match="not a choice"):
        practices_for(row, "meal")
    now = ENDED + timedelta(minutes=5)
    assert step_state(row, {"practices": ["heat"], "skipped": []}, now) == "done"
    assert step_state(row, {"practices": [], "skipped": ["ice-bath", "heat"]}, now) == "skipped"
    assert step_state(row, {"practices": [], "skipped": []}, now) == "later"


@pytest.mark.parametrize("doing, titles", [
    (True, ["Ice bath: tonight (experiment)"]),
    (False, ["Ice bath: not tonight (experiment)", "Warm bath"]),
])
def test_an_ice_bath_experiment_decides_the_row(doing, titles):
    note = ExperimentNote("Experiment 1 of 8", "ice-bath", doing)
    noted = noted_steps(build_plan(PLAN, ENDED, time(22, 45), "long"), [note])
    assert [s.title for s in noted if {"ice-bath", "heat"} & set(s.ids)] == titles


def test_a_short_evening_names_what_it_leaves_out():
    """Was: four rows said "skip tonight" and nothing said why."""
    steps = list(rows().values())
    assert left_out_line(steps, ENDED) == ("Left out tonight: Meal, Legs up the wall, Nap, Epsom salt bath "
                                           "(bed in 1 h 15 min)")
    assert left_out_line(list(rows(ENDED.replace(hour=7), time(22, 45)).values()), ENDED) == ""


def test_the_command_line_shows_one_row_and_did_heat_ticks_it(capsys, tmp_path, monkeypatch):
    evening_plan_env(tmp_path, monkeypatch, "2026-12-05T21:30")
    (tmp_path / "config" / "settings.toml").write_text('bedtime = "22:45"\n')
    code, out, _ = run(capsys, "plan", "--kind", "long")
    assert code == 0
    assert "Left out tonight: Meal, Legs up the wall, Nap, Epsom salt bath (bed in 1 h 15 min)." in out
    assert "later        Ice bath or warm bath (optional) [ice-bath or heat]" in out
    assert "[heat]" not in out and "Heat instead" not in out
    assert run(capsys, "did", "heat")[0] == 0
    (record,) = runs(tmp_path / "j" / "journal.json")
    assert record["practices"] == ["heat"]
    code, out, _ = run(capsys, "plan", "--json")
    data = json.loads(out)
    (row,) = [s for s in data["steps"] if s["step"] in ("ice-bath", "heat")]
    assert row["choices"] == ["ice-bath", "heat"] and row["status"] == "done"
    assert data["left_out"] == ["meal", "legs-up", "nap", "epsom-bath"]

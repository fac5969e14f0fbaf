"""What the shipped routines and plan say: safety words, sides, amounts, totals."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

from tui.core.common.paths import PLAN_FILE, builtin_routine_files
from tui.core.plan.definition import load_plan
from tui.core.plan.evening import build_plan
from tui.core.routines.loader import load_library
from tui.core.routines.timer import RoutineTimer, planned_seconds

ENDED = datetime(2026, 11, 22, 7, 40, tzinfo=timezone(timedelta(hours=1)))


def exercise(routine_id: str, name: str):
    library = load_library(builtin_routine_files(), None)
    return next(e for e in library.get(routine_id).exercises if e.name == name)


def detail(step_id: str, units: str) -> str:
    plan, _ = load_plan(None, PLAN_FILE)
    return next(s.detail for s in build_plan(plan, ENDED, time(22, 30), units=units) if s.id == step_id)


def test_quad_stretch_says_to_hold_a_wall_or_chair():
    assert "wall or a chair" in exercise("post-run-stretches", "Standing quad stretch").cue


def test_half_pigeon_warns_about_the_knee_and_offers_figure_four():
    cue = exercise("runner-yoga", "Half pigeon").cue
    assert "knee" in cue and "figure-four" in cue


def test_lunges_and_pigeon_say_which_leg_goes_where():
    for routine_id, name in (("runner-yoga", "Low lunge"), ("runner-yoga", "Half pigeon"),
                             ("post-run-stretches", "Kneeling hip flexor lunge")):
        cue = exercise(routine_id, name).cue
        assert "side shown" in cue and ("forward" in cue or "in front" in cue), name


def test_ice_bath_safety():
    text = detail("ice-bath", "metric")
    assert "alone" in text and "heart condition" in text and "numb" in text


def test_epsom_bath_amounts_follow_the_units():
    metric, imperial = detail("epsom-bath", "metric"), detail("epsom-bath", "imperial")
    assert "1 kg of Epsom salt" in metric and "220 g of baking soda" in metric and "cup" not in metric
    assert "4 cups of Epsom salt" in imperial and "1 cup of baking soda" in imperial


def test_one_total_for_post_run_stretches(clock):
    routine = load_library(builtin_routine_files(), None).get("post-run-stretches")
    assert routine.total_seconds == 12 * 60 + 45  # holds only
    total = planned_seconds(routine, 5, 5)
    assert total == 13 * 60 + 55  # what home and `routines` show
    timer = RoutineTimer(routine, clock, get_ready=5, switch_sides=5)
    timer.start()
    assert timer.routine_remaining() == total  # the session's "Left" at the start


def test_new_areas_through_log_history_and_export(capsys, tmp_path, monkeypatch):
    import csv
    import io
    import json

    from tests.core.cli_support import run

    monkeypatch.setenv("RECOVERY_TUI_NOW", "2026-11-22T09:12:00+01:00")
    path = str(tmp_path / "journal.json")
    code, out, err = run(capsys, "log", "--area", "knees=3", "Achilles=5", "it-band=6", "ankles=2",
                         "--pain", "achilles", "--journal", path)
    assert code == 0, err
    assert "pain flagged in Achilles" in out and "IT band 6" in out  # as people write them
    code, out, err = run(capsys, "history", "--json", "--journal", path)
    (rating,) = json.loads(out)
    assert rating["areas"] == {"knees": 3, "ankles": 2, "achilles": 5, "it-band": 6}
    assert rating["pain"] == ["achilles"]
    code, out, err = run(capsys, "export", "--format", "csv", "--journal", path)
    rows = list(csv.DictReader(io.StringIO(out)))
    assert [rows[0][a] for a in ("knees", "ankles", "achilles", "it-band")] == ["3", "2", "5", "6"]
    header = next(csv.reader(io.StringIO(out)))  # the new areas' columns come after the first eight,
    first = header.index("quads")                  # so older exports line up column for column
    assert header[first:first + 12] == ["quads", "hamstrings", "calves", "hips", "glutes", "shins", "feet",
                                        "back", "knees", "ankles", "achilles", "it-band"]
    code, out, err = run(capsys, "log", "--area", "elbows=3", "--journal", path)
    assert code == 2 and "unknown area 'elbows'" in err and "it-band" in err

"""`recovery-tui plan / did / insights`, in-process and as a real process."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from tests.core.cli_support import run
from tui.core.insights.findings import JSON_KEYS, NOT_PROOF
from tui.core.journal.journal import Journal

TZ = timezone(timedelta(hours=1))
NOW = datetime(2024, 11, 22, 9, 12, tzinfo=TZ)  # Fri 22 Nov


@pytest.fixture(autouse=True)
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", NOW.isoformat())
    monkeypatch.setenv("RECOVERY_TUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("RECOVERY_TUI_JOURNAL", str(tmp_path / "j" / "journal.json"))


@pytest.fixture
def path(tmp_path):
    return tmp_path / "j" / "journal.json"


def runs(path):
    return [r for r in Journal(path).records() if r["type"] == "run"]


def test_plan_prints_the_timeline_and_starts_the_run(capsys, path):
    code, out, err = run(capsys, "plan", "--ended", "07:40", "--kind", "long")
    assert (code, err) == (0, "")
    lines = out.splitlines()
    assert lines[0] == "After-run recovery: started record #1. Long run ended 07:40 · bedtime 22:30"
    assert lines[1].split() == ["07:40-07:50", "overdue", "Cool-down", "walk", "[cool-down-walk]"]
    assert "07:50-07:55     overdue      Drink [hydrate]" in out and "475-600 ml" in out
    assert "08:44-09:40     due now      Meal [meal]" in out
    assert "09:40-09:46     later        Legs up the wall [legs-up]" in out
    assert "08:29-08:44     overdue      Ice bath or warm bath (optional) [ice-bath or heat]" in out
    assert "  22:30           later        Sleep [sleep]" in out
    [record] = runs(path)
    assert (record["time"], record["run_kind"], record["plan_date"]) == (
        "2024-11-22T07:40:00+01:00", "long", "2024-11-22")


def test_plan_resumes_the_same_day(capsys, path):
    run(capsys, "plan", "--ended", "20m")
    assert run(capsys, "did", "hydrate", "post-run-stretches")[0] == 0
    code, out, _ = run(capsys, "plan")
    assert code == 0 and "resumed record #1. Run ended 08:52 · bedtime 22:30" in out
    assert "08:52-09:02" in out and "✓ done       Drink [hydrate]" in out and "✓ done       Stretch [stretch]" in out
    code, out, _ = run(capsys, "plan", "--kind", "race")
    assert "resumed record #1. Race run ended 08:52" in out
    [record] = runs(path)
    assert record["practices"] == ["hydrate", "post-run-stretches"] and record["run_kind"] == "race"


@pytest.mark.parametrize("when, stamp", [
    ("now", "2024-11-22T09:12:00+01:00"),
    ("90m", "2024-11-22T07:42:00+01:00"),
    ("21:05", "2024-11-21T21:05:00+01:00"),  # later than now: yesterday
])
def test_plan_ended_forms(capsys, path, when, stamp):
    assert run(capsys, "plan", "--ended", when)[0] == 0
    [record] = runs(path)
    assert record["time"] == stamp and record["plan_date"] == stamp[:10]


@pytest.mark.parametrize("argv, message", [
    (["plan", "--ended", "soon"], "argument --ended: bad time 'soon'"),
    (["plan", "--ended", "24:00"], "bad time '24:00'"),
    (["plan", "--ended", "5000m"], "more than a day ago"),
    (["plan", "--kind", "jog"], "invalid choice: 'jog'"),
    (["did"], "the following arguments are required: PRACTICE"),
    (["did", "hydrate", "--date", "someday"], "argument --date: bad date 'someday'"),
    (["did", "hydrate", "--date", "2024-11-23"], "in the future"),
    (["insights", "--yaml"], "unrecognized arguments"),
])
def test_bad_input_exits_2_with_one_line_and_no_journal(capsys, path, argv, message):
    code, out, err = run(capsys, *argv)
    assert code == 2 and out == "" and err.count("\n") == 1 and message in err
    assert not path.parent.exists()


def test_did_records_for_the_run_of_the_day(capsys, path):
    code, out, err = run(capsys, "did", "hydrate", "Foam-Rolling")
    assert (code, err) == (0, "")
    assert out == "Started run record #1 for Friday 22 November 2024; done: Drink, Foam rolling.\n"
    code, out, _ = run(capsys, "did", "snack", "hydrate")
    assert out == "Updated run record #1 for Friday 22 November 2024; done: Drink, Foam rolling, Snack.\n"
    code, out, _ = run(capsys, "did", "meal", "--date", "yesterday")
    assert out == "Started run record #2 for Thursday 21 November 2024; done: Meal.\n"
    assert {r["plan_date"]: r["practices"] for r in runs(path)} == {
        "2024-11-22": ["hydrate", "foam-rolling", "snack"], "2024-11-21": ["meal"]}


def test_did_with_unknown_ids_lists_the_valid_ones_and_leaves_the_journal(capsys, path):
    run(capsys, "did", "hydrate")
    before = path.read_bytes()
    code, out, err = run(capsys, "did", "snack", "ice-baths", "yogaa")
    assert code == 2 and out == "" and err.count("\n") == 1
    # each unknown name gets its own suggestion, or none
    assert "unknown practice 'ice-baths' (did you mean 'ice-bath'?), 'yogaa' (valid: cool-down-walk, hydrate, snack," in err
    assert "sleep, " in err and "post-run-stretches" in err and "runner-yoga" in err
    assert path.read_bytes() == before


def test_settings_and_user_plan_shape_the_timeline(capsys, tmp_path):
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text('units = "imperial"\nbedtime = "23:00"\nsound = "loud"\n')
    code, out, err = run(capsys, "plan", "--ended", "07:40")
    assert code == 0 and "Run ended 07:40 · bedtime 23:00\n" in out and "16-20 oz" in out and "55-60 °F" in out
    assert "  23:00           later        Sleep [sleep]" in out
    assert err == f"recovery-tui: warning: {config / 'settings.toml'}: field 'sound': must be true or false, got text\n"
    (config / "plan.toml").write_text('id = "mine"\nname = "Mine"\ndescription = "d"\n[[steps]]\nid = "nap"\n'
                                      'title = "Nap"\nfrom = "run-end"\nstart_minutes = 60\nend_minutes = 90\n'
                                      'detail = "Sleep a bit."\n')
    code, out, err = run(capsys, "plan")
    assert out.splitlines()[0].startswith("Mine: resumed") and len(out.splitlines()) == 4
    (config / "plan.toml").write_text('id = "mine"\n')
    code, out, err = run(capsys, "plan")
    assert code == 0 and out.startswith("After-run recovery: resumed")
    assert f"warning: {config / 'plan.toml'}: field 'name': missing" in err


def test_history_and_insights(capsys, path):
    with Journal(path) as journal:
        for n in range(6):
            ended = NOW - timedelta(days=2 * n + 3)
            run_id = journal.add_run(ended, "easy")["id"]
            journal.record_practices(run_id, ["foam-roll"] if n % 2 else ["meal"])
            journal.add_soreness(2 if n % 2 else 6, {"calves": 1 if n % 2 else 5}, when=ended + timedelta(hours=20))
    code, out, err = run(capsys, "history", "--json")
    assert code == 0 and {r["type"] for r in json.loads(out)} == {"run", "soreness"}
    run_row = next(r for r in json.loads(out) if r["type"] == "run")
    assert run_row["run_kind"] == "easy" and run_row["practices"] in (["meal"], ["foam-roll"])
    code, out, err = run(capsys, "insights", "--json")
    assert (code, err) == (0, "")
    rows = json.loads(out)
    assert [tuple(r) for r in rows] == [JSON_KEYS, JSON_KEYS]
    foam = rows[0]  # 3 runs a side cannot show a 1-point difference: numbers, but no verdict
    assert (foam["practice"], foam["with_n"], foam["with_mean"], foam["without_n"], foam["without_mean"],
            foam["difference"], foam["unpooled"], foam["verdict"]) == (
        "foam-roll", 3, 2.0, 3, 6.0, -4.0, -4.0, "too few runs")
    assert foam["needed"] > 0 and foam["interval"][0] < -4.0 < foam["interval"][1]
    code, out, _ = run(capsys, "insights")
    assert out.startswith("Each run is judged by your first soreness rating after the night")
    assert (f"  Foam rolling: too few rated runs to tell yet; about {foam['needed']} more runs "
            "(3 with it, 3 without so far).") in out.splitlines()
    lines = [line.split() for line in out.splitlines()]
    assert ["calves:", "no", "clear", "difference", "yet"] in lines
    assert ["hips:", "no", "clear", "difference", "yet"] in lines
    assert out.rstrip().endswith(NOT_PROOF)
    assert run(capsys, "history")[0] == 0


def test_insights_of_a_missing_journal_creates_nothing(capsys, path):
    assert run(capsys, "insights", "--json") == (0, "[]\n", "")
    assert "No runs with practices yet" in run(capsys, "insights")[1]
    assert not path.parent.exists()


def test_a_user_plan_is_checked_against_the_routine_library(capsys, tmp_path):
    # `plan` reads the routines only for a plan of the user's own: its steps
    # may name the user's routines, and a name that is no routine is refused.
    config = tmp_path / "config"
    (config / "routines").mkdir(parents=True)
    (config / "routines" / "calf-care.toml").write_text(
        'id = "calf-care"\nname = "Calf care"\nkind = "recovery"\ndescription = "d"\n'
        '[[exercises]]\nname = "Calf roll"\nseconds = 60\nsides = 2\nareas = ["calves"]\ncue = "Roll."\n')
    step = ('id = "mine"\nname = "Mine"\ndescription = "d"\n[[steps]]\nid = "foam-roll"\ntitle = "Roll"\n'
            'from = "run-end"\nstart_minutes = 60\nend_minutes = 90\ndetail = "Roll your calves."\nroutine = "{}"\n')
    (config / "plan.toml").write_text(step.format("calf-care"))
    code, out, err = run(capsys, "plan", "--ended", "07:40")
    assert (code, err) == (0, "") and out.startswith("Mine: started")
    (config / "plan.toml").write_text(step.format("no-such-routine"))
    code, out, err = run(capsys, "plan")
    assert code == 0 and out.startswith("After-run recovery: resumed")
    assert "no-such-routine" in err and err.startswith(f"recovery-tui: warning: {config / 'plan.toml'}")

"""A run's plan state in the journal: ticking, skipping, resuming the same day."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta, timezone

import pytest

from tui.core.common.paths import PLAN_FILE, builtin_routine_files
from tui.core.journal.journal import Journal
from tui.core.journal.records import FieldError
from tui.core.plan.definition import load_plan
from tui.core.plan.evening import build_plan
from tui.core.plan.practices import practice_names
from tui.core.plan.runs import is_practice, practice_ids, practices_for, run_end, step_state
from tui.core.plan.view import describe_run
from tui.core.routines.loader import load_files

TZ = timezone(timedelta(hours=1))
NOW = datetime(2024, 11, 22, 9, 12, tzinfo=TZ)
ENDED = datetime(2024, 11, 22, 7, 40, tzinfo=TZ)


@pytest.fixture
def path(tmp_path):
    return tmp_path / "journal.json"


@pytest.fixture(scope="module")
def steps():
    return {s.id: s for s in build_plan(load_plan(None, PLAN_FILE)[0], ENDED, time(22, 30))}


def test_tick_skip_and_resume_the_same_day(path, steps):
    with Journal(path) as journal:
        run, created = journal.start_run(ENDED, "long")
        assert created and run["plan_date"] == "2024-11-22" and run["run_kind"] == "long"
        journal.record_practices(run["id"], practices_for(steps["stretch"]))
        journal.record_practices(run["id"], ["hydrate"])
        journal.skip_steps(run["id"], ["ice-bath"])
    # leave the app and come back later that day: the same run, as it was
    with Journal(path) as journal:
        again, created = journal.start_run(NOW + timedelta(hours=3))
        assert not created and again["id"] == run["id"] and again["time"] == ENDED.isoformat()
        assert again["practices"] == ["stretch", "post-run-stretches", "hydrate"]
        assert again["skipped"] == ["ice-bath"]
        assert journal.run_for_day(date(2024, 11, 22)) == again
        assert journal.run_for_day(date(2024, 11, 21)) is None
    state = {step_id: step_state(step, again, NOW) for step_id, step in steps.items()}
    assert state["stretch"] == state["hydrate"] == "done"
    assert state["ice-bath"] == "skipped"
    assert state["snack"] == "overdue" and state["meal"] == "due" and state["sleep"] == "later"
    assert step_state(steps["hydrate"], None, NOW) == "overdue"
    # by the names the plan shows, the step and the routine that ticked it once (was by ids)
    names = practice_names(load_plan(None, PLAN_FILE)[0], load_files(builtin_routine_files()).routines)
    assert describe_run(again, names) == "long run; done: Stretch, Drink; skipped: Ice bath"


def test_a_finished_routine_ticks_its_step(path, steps):
    with Journal(path) as journal:
        run = journal.add_run(ENDED)
        run = journal.record_practices(run["id"], ["legs-up-the-wall"])
    assert step_state(steps["legs-up"], run, NOW) == "done"
    assert step_state(steps["nap"], run, NOW) != "done"


def test_ticking_a_skipped_step_unskips_it_and_back(path):
    with Journal(path) as journal:
        run = journal.add_run(ENDED)
        run = journal.skip_steps(run["id"], ["foam-roll", "foam-roll"])
        assert (run["practices"], run["skipped"]) == ([], ["foam-roll"])
        run = journal.record_practices(run["id"], ["foam-roll"])
        assert (run["practices"], run["skipped"]) == (["foam-roll"], [])
        run = journal.skip_steps(run["id"], ["foam-roll"])
        assert (run["practices"], run["skipped"]) == ([], ["foam-roll"])
        assert journal.run(run["id"]) == run


def test_update_run_replaces_fields(path):
    with Journal(path) as journal:
        run = journal.add_run(ENDED, "easy")
        run = journal.update_run(run["id"], practices=["meal"], skipped=[], run_kind=None,
                                 ended=ENDED - timedelta(days=1))
        assert run["practices"] == ["meal"] and run["run_kind"] is None
        assert run["plan_date"] == "2024-11-21" and journal.records() == [run]
        assert journal.update_run(run["id"], practices=["snack"])["run_kind"] is None


def test_bad_run_changes_are_refused(path):
    with Journal(path) as journal:
        rating = journal.add_soreness(3, when=NOW)
        run = journal.add_run(ENDED)
        with pytest.raises(FieldError, match="is not a run"):
            journal.record_practices(rating["id"], ["hydrate"])
        with pytest.raises(FieldError, match="is not a run"):
            journal.update_run(99, practices=[])
        with pytest.raises(FieldError, match="run_kind must be one of"):
            journal.update_run(run["id"], run_kind="jog")
        with pytest.raises(FieldError, match="practices holds 'Not an id'"):
            journal.record_practices(run["id"], ["Not an id"])
        with pytest.raises(FieldError, match="UTC offset"):
            journal.add_run(datetime(2024, 11, 22, 7, 40))
        assert journal.run(run["id"]) == run


def test_a_new_day_starts_a_new_run(path):
    with Journal(path) as journal:
        first, _ = journal.start_run(ENDED)
        second, created = journal.start_run(ENDED + timedelta(days=1))
        assert created and second["id"] != first["id"] and second["plan_date"] == "2024-11-23"


def test_practice_ids_are_steps_then_recovery_routines():
    routines = load_files(builtin_routine_files()).routines
    ids = practice_ids([r for r in routines if r.id in ("post-run-stretches", "warmup-drills")])
    assert ids[0] == "cool-down-walk" and ids[-1] == "post-run-stretches" and ids.count("hydrate") == 1
    assert "warmup-drills" not in ids  # done before a run: not a recovery practice
    assert [r.id for r in routines if not is_practice(r)] == ["warmup-drills"]


def test_a_runs_end_is_read_in_the_zone_the_user_is_in_now():
    """Stored in Tokyo, read in +01:00: the same moment, shown as a wall time there."""
    tokyo = timezone(timedelta(hours=9))
    run = {"time": datetime(2024, 11, 22, 15, 40, tzinfo=tokyo).isoformat()}
    ended = run_end(run, NOW)
    assert ended == ENDED and ended.utcoffset() == timedelta(hours=1) and f"{ended:%H:%M}" == "07:40"
    with pytest.raises(ValueError, match="no UTC offset"):
        run_end({"time": "2024-11-22T07:40"}, NOW)  # the journal never stores a naive time

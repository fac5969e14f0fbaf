"""The after-run plan: the shipped file, due times, statuses and file validation."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

import pytest

from tui.core.common.errors import DataFileError
from tui.core.common.paths import PLAN_FILE, builtin_routine_files
from tui.core.plan.definition import STEP_IDS, load_plan, step_status
from tui.core.plan.evening import build_plan, next_bedtime
from tui.core.routines.loader import load_files

TZ = timezone(timedelta(hours=1))
ENDED = datetime(2024, 11, 22, 7, 40, tzinfo=TZ)  # Fri 22 Nov, 07:40
BED = time(22, 30)


def at(day: int, hour: int, minute: int = 0) -> datetime:
    return datetime(2024, 11, day, hour, minute, tzinfo=TZ)


@pytest.fixture(scope="module")
def plan():
    plan, errors = load_plan(None, PLAN_FILE)
    assert errors == []
    return plan


def windows(steps) -> dict[str, tuple[datetime, datetime]]:
    return {s.id: (s.start, s.end) for s in steps}


def test_shipped_plan_has_every_step_and_known_routines(plan):
    assert sorted(s.id for s in plan.steps) == sorted(STEP_IDS)
    routines = {r.id for r in load_files(builtin_routine_files()).routines}
    assert {s.routine for s in plan.steps if s.routine} <= routines
    assert PLAN_FILE not in builtin_routine_files()
    ice = plan.get("ice-bath")
    assert ice.optional and plan.get("heat").optional and ice.timer_seconds == 900
    assert [m.at_seconds for m in ice.milestones][:2] == [0, 180] and "three minutes" in ice.milestones[0].text
    assert plan.get("epsom-bath").timer_seconds == 900


def test_due_times_from_the_run_end_and_from_bedtime(plan):
    steps = build_plan(plan, ENDED, BED)
    assert [s.start for s in steps] == sorted(s.start for s in steps)
    due = windows(steps)
    assert due["cool-down-walk"] == (at(22, 7, 40), at(22, 7, 50))
    assert due["hydrate"] == (at(22, 7, 50), at(22, 7, 55))  # within 10-15 min
    assert due["stretch"] == due["snack"] == (at(22, 8, 5), at(22, 8, 10))  # within 25-30 min
    assert due["meal"] == (at(22, 8, 40), at(22, 9, 40))  # 1-2 h after
    assert due["epsom-bath"] == (at(22, 21), at(22, 21, 30))  # 90-60 min before bed
    assert due["bedtime-stretch"] == (at(22, 21, 45), at(22, 22))
    assert due["sleep"] == (at(22, 22, 30), at(22, 22, 30))
    assert steps[-1].id == "sleep"


def test_plan_across_midnight(plan):
    due = windows(build_plan(plan, at(22, 21, 10), time(0, 30)))
    assert due["meal"] == (at(22, 22, 10), at(22, 23, 10))  # after the ice bath
    assert due["legs-up"] == (at(22, 23, 10), at(22, 23, 15))  # cut back for the bath
    # 90-60 min before bed, but not before legs up the wall has had its minutes
    assert due["epsom-bath"] == (at(22, 23, 15), at(22, 23, 30))
    assert due["sleep"] == (at(23, 0, 30), at(23, 0, 30))


def test_the_next_bedtime_is_strictly_after_the_run(plan):
    assert next_bedtime(at(22, 23), BED) == at(23, 22, 30)
    assert next_bedtime(at(22, 22, 30), BED) == at(23, 22, 30)
    assert next_bedtime(at(22, 22, 29), BED) == at(22, 22, 30)


def test_statuses(plan):
    hydrate = next(s for s in build_plan(plan, ENDED, BED) if s.id == "hydrate")  # 07:50-07:55
    assert step_status(hydrate, at(22, 7, 34)) == "later"
    assert step_status(hydrate, at(22, 7, 35)) == "soon"  # 15 min before
    assert step_status(hydrate, at(22, 7, 49)) == "soon"
    assert step_status(hydrate, at(22, 7, 50)) == "due"
    assert step_status(hydrate, at(22, 7, 55)) == "due"
    assert step_status(hydrate, at(22, 7, 55) + timedelta(seconds=1)) == "overdue"


def test_amounts_follow_the_units(plan):
    def detail(units, step_id):
        return next(s.detail for s in build_plan(plan, ENDED, BED, units=units) if s.id == step_id)

    assert "475-600 ml" in detail("metric", "hydrate") and "16-20 oz" in detail("imperial", "hydrate")
    assert "13-16 °C" in detail("metric", "ice-bath") and "55-60 °F" in detail("imperial", "ice-bath")
    assert "{" not in detail("metric", "ice-bath")


def test_run_kind_makes_hard_run_steps_optional_after_an_easy_run(plan):
    def optional(kind):
        return {s.id for s in build_plan(plan, ENDED, BED, kind) if s.optional}

    assert optional(None) == optional("long") == {"ice-bath", "nap"}  # the ice bath's row holds heat
    assert optional("easy") == {"ice-bath", "nap", "foam-roll", "epsom-bath"}


def test_a_naive_end_time_is_refused(plan):
    with pytest.raises(ValueError, match="UTC offset"):
        build_plan(plan, datetime(2024, 11, 22, 7, 40), BED)


# -- plan files -----------------------------------------------------------------------

GOOD = '''
id = "mine"
name = "My plan"
description = "Short."

[[steps]]
id = "hydrate"
title = "Drink"
from = "run-end"
start_minutes = 0
end_minutes = 15
detail = "Drink {drink}."

[[steps]]
id = "ice-bath"
title = "Ice bath"
from = "run-end"
start_minutes = 20
end_minutes = 40
timer_seconds = 600
detail = "Cold."

[[steps.milestones]]
at_seconds = 0
text = "In you go."

[[steps]]
id = "sleep"
title = "Sleep"
from = "bedtime"
start_minutes = 0
end_minutes = 0
detail = "Bed."
'''

BAD = [
    ('id = "hydrate"', 'id = "shower"', "step 1 ('shower'): field 'id': 'shower' is not one of: cool-down-walk"),
    ('id = "sleep"', 'id = "hydrate"', "step 3 ('hydrate'): field 'id': 'hydrate' is already step 1"),
    ('title = "Drink"', 'title = "Drink"\ncolour = "red"', "step 1 ('hydrate'): field 'colour': unknown field"),
    ('end_minutes = 15', 'end_minutes = -5', "step 1 ('hydrate'): field 'end_minutes': must be between 0 and 720"),
    ('end_minutes = 15', 'end_minutes = "15"', "field 'end_minutes': must be a whole number, got text"),
    ('start_minutes = 20', 'start_minutes = 50', "step 2 ('ice-bath'): field 'end_minutes': must not be before"),
    ('from = "bedtime"', 'from = "noon"', "step 3 ('sleep'): field 'from': 'noon' is not one of: run-end, bedtime"),
    ('detail = "Bed."', 'detail = "Bed."\noptional = "yes"', "step 3 ('sleep'): field 'optional': must be true or false"),
    ('detail = "Drink {drink}."', 'detail = "Drink {beer}."', "field 'detail': unknown placeholder {beer}"),
    ('detail = "Drink {drink}."', 'detail = "Drink {drink."', "field 'detail': has a lone {"),
    ('timer_seconds = 600', 'timer_seconds = 600\nroutine = "foam-rolling"', "field 'timer_seconds': a step has a routine or a timer"),
    ('timer_seconds = 600\n', '', "step 2 ('ice-bath'): field 'milestones': needs timer_seconds"),
    ('at_seconds = 0', 'at_seconds = 600', "step 2 ('ice-bath'), milestone 1: field 'at_seconds': must be between 0 and 599"),
    ('text = "In you go."', 'text = ""', "milestone 1: field 'text': must not be empty"),
    ('name = "My plan"', 'name = "My plan"\nauthor = "me"', "field 'author': unknown field"),
    ('name = "My plan"', 'name = "My plan"\n"" = "me"', "field '': unknown field"),  # an empty key is named too
    ('id = "mine"', 'id = "Mine!"', "field 'id': 'Mine!' must use lowercase"),
    ('[[steps.milestones]]', '[[steps.milestones]\n', "invalid TOML"),
]


@pytest.mark.parametrize("old, new, message", BAD, ids=[m for _, _, m in BAD])
def test_plan_file_errors_name_file_step_and_field(tmp_path, old, new, message):
    path = tmp_path / "plan.toml"
    path.write_text(GOOD.replace(old, new, 1))
    plan, errors = load_plan(path, PLAN_FILE)
    assert plan.builtin and plan.source == PLAN_FILE  # the shipped plan stands in
    [error] = errors
    assert isinstance(error, DataFileError) and str(error).startswith(f"{path}: ")
    assert message in str(error)


def test_invalid_toml_names_the_line(tmp_path):
    path = tmp_path / "plan.toml"
    path.write_text(GOOD.replace('title = "Sleep"', 'title = Sleep'))
    line = GOOD.splitlines().index('title = "Sleep"') + 1
    [error] = load_plan(path, PLAN_FILE)[1]
    assert "invalid TOML" in str(error) and f"line {line}," in str(error)


def test_unknown_routine_is_an_error_when_routines_are_given(tmp_path):
    path = tmp_path / "plan.toml"
    path.write_text(GOOD.replace('title = "Drink"', 'title = "Drink"\nroutine = "no-such"'))
    assert load_plan(path, PLAN_FILE)[0].source == path  # not checked without the ids
    plan, [error] = load_plan(path, PLAN_FILE, routine_ids=["foam-rolling"])
    assert plan.builtin  # the user's plan is refused: the shipped one is used
    assert "step 1 ('hydrate'): field 'routine': 'no-such' is not a known routine" in str(error)


def test_user_plan_replaces_the_shipped_one(tmp_path):
    path = tmp_path / "plan.toml"
    path.write_text(GOOD)
    plan, errors = load_plan(path, PLAN_FILE)
    assert errors == [] and not plan.builtin and plan.name == "My plan"
    assert [s.id for s in plan.steps] == ["hydrate", "ice-bath", "sleep"]
    assert plan.get("ice-bath").milestones[0].text == "In you go."
    assert load_plan(tmp_path / "missing.toml", PLAN_FILE)[0].builtin
    steps = build_plan(plan, ENDED, BED, units="imperial")
    assert steps[0].detail == "Drink 16-20 oz."

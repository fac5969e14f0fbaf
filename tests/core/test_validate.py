"""Every problem of every file is reported, for routines and plans alike:
by `validate`, by the loader the app uses, and in the app's plan notice."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tui.core.common.errors import DataFileError
from tui.core.common.paths import PLAN_FILE, builtin_routine_files
from tui.core.plan.definition import load_plan
from tui.core.routines.loader import load_files, load_routine

ROUTINES_DIR = PLAN_FILE.parent
BUILTIN_IDS = [path.stem for path in builtin_routine_files()]  # each shipped file is named by its id

# Four fields wrong at the top, three in the first exercise, two in the second.
MANY_PROBLEMS = '''
id = "Bad Id"
name = ""
kind = "pilates"
colour = "red"

[[exercises]]
name = "Calf"
seconds = 0
sides = 3
areas = ["elbows", "calves"]
cue = "Lean in."

[[exercises]]
name = "Quad"
seconds = "30"
sides = 1
areas = ["quads"]
'''
EXPECTED_ROUTINE_PROBLEMS = [
    "field 'colour': unknown field",
    "field 'id': 'Bad Id' must use lowercase",
    "field 'name': must not be empty",
    "field 'kind': 'pilates' is not one of",
    "field 'description': missing",
    "exercise 1 ('Calf'): field 'seconds': must be between 1 and 3600, got 0",
    "exercise 1 ('Calf'): field 'sides': must be between 1 and 2, got 3",
    "exercise 1 ('Calf'): field 'areas': 'elbows' is not one of",
    "exercise 2 ('Quad'): field 'seconds': must be a whole number, got text",
    "exercise 2 ('Quad'): field 'cue': missing",
]


def bad_plan_text() -> str:
    """The shipped plan with three mistakes in three steps."""
    text = PLAN_FILE.read_text()
    for old, new in (('title = "Drink"', 'title = 5'),
                     ('routine = "foam-rolling"', 'routine = "no-such-routine"'),
                     ('id = "meal"', 'id = "feast"')):
        assert old in text
        text = text.replace(old, new, 1)
    return text


EXPECTED_PLAN_PROBLEMS = [
    "step 2 ('hydrate'): field 'title': must be text, got a whole number",
    "step 5 ('foam-roll'): field 'routine': 'no-such-routine' is not a known routine",
    "field 'id': 'feast' is not one of",
]


def run_cli(args, cwd):
    return subprocess.run([sys.executable, "-m", "tui", *args], cwd=cwd, capture_output=True, text=True)


def problems_in(lines: list[str], expected: list[str]) -> None:
    """Each expected problem on a line of its own, in that order."""
    found = [next((n for n, line in enumerate(lines) if wanted in line), None) for wanted in expected]
    assert None not in found, (expected, lines)
    assert found == sorted(found)


def test_the_loader_raises_every_problem_of_a_routine_file(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(MANY_PROBLEMS)
    with pytest.raises(DataFileError) as caught:
        load_routine(path)
    lines = str(caught.value).splitlines()
    assert len(lines) == len(EXPECTED_ROUTINE_PROBLEMS)
    problems_in(lines, EXPECTED_ROUTINE_PROBLEMS)
    assert all(line.startswith(f"{path}: ") for line in lines)
    # still one DataFileError to code that reports only one: the first problem
    assert isinstance(caught.value, DataFileError) and caught.value.field == "colour"


def test_a_library_keeps_each_problem_as_its_own_error(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_text(MANY_PROBLEMS)
    library = load_files([path, *builtin_routine_files()])
    assert len(library.errors) == len(EXPECTED_ROUTINE_PROBLEMS)
    assert all("\n" not in str(error) for error in library.errors)  # one problem an error
    assert len(library.routines) == len(builtin_routine_files())


def test_every_unknown_field_and_every_bad_area_is_named(tmp_path):
    from tui.core.validate import check_files

    path = tmp_path / "bad.toml"
    path.write_text(MANY_PROBLEMS.replace('colour = "red"', 'colour = "red"\nshape = 1')
                    .replace('["elbows", "calves"]', '["elbows", "calves", "toes"]'))
    lines = [str(error) for error in check_files([path]).errors]
    assert any("field 'shape': unknown field" in line for line in lines)
    assert any("'toes' is not one of" in line for line in lines)


def test_the_shipped_files_pass_plan_included(tmp_path):
    files = sorted(ROUTINES_DIR.glob("*.toml"))
    assert PLAN_FILE in files
    result = run_cli(["validate", *map(str, files)], tmp_path)
    assert result.returncode == 0, result.stderr
    assert result.stderr == ""
    assert f"ok: {PLAN_FILE} (plan after-run, " in result.stdout
    assert result.stdout.count("ok: ") == len(files)


def test_validate_lists_every_problem_of_every_file(tmp_path):
    routine, plan = tmp_path / "bad.toml", tmp_path / "plan.toml"
    routine.write_text(MANY_PROBLEMS)
    plan.write_text(bad_plan_text())
    good = ROUTINES_DIR / "cool-down-walk.toml"
    result = run_cli(["validate", str(routine), str(plan), str(good)], tmp_path)
    assert result.returncode == 1
    assert "Traceback" not in result.stderr
    lines = result.stderr.splitlines()
    problems_in([line for line in lines if str(routine) in line], EXPECTED_ROUTINE_PROBLEMS)
    problems_in([line for line in lines if str(plan) in line], EXPECTED_PLAN_PROBLEMS)
    total = len(EXPECTED_ROUTINE_PROBLEMS) + len(EXPECTED_PLAN_PROBLEMS)
    assert len(lines) == total + 1
    assert lines[-1] == f"recovery-tui: {total} problems in 2 files"
    assert result.stdout == f"ok: {good} (cool-down-walk, 3 exercises)\n"


def test_a_plan_may_use_a_routine_checked_with_it(tmp_path):
    from tui.core.validate import check_files

    mine = tmp_path / "my-roll.toml"
    mine.write_text((ROUTINES_DIR / "foam-rolling.toml").read_text().replace('"foam-rolling"', '"my-roll"'))
    plan = tmp_path / "my-plan.toml"  # not named plan.toml: known by its steps
    plan.write_text(PLAN_FILE.read_text().replace('routine = "foam-rolling"', 'routine = "my-roll"'))
    checked = check_files([plan, mine], BUILTIN_IDS)
    assert checked.errors == []
    assert checked.good[-1].startswith(f"{plan} (plan after-run")
    assert [str(e) for e in check_files([plan], BUILTIN_IDS).errors] == [
        f"{plan}: step 5 ('foam-roll'): field 'routine': 'my-roll' is not a known routine"]


def test_a_bad_user_plan_returns_every_problem(tmp_path):
    user = tmp_path / "plan.toml"
    user.write_text(bad_plan_text())
    plan, errors = load_plan(user, PLAN_FILE, BUILTIN_IDS)
    assert plan.builtin
    problems_in([str(error) for error in errors], EXPECTED_PLAN_PROBLEMS)
    assert len(errors) == len(EXPECTED_PLAN_PROBLEMS)

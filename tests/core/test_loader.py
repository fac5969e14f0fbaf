"""The routine loader: every shipped routine loads, every rule is enforced."""

from __future__ import annotations

from pathlib import Path

import pytest

from tui.core.common.errors import DataFileError
from tui.core.common.paths import builtin_routine_files
from tui.core.routines.loader import load_files, load_library, load_routine

VALID = '''
id = "test-routine"
name = "Test routine"
kind = "stretch"
description = "A routine for tests."

[[exercises]]
name = "Wall calf stretch"
seconds = 30
sides = 2
areas = ["calves"]
cue = "Lean into the wall. Keep the back heel down."

[[exercises]]
name = "Standing quad stretch"
seconds = 45
sides = 1
areas = ["quads", "hips"]
cue = "Hold your ankle behind you. Knees together."
'''


def write(tmp_path: Path, text: str, name: str = "routine.toml") -> Path:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return path


def error_for(tmp_path: Path, text: str) -> str:
    path = write(tmp_path, text)
    with pytest.raises(DataFileError) as caught:
        load_routine(path)
    message = str(caught.value)
    assert str(path) in message
    return message


def test_valid_routine_loads(tmp_path):
    routine = load_routine(write(tmp_path, VALID))
    assert routine.id == "test-routine"
    assert [e.name for e in routine.exercises] == ["Wall calf stretch", "Standing quad stretch"]
    assert routine.exercises[0].sides == 2
    assert routine.exercises[1].areas == ("quads", "hips")
    assert routine.total_seconds == 30 * 2 + 45


def test_every_shipped_routine_loads():
    files = builtin_routine_files()
    assert len(files) >= 6
    library = load_files(files, builtin=True)
    assert library.errors == []
    assert {r.kind for r in library.routines} == {"warmup", "stretch", "yoga", "recovery"}


def test_shipped_routines_match_the_design():
    library = load_files(builtin_routine_files(), builtin=True)
    stretches = library.get("post-run-stretches")
    assert 600 <= stretches.total_seconds <= 900
    for area in ("quads", "hamstrings", "calves", "hips"):
        assert any(area in e.areas and e.sides == 2 for e in stretches.exercises), area
    yoga = [e.name.lower() for e in library.get("runner-yoga").exercises]
    for pose in ("downward dog", "cat-cow", "half pigeon"):
        assert any(pose in name for name in yoga), pose
    warmup = library.get("warmup-drills")
    assert 240 <= warmup.total_seconds <= 360
    for routine_id in ("cool-down-walk", "legs-up-the-wall"):
        assert library.get(routine_id).total_seconds == 300
    rolled = {a for e in library.get("foam-rolling").exercises if e.sides == 2 for a in e.areas}
    assert {"quads", "hamstrings", "calves", "glutes"} <= rolled


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        (('seconds = 30', 'seconds = 0'), "exercise 1 ('Wall calf stretch'): field 'seconds': must be between 1 and 3600, got 0"),
        (('seconds = 30', 'seconds = 3601'), "field 'seconds': must be between 1 and 3600, got 3601"),
        (('seconds = 30', 'seconds = "30"'), "field 'seconds': must be a whole number, got text"),
        (('seconds = 30', 'seconds = 30.5'), "field 'seconds': must be a whole number"),
        (('sides = 2', 'sides = 3'), "exercise 1 ('Wall calf stretch'): field 'sides': must be between 1 and 2, got 3"),
        (('areas = ["calves"]', 'areas = ["elbows"]'), "field 'areas': 'elbows' is not one of"),
        (('areas = ["calves"]', 'areas = []'), "field 'areas': must not be empty"),
        (('kind = "stretch"', 'kind = "pilates"'), "field 'kind': 'pilates' is not one of: warmup, stretch, yoga, recovery"),
        (('cue = "Hold your ankle behind you. Knees together."', 'colour = "red"'), "exercise 2 ('Standing quad stretch'): field 'colour': unknown field"),
        (('name = "Test routine"', 'name = "Test routine"\nauthor = "me"'), "field 'author': unknown field"),
        (('description = "A routine for tests."', ''), "field 'description': missing"),
        (('id = "test-routine"', 'id = "Test Routine"'), "field 'id': 'Test Routine' must use lowercase"),
        (('name = "Wall calf stretch"', 'name = 5'), "exercise 1: field 'name': must be text"),
    ],
)
def test_rule_violations_name_file_exercise_and_field(tmp_path, change, expected):
    old, new = change
    assert old in VALID
    message = error_for(tmp_path, VALID.replace(old, new, 1))
    assert expected in message


def test_no_exercises(tmp_path):
    text = VALID.split("[[exercises]]")[0] + "exercises = []\n"
    assert "field 'exercises': must not be empty" in error_for(tmp_path, text)
    text = VALID.split("[[exercises]]")[0]
    assert "field 'exercises': missing" in error_for(tmp_path, text)


def test_invalid_toml_names_the_line(tmp_path):
    message = error_for(tmp_path, VALID.replace('kind = "stretch"', 'kind = stretch'))
    assert "invalid TOML" in message and "line 4" in message


def test_not_utf8_and_deep_nesting_are_clean_errors(tmp_path):
    path = tmp_path / "bad.toml"
    path.write_bytes(b'id = "\xff"\n')
    with pytest.raises(DataFileError, match="not UTF-8"):
        load_routine(path)
    assert "invalid TOML" in error_for(tmp_path, "x = " + "[" * 5000 + "]" * 5000)


def test_duplicate_ids_and_user_folder(tmp_path):
    user_dir = tmp_path / "routines"
    user_dir.mkdir()
    write(user_dir, VALID, "mine.toml")
    write(user_dir, VALID, "copy.toml")
    write(user_dir, "id = ", "broken.toml")
    library = load_library(builtin_routine_files(), user_dir)
    mine = library.get("test-routine")
    assert mine is not None and not mine.builtin
    messages = [str(e) for e in library.errors]
    assert len(messages) == 2
    assert any("mine.toml" in m and "already used" in m and "field 'id'" in m for m in messages)
    assert any("broken.toml" in m and "invalid TOML" in m for m in messages)


def test_user_file_reusing_a_builtin_id_is_refused(tmp_path):
    user_dir = tmp_path / "routines"
    user_dir.mkdir()
    write(user_dir, VALID.replace("test-routine", "foam-rolling"), "foam.toml")
    library = load_library(builtin_routine_files(), user_dir)
    assert library.get("foam-rolling").builtin
    assert "already used" in str(library.errors[0])


def test_a_duplicate_routine_built_in_code_is_a_data_file_error_not_a_crash():
    """A Routine made in code has no source file (source=None)."""
    from tui.core.routines.loader import Library
    from tui.core.routines.model import Exercise, Routine

    routine = Routine("calves", "Calves", "stretch", "d", (Exercise("Calf", 60, 1, ("calves",), "c"),))
    library = Library()
    library.add(routine)
    with pytest.raises(DataFileError, match="'calves' is already used by another routine"):
        library.add(routine)
    assert library.routines == [routine]


def test_an_exercise_may_be_marked_moving_and_the_value_is_checked(tmp_path):
    moving = VALID.replace('cue = "Lean into the wall.', 'moving = true\ncue = "Lean into the wall.')
    routine = load_routine(write(tmp_path, moving))
    assert [e.moving for e in routine.exercises] == [True, False]  # absent: a still hold
    message = error_for(tmp_path, moving.replace("moving = true", 'moving = "yes"'))
    assert "exercise 1 ('Wall calf stretch')" in message and "moving" in message
    assert "true or false" in message


def test_moving_poses_are_marked_moving_and_stretches_are_not():
    library = load_library(builtin_routine_files(), None)
    exercises = {e.name: e for r in library.routines for e in r.exercises}
    assert exercises["Cat-cow"].moving
    assert exercises["Knees to chest"].moving  # rocks side to side
    assert not exercises["Standing quad stretch"].moving

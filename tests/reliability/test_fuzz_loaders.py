"""Hypothesis on the routine, plan and settings loaders: 1,000 examples each of
random text, mutated shipped files and deep nesting (arrays and tables nested
up to 2,000 deep). A loader returns a valid object or reports a DataFileError
that names the file, and the field or item once the TOML itself has parsed;
nothing else escapes (not RecursionError, not TypeError, not ValueError).
"""

from __future__ import annotations

import json
import math
import tomllib
from datetime import date, time
from pathlib import Path

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tui.core.common.errors import DataFileError
from tui.core.common.ids import AREAS, ID_PATTERN, RUN_KINDS
from tui.core.common.paths import PLAN_FILE, builtin_routine_files
from tui.core.common.settings import PAUSE_RANGE, UNITS, Settings, load_settings, to_toml
from tui.core.common.tomlfile import read_toml
from tui.core.plan.definition import MAX_TIMER, OFFSETS, STEP_IDS, PlanDef, load_plan, parse_plan
from tui.core.routines.loader import load_files, load_routine
from tui.core.routines.model import KINDS, MAX_SECONDS, Routine

pytestmark = pytest.mark.slow  # see pyproject.toml's markers

FUZZ = settings(max_examples=1000, deadline=None, suppress_health_check=[HealthCheck.too_slow])

ROUTINE_TEXTS = [p.read_text("utf-8") for p in builtin_routine_files()]
PLAN_TEXTS = [PLAN_FILE.read_text("utf-8")]
SETTINGS_TEXTS = [to_toml(Settings()), 'units = "imperial"\nbedtime = 23:15:00\nsound = false\n']
# Deep nesting is about the nesting: small valid files to nest into keep it quick.
SMALL_TEXTS = {
    "routine": [min(ROUTINE_TEXTS, key=len)],
    "plan": ["[[steps]]".join(PLAN_TEXTS[0].split("[[steps]]")[:3])],
    "settings": SETTINGS_TEXTS,
}
ROUTINE_IDS = [r.id for r in load_files(builtin_routine_files()).routines]
KEYS = ["id", "name", "kind", "description", "exercises", "seconds", "sides", "areas", "cue",
        "steps", "from", "start_minutes", "end_minutes", "routine", "timer_seconds", "milestones",
        "at_seconds", "run_kinds", "units", "bedtime", "get_ready_seconds", "sound", "theme", "x"]


# -- TOML text from Python values -------------------------------------------------------


def literal(value) -> str:
    """A TOML literal for value (strings may still break TOML: all the better)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, float) and not math.isfinite(value):
        return "nan" if math.isnan(value) else ("inf" if value > 0 else "-inf")
    if isinstance(value, (int, float)):
        return repr(value)
    if isinstance(value, (date, time)):
        return value.isoformat()
    if isinstance(value, str):
        return json.dumps(value, ensure_ascii=False)
    if isinstance(value, list):
        return "[" + ", ".join(literal(v) for v in value) + "]"
    return "{" + ", ".join(f"{json.dumps(k)} = {literal(v)}" for k, v in value.items()) + "}"


scalars = st.one_of(
    st.integers(), st.integers(-5, 4000), st.floats(), st.booleans(), st.dates(), st.times(),
    st.text(max_size=12), st.sampled_from([*AREAS, *KINDS, *STEP_IDS, *RUN_KINDS, *UNITS, *ROUTINE_IDS,
                                           "run-end", "bedtime", "22:30", " ", ""]),
)
values = st.one_of(
    scalars, st.lists(scalars, max_size=3), st.dictionaries(st.sampled_from(KEYS), scalars, max_size=3),
).map(literal)

random_text = st.one_of(
    st.text(),
    st.text(alphabet="[]{}=\"'.,#\n\t -_:+abexyz0129TZ\\"),
    st.binary(),
)


INDEX = st.integers(0, 999)  # a line, modulo the number of lines
ACTIONS = st.sampled_from(["delete", "duplicate", "swap", "value", "flip", "key"])
A_KEY = st.sampled_from(KEYS)


@st.composite
def mutated(draw, texts: st.SearchStrategy[str]) -> str:
    """A shipped file with 1-4 lines deleted, duplicated, swapped, re-valued,
    flipped to another type or re-keyed."""
    lines = draw(texts).splitlines()
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(INDEX) % len(lines)
        key, equals, value = lines[i].partition("=")
        action = draw(ACTIONS)
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "swap":
            j = draw(INDEX) % len(lines)
            lines[i], lines[j] = lines[j], lines[i]
        elif action == "value" and equals:
            lines[i] = f"{key}= {draw(values)}"
        elif action == "flip":
            lines[i] = f"{key}= {flip(value.strip())}" if equals else lines[i].replace("[[", "[").replace("]]", "]")
        elif action == "key" and equals:
            lines[i] = f"{draw(A_KEY)} ={value}"
    return "\n".join(lines)


def flip(value: str) -> str:
    """Another type for a TOML value: unquote a string, quote anything else,
    unwrap an array."""
    if value.startswith('"'):
        return value.strip('"') or "0"
    if value.startswith("["):
        return value[1:-1] or '""'
    return json.dumps(value)


# Forms of nesting: the deepest the fuzzer goes, and the text. Tables nested by
# dotted keys cost tomllib O(depth²) (0.1-0.3 s at 2,000), so the fuzzer keeps
# the table forms shallower; test_deepest_nesting takes every form to 2,000.
NESTS = {
    "array": (2000, lambda key, n: f"{key} = " + "[" * n + "]" * n),
    "array-of-text": (2000, lambda key, n: f"{key} = " + "[" * n + '"calves"' + "]" * n),
    "inline-table": (2000, lambda key, n: f"{key} = " + "{a = " * n + "1" + "}" * n),
    "dotted-key": (200, lambda key, n: ".".join([key] * n) + " = 1"),
    "table-header": (600, lambda key, n: "[" + ".".join([key] * n) + "]\nname = 1"),
    "array-of-tables": (600, lambda key, n: "[[" + ".".join([key] * n) + "]]"),
}
NEST_FORMS = st.sampled_from([(make, st.integers(1, 100) | st.integers(1, most)) for most, make in NESTS.values()])
WHERE = st.none() | INDEX


def nest_in(text: str, nest: str, where: int | None) -> str:
    """nest as a new first line (where None), or in place of line `where`'s value."""
    lines = text.splitlines()
    if where is None:
        return "\n".join([nest, *lines])
    where %= len(lines)
    key, equals, _ = lines[where].partition("=")
    lines[where] = f"{key}= {nest.partition('=')[2]}" if equals and "=" in nest else nest
    return "\n".join(lines)


@st.composite
def deeply_nested(draw, texts: st.SearchStrategy[str]) -> str:
    """A small valid file with arrays or tables nested deep, as a new first
    line or in place of a value."""
    make, depths = draw(NEST_FORMS)
    return nest_in(draw(texts), make(draw(A_KEY), draw(depths)), draw(WHERE))


# -- what a loader may do -----------------------------------------------------------


@pytest.fixture(scope="module")
def folder(tmp_path_factory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


def write(folder: Path, name: str, content: str | bytes) -> Path:
    path = folder / name
    path.write_bytes(content.encode("utf-8", "surrogatepass") if isinstance(content, str) else content)
    return path


TOML_ERRORS = ("invalid TOML: ", "is not UTF-8 text")  # tui/core/common/tomlfile.py


def assert_names_file(error: DataFileError, path: Path) -> None:
    """The error names the file, and the field or item unless the TOML is bad."""
    assert error.path == path and str(error).startswith(f"{path}: ")
    assert error.field is not None or error.item or error.message.startswith(TOML_ERRORS), str(error)


def check_routine(path: Path) -> None:
    try:
        routine = load_routine(path)
    except DataFileError as error:
        assert_names_file(error, path)
        return
    assert isinstance(routine, Routine) and ID_PATTERN.match(routine.id)
    assert routine.name and routine.description and routine.kind in KINDS and routine.exercises
    for exercise in routine.exercises:
        assert exercise.name and exercise.cue and type(exercise.seconds) is int
        assert 1 <= exercise.seconds <= MAX_SECONDS and type(exercise.sides) is int and exercise.sides in (1, 2)
        assert exercise.areas and set(exercise.areas) <= set(AREAS)


def check_plan(path: Path) -> None:
    """parse_plan(read_toml()) is load_plan() for a user's plan, less the fallback
    to the shipped one (tested once below)."""
    try:
        plan = parse_plan(read_toml(path), path, routine_ids=ROUTINE_IDS)
    except DataFileError as error:
        assert_names_file(error, path)
        return
    assert isinstance(plan, PlanDef) and plan.steps and plan.source == path
    assert len({step.id for step in plan.steps}) == len(plan.steps)
    for step in plan.steps:
        low, high = OFFSETS[step.anchor]
        assert step.id in STEP_IDS and type(step.start_minutes) is type(step.end_minutes) is int
        assert low <= step.start_minutes <= step.end_minutes <= high
        assert step.title and step.detail and set(step.run_kinds) <= set(RUN_KINDS)
        assert step.routine is None or step.routine in ROUTINE_IDS
        assert step.timer_seconds is None or (type(step.timer_seconds) is int and 1 <= step.timer_seconds <= MAX_TIMER)
        assert type(step.optional) is bool
        assert all(0 <= m.at_seconds < step.timer_seconds and m.text for m in step.milestones)


def check_settings(path: Path) -> None:
    found, errors = load_settings(path)  # bad keys are reported, defaults used
    for error in errors:
        assert isinstance(error, DataFileError)
        assert_names_file(error, path)
    assert found.units in UNITS and isinstance(found.bedtime, time)
    for pause in (found.get_ready_seconds, found.switch_sides_seconds):
        assert type(pause) is int and PAUSE_RANGE[0] <= pause <= PAUSE_RANGE[1]
    assert type(found.sound) is bool and isinstance(found.theme, str) and found.theme.strip()


# -- the tests: three loaders x three kinds of input ----------------------------------

LOADERS = {
    "routine": (check_routine, ROUTINE_TEXTS),
    "plan": (check_plan, PLAN_TEXTS),
    "settings": (check_settings, SETTINGS_TEXTS),
}
MUTATED = {name: mutated(st.sampled_from(texts)) for name, (_, texts) in LOADERS.items()}
NESTED = {name: deeply_nested(st.sampled_from(texts)) for name, texts in SMALL_TEXTS.items()}


@pytest.mark.parametrize("loader", LOADERS)
@FUZZ
@given(data=st.data())
def test_random_text(folder: Path, loader: str, data) -> None:
    check, _ = LOADERS[loader]
    check(write(folder, f"{loader}.toml", data.draw(random_text)))


@pytest.mark.parametrize("loader", LOADERS)
@FUZZ
@given(data=st.data())
def test_mutated_shipped_files(folder: Path, loader: str, data) -> None:
    check, _ = LOADERS[loader]
    check(write(folder, f"{loader}.toml", data.draw(MUTATED[loader])))


@pytest.mark.parametrize("loader", LOADERS)
@FUZZ
@given(data=st.data())
def test_deep_nesting(folder: Path, loader: str, data) -> None:
    check, _ = LOADERS[loader]
    check(write(folder, f"{loader}.toml", data.draw(NESTED[loader])))


@pytest.mark.parametrize("form", NESTS)
@pytest.mark.parametrize("loader", LOADERS)
def test_deepest_nesting(folder: Path, loader: str, form: str) -> None:
    check, _ = LOADERS[loader]
    make = NESTS[form][1]
    for depth in (1000, 2000):
        for where in (None, 5):  # a new first line; the value of a key
            key = {"routine": "exercises", "plan": "steps", "settings": "units"}[loader]
            check(write(folder, f"{loader}.toml", nest_in(SMALL_TEXTS[loader][0], make(key, depth), where)))


def test_the_files_mutated_are_valid() -> None:
    assert not load_files(builtin_routine_files()).errors
    assert load_plan(None, PLAN_FILE, ROUTINE_IDS)[1] == []
    for name, texts in SMALL_TEXTS.items():
        assert all(tomllib.loads(text) for text in texts), name
    assert parse_plan(tomllib.loads(SMALL_TEXTS["plan"][0]), PLAN_FILE).steps
    assert load_settings(Path(__file__))[1]  # (this file is not TOML: reported)


def test_a_broken_user_plan_falls_back_to_the_shipped_one(folder: Path) -> None:
    path = write(folder, "plan.toml", PLAN_TEXTS[0].replace('\nfrom = "run-end"', "\nfrom = 5", 1))
    plan, errors = load_plan(path, PLAN_FILE, ROUTINE_IDS)
    assert plan.source == PLAN_FILE and plan.steps
    assert [(e.path, e.field) for e in errors] == [(path, "from")]

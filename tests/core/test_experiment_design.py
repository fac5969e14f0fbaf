"""The coin: blocked in pairs, reproducible from the seed, checked when read."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.core.experiment_support import START
from tui.core.experiments.design import WITH, WITHOUT, draw_schedule, from_doc, new_experiment
from tui.core.journal.records import FieldError


@given(st.integers(2, 20).map(lambda pairs: 2 * pairs), st.integers(0, 2**63 - 1))
def test_each_pair_has_one_run_with_and_one_without(runs, seed):
    schedule = draw_schedule(runs, seed)
    assert len(schedule) == runs
    for first in range(0, runs, 2):
        assert sorted(schedule[first:first + 2]) == [WITH, WITHOUT]


@given(st.integers(0, 2**63 - 1))
def test_the_same_seed_gives_the_same_schedule(seed):
    assert draw_schedule(8, seed) == draw_schedule(8, seed)


def test_a_known_seed_gives_a_known_schedule():
    # random.Random(1).random() gives 0.134, 0.847, 0.764, 0.255 on every Python 3 (Mersenne
    # Twister, int seeds): below 0.5 the pair starts "with", above it "without"
    assert draw_schedule(8, 1) == [WITH, WITHOUT, WITHOUT, WITH, WITHOUT, WITH, WITH, WITHOUT]


def test_seeds_give_both_orders_about_equally():
    firsts = [draw_schedule(4, seed)[0] for seed in range(2000)]
    assert 900 < firsts.count(WITH) < 1100


@pytest.mark.parametrize("runs", [2, 3, 7, 42, True, "8"])
def test_runs_must_be_even_and_at_least_four(runs):
    with pytest.raises(FieldError, match="runs must be an even number from 4"):
        new_experiment("ice-bath", None, runs, 1, START)


def test_a_stored_schedule_that_was_changed_is_refused():
    doc = new_experiment("ice-bath", "long", 4, 7, START).to_doc()
    assert from_doc(3, doc).schedule == tuple(draw_schedule(4, 7))
    nudged = {**doc, "schedule": [doc["schedule"][1], doc["schedule"][0], *doc["schedule"][2:]]}
    with pytest.raises(FieldError, match="schedule is not the one its seed gives"):
        from_doc(3, nudged)


@pytest.mark.parametrize(("field", "value", "message"), [
    ("practice", "Ice Bath!", "practice must be a practice id"),
    ("after", "sprint", "after must be one of"),
    ("started", "yesterday", "started is not an ISO 8601 time"),
    ("stopped", "2024-02-01T00:00:00+01:00", "stopped is before 'started'"),
    ("v", 99, "v must be a schema version"),
    ("seed", -1, "seed must be a whole number"),
])
def test_every_bad_field_is_named(field, value, message):
    doc = {**new_experiment("ice-bath", None, 4, 7, START).to_doc(), field: value}
    with pytest.raises(FieldError, match=message):
        from_doc(1, doc)

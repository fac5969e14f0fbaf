"""The exact randomisation test, the interval, the verdict and the result's JSON."""

from __future__ import annotations

from itertools import product

import pytest
from hypothesis import given
from hypothesis import strategies as st

from tests.core.experiment_support import START
from tui.core.experiments.design import WITH, WITHOUT, new_experiment
from tui.core.experiments.permutation import exact_p_value, paired_interval, smallest_p
from tui.core.experiments.progress import Progress, Slot
from tui.core.experiments.result import JSON_KEYS, few_runs_note, result


def test_the_p_value_of_a_small_set_worked_out_by_hand():
    # Pair differences -2, -1, -3 (with minus without): observed sum -6. The 8 ways the
    # coins could have fallen give sums +-2 +-1 +-3 = 6, 0, 4, -2, 2, -4, 0, -6; two of
    # them (6 and -6) are as far from 0 as -6, so p = 2/8.
    assert exact_p_value([-2, -1, -3]) == 0.25
    # -2, 1, -3: observed -4; |sum| >= 4 for 6, 4, -4, -6: p = 4/8
    assert exact_p_value([-2, 1, -3]) == 0.5


def test_every_flip_is_counted_as_listing_them_would():
    differences = [3, -1, 2, 0, -2, 4, 1]
    observed = abs(sum(differences))
    listed = sum(abs(sum(s * d for s, d in zip(signs, differences, strict=True))) >= observed
                 for signs in product((1, -1), repeat=len(differences)))
    assert exact_p_value(differences) == listed / 2 ** len(differences)


@given(st.lists(st.integers(-10, 10), min_size=1, max_size=20), st.integers(0, 10))
def test_permuting_labels_of_identical_outcomes_gives_p_one(pairs, rating):
    # every run rated alike: every pair's difference is 0, whichever arm it had
    assert exact_p_value([rating - rating for _ in pairs]) == 1.0


@given(st.lists(st.integers(-10, 10), min_size=1, max_size=16))
def test_p_is_a_share_of_the_flips_and_never_below_the_smallest(differences):
    p = exact_p_value(differences)
    assert smallest_p(len(differences)) <= p <= 1.0 or all(d == 0 for d in differences)
    assert (p * 2 ** len(differences)).is_integer()


def test_the_paired_interval_by_hand():
    # differences -2, -1, -3: mean -2, sd 1, t(0.975, 2) = 4.3027: -2 -+ 4.3027/sqrt(3)
    low, high = paired_interval([-2, -1, -3])
    assert low == pytest.approx(-4.4841, abs=1e-3) and high == pytest.approx(0.4841, abs=1e-3)
    assert paired_interval([-2]) is None


def progress_of(outcomes: list[tuple[str, int | None, bool]], runs: int = 8, stopped=None) -> Progress:
    """Slots from (arm, outcome, done) in schedule order; the experiment's schedule is matched."""
    seed = next(s for s in range(10_000)
                if new_experiment("ice-bath", None, runs, s, START).schedule[:len(outcomes)]
                == tuple(arm for arm, _, _ in outcomes))
    experiment = new_experiment("ice-bath", None, runs, seed, START)
    slots = tuple(Slot(n, 100 + n, f"2024-03-{n:02d}", START, arm, done, outcome)
                  for n, (arm, outcome, done) in enumerate(outcomes, start=1))
    return Progress(experiment, slots)


def test_a_complete_experiment_gives_every_figure():
    found = result(progress_of([(WITH, 2, True), (WITHOUT, 4, False), (WITHOUT, 5, False), (WITH, 4, True),
                                (WITH, 3, True), (WITHOUT, 6, False), (WITHOUT, 4, False), (WITH, 2, True)]))
    assert found.with_mean == 2.75 and found.without_mean == 4.75 and found.difference == -2
    assert found.p_value == 2 / 16  # every pair the same way: the smallest p 4 pairs can give
    assert found.verdict == "no clear difference"  # the coin's test cannot say more with 4 pairs
    assert not found.provisional
    assert "cannot go below p = 0.125" in few_runs_note(found)


def test_six_pairs_the_same_way_can_help():
    pairs = [(WITH, 2, True), (WITHOUT, 5, False)] * 3 + [(WITHOUT, 5, False), (WITH, 3, True)] * 3  # -3 x3, -2 x3
    found = result(progress_of(pairs, runs=12))
    assert found.p_value == 2 / 64 and found.interval[1] < 0
    assert found.verdict == "helps"


def test_the_json_has_exactly_the_issue_keys():
    found = result(progress_of([(WITH, 3, False), (WITHOUT, 5, True), (WITH, 2, True)]))
    data = found.to_json()
    assert tuple(data) == JSON_KEYS
    assert data["assigned"] == ["with", "without", "with"] and data["done"] == 3 and data["runs"] == 8
    assert data["with_mean"] == 3 and data["without_mean"] == 5 and data["difference"] == -2
    assert data["p_value"] == 1.0 and data["interval"] is None  # one pair: no interval
    assert data["verdict"] == "no clear difference"
    adherence = data["adherence"]
    assert adherence["followed"] == 1 and adherence["not_followed"] == 2
    assert adherence["marked"] == [{"place": 1, "run": 101, "assigned": "with", "did_practice": False},
                                   {"place": 2, "run": 102, "assigned": "without", "did_practice": True}]
    # as done: done on runs 2 (5) and 3 (2), not on run 1 (3)
    assert adherence["as_done"]["with_mean"] == 3.5 and adherence["as_done"]["without_mean"] == 3
    assert found.provisional


def test_only_complete_pairs_count_as_assigned():
    found = result(progress_of([(WITH, 3, True), (WITHOUT, None, False), (WITHOUT, 5, False), (WITH, 1, True)]))
    assert [pair[0].place for pair in found.pairs] == [4]
    assert found.difference == -4


def test_pairs_that_all_differ_alike_get_no_zero_width_interval():
    found = result(progress_of([(WITH, 2, True), (WITHOUT, 4, False)] * 2))
    assert found.difference == -2 and found.interval is None
    assert found.verdict == "no clear difference"


def test_nothing_rated_gives_no_figures():
    data = result(progress_of([(WITH, None, True)])).to_json()
    assert data["with_mean"] is data["difference"] is data["p_value"] is data["interval"] is None
    assert data["verdict"] == "no clear difference"


def test_a_pair_rated_right_after_both_runs_is_compared_on_the_change():
    experiment = new_experiment("ice-bath", None, 4, 1, START)  # with, without, without, with
    slots = (Slot(1, 1, "2024-03-02", START, WITH, True, 4, 6),  # 6 after the run, 4 the next morning
             Slot(2, 2, "2024-03-03", START, WITHOUT, False, 4, 3),  # 3 after, 4 the next morning
             Slot(3, 3, "2024-03-04", START, WITHOUT, False, 5, None),
             Slot(4, 4, "2024-03-05", START, WITH, True, 3, 2))  # the other has no earlier rating
    found = result(Progress(experiment, slots))
    # pair 1: (4 - 4) - (6 - 3) = -3; pair 2: 3 - 5 = -2, not adjusted
    assert found.difference == -2.5 and found.adjusted_pairs == 1
    assert (found.with_mean, found.without_mean) == (3.5, 4.5)  # the morning ratings themselves

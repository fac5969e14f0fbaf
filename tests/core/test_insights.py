"""Insights on hand-made journals whose right answer is known."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tui.core.common.paths import PLAN_FILE, builtin_routine_files
from tui.core.insights.facts import RATING_OVERALL, facts_of
from tui.core.insights.findings import JSON_KEYS, area_insights, insights, outcomes, to_json
from tui.core.journal.journal import Journal
from tui.core.plan.definition import load_plan
from tui.core.plan.practices import PracticeNames, practice_names
from tui.core.routines.loader import load_library

TZ = timezone(timedelta(hours=1))


@pytest.fixture(scope="module")
def names() -> PracticeNames:
    library = load_library(builtin_routine_files(), None)
    plan, _ = load_plan(None, PLAN_FILE)
    return practice_names(plan, library.routines)


def day(n: int, hour: int = 8) -> datetime:
    return datetime(2024, 11, 1, hour, tzinfo=TZ) + timedelta(days=2 * n)


def add_run(journal, n, practices, overall, calves=None, hours_after=24, kind=None):
    run = journal.add_run(day(n), kind)
    journal.record_practices(run["id"], practices)
    if overall is not None:
        areas = {} if calves is None else {"calves": calves}
        journal.add_soreness(overall, areas, when=day(n) + timedelta(hours=hours_after))
    return run


@pytest.fixture(scope="module")
def records(tmp_path_factory):
    with Journal(tmp_path_factory.mktemp("insights") / "journal.json") as journal:
        # foam-roll after runs 0-2 (next-day soreness 2, 3, 4), not after runs 3-5 (5, 6, 7)
        add_run(journal, 0, ["hydrate", "foam-roll", "ice-bath"], 2, calves=1)
        journal.add_soreness(9, when=day(0) + timedelta(hours=6))  # too soon: not the next rating
        add_run(journal, 1, ["hydrate", "foam-roll"], 3, calves=1)
        add_run(journal, 2, ["hydrate", "foam-roll"], 4, calves=1)
        add_run(journal, 3, ["hydrate", "ice-bath"], 5, calves=5)
        add_run(journal, 4, ["hydrate"], 6, calves=5)
        add_run(journal, 5, ["hydrate"], 7)  # calves not rated: left out of the calves comparison
        add_run(journal, 6, ["hydrate", "foam-roll"], None)  # never rated: counts nowhere
        add_run(journal, 7, ["nap"], 1, hours_after=80)  # rated too late: counts nowhere
        # a routine finished on the run's day is one of its practices: post-run-stretches is "stretch"
        for n in (3, 4, 5):
            ended = day(n, 19)
            journal.add_session("post-run-stretches", "Post-run stretches", ended - timedelta(minutes=12),
                                ended, True, 8, 0, 8, 720.0)
        journal.add_session("runner-yoga", "Yoga", day(1, 20), day(1, 21), False, 2, 0, 6, 300.0)  # not finished
        journal.add_session("runner-yoga", "Yoga", day(2, 3) + timedelta(days=1), day(2, 4) + timedelta(days=1),
                            True, 6, 0, 6, 900.0)  # finished, but on a day without a run
        journal.add_session("warmup-drills", "Warm-up drills", day(4, 7), day(4, 7) + timedelta(minutes=5),
                            True, 7, 0, 7, 300.0)  # before the run: not a recovery practice
        return journal.records()


def test_outcomes_pair_each_run_with_its_next_rating(records, names):
    found = outcomes(facts_of(records), names)
    assert [rating[RATING_OVERALL] if rating else None for _, _, rating in found] == [2, 3, 4, 5, 6, 7, None, None]
    assert found[3][1] == {"hydrate", "ice-bath", "stretch"}
    assert found[4][1] == {"hydrate", "stretch"}  # no warm-up drills
    assert found[1][1] == {"hydrate", "foam-roll"}


def test_ranked_with_and_without(records, names):
    ranked = {i.practice: i for i in insights(facts_of(records), names)}
    foam = ranked["foam-roll"]
    assert (foam.name, foam.with_n, foam.with_mean, foam.without_n, foam.without_mean, foam.difference,
            foam.needed) == ("Foam rolling", 3, 3.0, 3, 6.0, -3.0, 0)
    assert foam.adjusted.difference == -3.0  # one kind of run (none): adjusted is the raw difference
    stretch = ranked["stretch"]
    assert (stretch.name, stretch.with_n, stretch.with_mean, stretch.difference) == ("Stretch", 3, 6.0, 3.0)
    assert (ranked["hydrate"].with_n, ranked["hydrate"].without_n, ranked["hydrate"].needed) == (6, 0, 3)
    assert (ranked["ice-bath"].with_n, ranked["ice-bath"].needed, ranked["ice-bath"].difference) == (2, 1, None)
    assert ranked["nap"].with_n == 0 and ranked["nap"].needed == 3
    assert [i.practice for i in insights(facts_of(records), names)] == [
        "foam-roll", "stretch", "ice-bath", "hydrate", "nap"]
    assert "runner-yoga" not in ranked and "post-run-stretches" not in ranked and "warmup-drills" not in ranked


def test_welch_interval_by_hand(records, names):
    """With 2, 3, 4 (variance 1) against 5, 6, 7 (variance 1): se = sqrt(1/3 + 1/3),
    Welch-Satterthwaite df = 4, t(0.975, 4) = 2.776445."""
    foam = next(i for i in insights(facts_of(records), names) if i.practice == "foam-roll")
    half = 2.776445 * (2 / 3) ** 0.5
    low, high = foam.adjusted.interval
    assert low == pytest.approx(-3.0 - half, abs=1e-5) and high == pytest.approx(-3.0 + half, abs=1e-5)
    assert foam.verdict == "helps"


def test_json_has_exactly_the_documented_keys(records, names):
    rows = to_json(insights(facts_of(records), names))
    assert all(tuple(row) == JSON_KEYS for row in rows)
    assert rows[0] == {"practice": "foam-roll", "name": "Foam rolling", "with_n": 3, "with_mean": 3.0,
                       "without_n": 3, "without_mean": 6.0, "difference": -3.0, "adjusted": -3.0,
                       "interval": [-5.27, -0.73], "verdict": "helps"}
    assert rows[1]["verdict"] == "worse" and rows[1]["name"] == "Stretch"
    assert rows[3]["difference"] is None and rows[3]["without_mean"] is None
    assert rows[3]["adjusted"] is None and rows[3]["interval"] is None
    assert rows[3]["verdict"] == "no clear difference"


def confounded(journal) -> None:
    """Ice baths mostly after long runs, which leave anyone sorer (7 against 2);
    within each kind, an ice bath goes with one point less. So the raw
    difference says "worse" and the adjusted one says "helps"."""
    n = 0
    for kind, base, with_ice, without_ice in (("long", 7, 12, 4), ("easy", 2, 4, 12)):
        for i in range(with_ice + without_ice):
            iced = i < with_ice
            add_run(journal, n, ["ice-bath"] if iced else ["meal"],
                    base - (1 if iced else 0) + (i % 2), kind=kind)
            n += 1


def test_confounded_raw_and_adjusted_have_opposite_signs(tmp_path, names):
    with Journal(tmp_path / "journal.json") as journal:
        confounded(journal)
        facts = facts_of(journal.records())
    ice = next(i for i in insights(facts, names) if i.practice == "ice-bath")
    assert (ice.with_n, ice.without_n) == (16, 16)
    # raw: with (12 long at 6.5, 4 easy at 1.5) 5.25; without (4 long at 7.5, 12 easy at 2.5) 3.75
    assert ice.difference == pytest.approx(1.5)
    assert ice.adjusted.difference == pytest.approx(-1.0)  # -1 within both kinds, each weighted by 16 runs
    low, high = ice.adjusted.interval
    assert low < -1.0 < high < 0  # the interval excludes 0 ...
    assert ice.verdict == "helps"  # ... so it is a clear difference, the opposite of the raw one
    row = next(r for r in to_json(insights(facts, names)) if r["practice"] == "ice-bath")
    assert row["difference"] == 1.5 and row["adjusted"] == -1.0 and row["verdict"] == "helps"
    assert row["interval"][1] < 0


def test_a_small_noisy_difference_is_no_clear_difference(tmp_path, names):
    with Journal(tmp_path / "journal.json") as journal:
        for n, (practices, overall) in enumerate([(["nap"], 2), (["nap"], 6), (["nap"], 4),
                                                  (["meal"], 5), (["meal"], 1), (["meal"], 6)]):
            add_run(journal, n, practices, overall)
        facts = facts_of(journal.records())
    nap = next(i for i in insights(facts, names) if i.practice == "nap")
    assert nap.adjusted.difference == pytest.approx(0.0)
    assert nap.adjusted.interval[0] < 0 < nap.adjusted.interval[1] and nap.verdict == "no clear difference"


def test_routine_and_step_are_one_practice_with_one_name(tmp_path, names):
    """foam-rolling (the routine) and foam-roll (the step) on the same run count once."""
    with Journal(tmp_path / "journal.json") as journal:
        for n in range(3):
            add_run(journal, n, ["foam-roll", "foam-rolling"] if n else ["foam-rolling"], 2)
        for n in range(3, 6):
            add_run(journal, n, ["legs-up-the-wall"], 5)
        facts = facts_of(journal.records())
    ranked = insights(facts, names)
    assert [(i.practice, i.name, i.with_n) for i in ranked] == [
        ("foam-roll", "Foam rolling", 3), ("legs-up", "Legs up the wall", 3)]
    assert names.name("my-calves") == "My calves"  # a routine since deleted still gets a name
    assert names.name("runner-yoga") == "Yoga for runners"


def test_per_area(records, names):
    best = area_insights(facts_of(records), names)
    assert list(best) == ["calves", "quads", "hamstrings", "hips"]
    # foam-roll: calves 1,1,1 with; 5,5 without (run 5 did not rate calves) -> too few without
    assert best["calves"] is None and best["quads"] is None


def test_per_area_with_enough_data(tmp_path, names):
    with Journal(tmp_path / "journal.json") as journal:
        for n in range(3):
            add_run(journal, n, ["foam-roll"], 3, calves=2 + n % 2)
        for n in range(3, 6):
            add_run(journal, n, ["meal"], 5, calves=6 + n % 2)
        best = area_insights(facts_of(journal.records()), names)
    assert best["calves"].practice == "foam-roll" and best["calves"].verdict == "helps"
    assert best["hips"] is None


def test_fewer_than_three_runs_says_how_many_more(tmp_path, names):
    with Journal(tmp_path / "journal.json") as journal:
        add_run(journal, 0, ["stretch"], 4)
        add_run(journal, 1, ["snack"], 2)
        ranked = insights(facts_of(journal.records()), names)
    assert [(i.practice, i.with_n, i.without_n, i.needed, i.difference) for i in ranked] == [
        ("snack", 1, 1, 4, None), ("stretch", 1, 1, 4, None)]
    assert insights(facts_of([]), names) == [] and area_insights(facts_of([]), names)["calves"] is None


def test_a_routine_name_with_escape_sequences_is_shown_without_them(names):
    from types import SimpleNamespace

    from tui.core.plan.definition import load_plan

    plan, _ = load_plan(None, PLAN_FILE)
    hostile = SimpleNamespace(id="my-calves", name="Calf \x1b]0;owned\x07care\x1b[2J", kind="stretch")
    assert practice_names(plan, [hostile]).name("my-calves") == "Calf \\x1b]0;owned\\x07care\\x1b[2J"


def test_a_tiny_difference_is_never_minus_zero():
    from tui.core.insights.findings import signed

    assert signed(-0.04) == "+0.0" and signed(-0.26) == "-0.3" and signed(1.0) == "+1.0"


def test_new_areas_join_the_area_insights_once_rated():
    from tui.core.insights.facts import facts_of
    from tui.core.insights.findings import area_insights
    from tui.core.plan.practices import PracticeNames

    run = {"type": "run", "id": 1, "time": "2026-11-20T08:00:00+00:00", "run_kind": "easy",
           "practices": ["foam-roll"], "plan_date": "2026-11-20", "skipped": []}
    rating = {"type": "soreness", "id": 2, "time": "2026-11-21T08:00:00+00:00", "overall": 3,
              "areas": {"achilles": 4}, "pain": [], "note": "", "session": None}
    names = PracticeNames()
    assert list(area_insights(facts_of([run]), names)) == ["calves", "quads", "hamstrings", "hips"]
    assert "achilles" in area_insights(facts_of([rating, run]), names)
    assert "knees" not in area_insights(facts_of([rating, run]), names)

"""Insights on hand-made journals whose right answer is known."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tui.core.common.paths import PLAN_FILE, builtin_routine_files
from tui.core.insights.facts import RATING_OVERALL, facts_of
from tui.core.insights.findings import JSON_KEYS, area_insights, insights, to_json
from tui.core.insights.pairing import OUTCOME, PRACTICES, pair_runs
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


def test_outcomes_pair_each_run_with_its_morning_after(records, names):
    found = pair_runs(facts_of(records), names).runs
    assert [run[OUTCOME][RATING_OVERALL] if run[OUTCOME] else None for run in found] == [2, 3, 4, 5, 6, 7, None, None]
    assert found[3][PRACTICES] == {"hydrate", "ice-bath", "stretch"}
    assert found[4][PRACTICES] == {"hydrate", "stretch"}  # no warm-up drills
    assert found[1][PRACTICES] == {"hydrate", "foam-roll"}


def test_ranked_with_and_without(records, names):
    ranked = {i.practice: i for i in insights(facts_of(records), names)}
    foam = ranked["foam-roll"]
    assert (foam.name, foam.with_n, foam.with_mean, foam.without_n, foam.without_mean, foam.difference) == (
        "Foam rolling", 3, 3.0, 3, 6.0, -3.0)
    assert foam.needed > 0 and foam.verdict == "too few runs"  # 3 a side cannot show a 1-point difference
    stretch = ranked["stretch"]
    assert (stretch.name, stretch.with_n, stretch.with_mean, stretch.difference) == ("Stretch", 3, 6.0, 3.0)
    assert (ranked["hydrate"].with_n, ranked["hydrate"].without_n, ranked["hydrate"].difference) == (6, 0, None)
    assert (ranked["ice-bath"].with_n, ranked["ice-bath"].difference) == (2, None)
    assert ranked["nap"].with_n == 0 and ranked["nap"].needed > 3
    assert "runner-yoga" not in ranked and "post-run-stretches" not in ranked and "warmup-drills" not in ranked


def alternating(names=None):
    """Foam rolling on even nights (2, 2, 3, 3, ... the morning after), a meal on odd ones (5, 5, 6, 6, ...)."""
    from tests.core.insight_records import Records

    made = Records()
    for night in range(40):
        foam = night % 2 == 0
        made.rated_run(night, ["foam-roll"] if foam else ["meal"], (2 if foam else 5) + night // 2 % 2)
    return made.records


def test_the_adjusted_interval_by_hand(names):
    """One kind of run, no rating before the night, no load: the adjusted difference is
    the raw one, -3. Residuals: 10 over 38 degrees of freedom, with the prior (1.5 points
    worth 4 runs) 19 / 42; its variance over 20 and 20 runs, 19 / 420; t(0.975, 42)."""
    from tui.core.insights.student_t import t_quantile

    foam = next(i for i in insights(facts_of(alternating()), names) if i.practice == "foam-roll")
    assert foam.difference == -3.0 and foam.adjusted.difference == pytest.approx(-3.0)
    half = t_quantile(0.975, 42) * (19 / 420) ** 0.5
    low, high = foam.adjusted.interval
    assert low == pytest.approx(-3.0 - half) and high == pytest.approx(-3.0 + half)
    assert (foam.needed, foam.verdict) == (0, "helps")


def test_json_keeps_the_old_keys_and_adds_the_new(names):
    rows = to_json(insights(facts_of(alternating()), names))
    assert all(tuple(row) == JSON_KEYS for row in rows)
    assert JSON_KEYS[:10] == ("practice", "name", "with_n", "with_mean", "without_n", "without_mean",
                              "difference", "adjusted", "interval", "verdict")
    assert rows[0] == {"practice": "foam-roll", "name": "Foam rolling", "with_n": 20, "with_mean": 2.5,
                       "without_n": 20, "without_mean": 5.5, "difference": -3.0, "adjusted": -3.0,
                       "interval": [-3.43, -2.57], "verdict": "helps", "unpooled": -3.0, "needed": 0}
    assert rows[1]["verdict"] == "worse" and rows[1]["name"] == "Meal"


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


def test_a_small_noisy_difference_is_no_clear_difference(names):
    import random

    from tests.core.insight_records import Records

    rng, made = random.Random(5), Records()
    for night in range(120):
        made.rated_run(night, ["nap"] if night % 2 else ["meal"], rng.randint(2, 6))
    nap = next(i for i in insights(facts_of(made.records), names) if i.practice == "nap")
    assert nap.needed == 0 and nap.adjusted.interval[0] < 0 < nap.adjusted.interval[1]
    assert nap.verdict == "no clear difference"


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


def test_per_area_with_enough_data(names):
    from tests.core.insight_records import Records

    made = Records()
    for night in range(40):
        foam = night % 2 == 0
        made.rated_run(night, ["foam-roll"] if foam else ["meal"], 4, {"calves": (2 if foam else 6) + night // 2 % 2})
    best = area_insights(facts_of(made.records), names)
    assert best["calves"].practice == "foam-roll" and best["calves"].verdict == "helps"
    assert best["hips"] is None


def test_fewer_than_three_runs_says_about_how_many_more(tmp_path, names):
    from tui.core.insights.words import sentence

    with Journal(tmp_path / "journal.json") as journal:
        add_run(journal, 0, ["stretch"], 4)
        add_run(journal, 1, ["snack"], 2)
        ranked = insights(facts_of(journal.records()), names)
    assert [(i.practice, i.with_n, i.without_n, i.difference, i.verdict) for i in ranked] == [
        ("snack", 1, 1, None, "too few runs"), ("stretch", 1, 1, None, "too few runs")]
    assert ranked[0].needed == ranked[1].needed > 4
    assert sentence(ranked[0]) == (f"Snack: too few rated runs to tell yet; about {ranked[0].needed} more runs "
                                   "(1 with it, 1 without so far).")
    assert insights(facts_of([]), names) == [] and area_insights(facts_of([]), names)["calves"] is None


def test_a_routine_name_with_escape_sequences_is_shown_without_them(names):
    from types import SimpleNamespace

    from tui.core.plan.definition import load_plan

    plan, _ = load_plan(None, PLAN_FILE)
    hostile = SimpleNamespace(id="my-calves", name="Calf \x1b]0;owned\x07care\x1b[2J", kind="stretch")
    assert practice_names(plan, [hostile]).name("my-calves") == "Calf \\x1b]0;owned\\x07care\\x1b[2J"


def test_a_tiny_difference_is_never_minus_zero():
    from tui.core.insights.words import signed

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

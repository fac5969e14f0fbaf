"""Insights on a hand-made journal whose right answer is known."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tui.core.insights import JSON_KEYS, Insight, area_insights, insights, outcomes, to_json
from tui.core.journal import Journal

TZ = timezone(timedelta(hours=1))


def day(n: int, hour: int = 8) -> datetime:
    return datetime(2024, 11, 1, hour, tzinfo=TZ) + timedelta(days=2 * n)


def add_run(journal, n, practices, overall, calves=None, hours_after=24):
    run = journal.add_run(day(n))
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
        # a routine completed on the run's day is one of its practices
        for n in (3, 4, 5):
            ended = day(n, 19)
            journal.add_session("post-run-stretches", "Post-run stretches", ended - timedelta(minutes=12),
                                ended, True, 8, 0, 8, 720.0)
        journal.add_session("runner-yoga", "Yoga", day(1, 20), day(1, 21), False, 2, 0, 6, 300.0)  # not finished
        journal.add_session("runner-yoga", "Yoga", day(2, 3) + timedelta(days=1), day(2, 4) + timedelta(days=1),
                            True, 6, 0, 6, 900.0)  # finished, but on a day without a run
        return journal.records()


def test_outcomes_pair_each_run_with_its_next_rating(records):
    found = outcomes(records)
    assert [o.rating["overall"] if o.rating else None for o in found] == [2, 3, 4, 5, 6, 7, None, None]
    assert found[3].practices == {"hydrate", "ice-bath", "post-run-stretches"}
    assert found[1].practices == {"hydrate", "foam-roll"}


def test_ranked_with_and_without(records):
    ranked = {i.practice: i for i in insights(records)}
    assert ranked["foam-roll"] == Insight("foam-roll", 3, 3.0, 3, 6.0, -3.0, 0)
    assert ranked["post-run-stretches"] == Insight("post-run-stretches", 3, 6.0, 3, 3.0, 3.0, 0)
    assert ranked["hydrate"] == Insight("hydrate", 6, 4.5, 0, None, None, 3)
    assert ranked["ice-bath"] == Insight("ice-bath", 2, 3.5, 4, 5.0, None, 1)
    assert ranked["nap"] == Insight("nap", 0, None, 6, 4.5, None, 3)
    assert [i.practice for i in insights(records)] == [
        "foam-roll", "post-run-stretches", "ice-bath", "hydrate", "nap"]
    assert "runner-yoga" not in ranked


def test_json_has_exactly_the_documented_keys(records):
    rows = to_json(insights(records))
    assert all(tuple(row) == JSON_KEYS for row in rows)
    assert rows[0] == {"practice": "foam-roll", "with_n": 3, "with_mean": 3.0, "without_n": 3,
                       "without_mean": 6.0, "difference": -3.0}
    assert rows[3]["difference"] is None and rows[3]["without_mean"] is None


def test_per_area(records):
    best = area_insights(records)
    assert list(best) == ["calves", "quads", "hamstrings", "hips"]
    calves = best["calves"]
    # foam-roll: calves 1,1,1 with; 5,5 without (run 5 did not rate calves) -> too few without
    assert calves is None
    assert best["quads"] is None


def test_per_area_with_enough_data(tmp_path):
    with Journal(tmp_path / "journal.json") as journal:
        for n in range(3):
            add_run(journal, n, ["foam-roll"], 3, calves=2)
        for n in range(3, 6):
            add_run(journal, n, ["meal"], 5, calves=6)
        best = area_insights(journal.records())
    assert best["calves"] == Insight("foam-roll", 3, 2.0, 3, 6.0, -4.0, 0)
    assert best["hips"] is None


def test_fewer_than_three_runs_says_how_many_more(tmp_path):
    with Journal(tmp_path / "journal.json") as journal:
        add_run(journal, 0, ["stretch"], 4)
        add_run(journal, 1, ["snack"], 2)
        ranked = insights(journal.records())
    assert [(i.practice, i.with_n, i.without_n, i.needed, i.difference) for i in ranked] == [
        ("snack", 1, 1, 4, None), ("stretch", 1, 1, 4, None)]
    assert insights([]) == [] and area_insights([])["calves"] is None


def test_a_new_area_gets_an_insight_once_rated(tmp_path):
    with Journal(tmp_path / "journal.json") as journal:
        for n in range(3):
            run = journal.add_run(day(n))
            journal.record_practices(run["id"], ["foam-roll"])
            journal.add_soreness(3, {"achilles": 2}, when=day(n) + timedelta(hours=24))
        for n in range(3, 6):
            run = journal.add_run(day(n))
            journal.record_practices(run["id"], ["meal"])
            journal.add_soreness(5, {"achilles": 6}, when=day(n) + timedelta(hours=24))
        best = area_insights(journal.records())
    assert list(best) == ["calves", "quads", "hamstrings", "hips", "achilles"]
    assert best["achilles"] == Insight("foam-roll", 3, 2.0, 3, 6.0, -4.0, 0)


def test_a_tiny_difference_is_never_minus_zero():
    from tui.core.insights import _round, signed

    assert signed(-0.04) == "+0.0" and signed(-0.26) == "-0.3" and signed(1.0) == "+1.0"
    assert str(_round(-0.001)) == "0.0"

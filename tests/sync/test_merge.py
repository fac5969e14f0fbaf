"""The merge by uid (journal/sync/merge.py), on tables as a journal stores them."""

from __future__ import annotations

import itertools

from tui.core.journal.records import TABLE
from tui.core.journal.store.meta import last_id
from tui.core.journal.sync.identity import legacy_uid
from tui.core.journal.sync.merge import merge_records, merge_tables


def run(uid: str, practices: list[str], when: str = "", **more) -> dict:
    doc = {"v": 1, "type": "run", "time": "2026-12-06T07:00:00+00:00", "run_kind": None,
           "practices": practices, "skipped": [], "plan_date": "2026-12-06", "uid": uid, **more}
    return {**doc, "changed": {"practices": when}} if when else doc


def rating(uid: str, note: str, session: int | None = None) -> dict:
    return {"v": 1, "type": "soreness", "time": "2026-12-06T09:00:00+00:00", "overall": 3, "areas": {},
            "pain": [], "note": note, "session": session, "uid": uid}


def test_the_later_change_of_a_field_wins_and_the_other_is_kept_in_history():
    ticked = run("r", ["calf-raises"], "2026-12-06T08:00:00.000000+00:00")
    undone = run("r", [], "2026-12-06T08:05:00.000000+00:00")
    for ours, theirs in ((ticked, undone), (undone, ticked)):
        merged = merge_records(ours, theirs, "r")
        assert merged["practices"] == []
        assert merged["changed"]["practices"] == "2026-12-06T08:05:00.000000+00:00"
        assert merged["history"] == [{"field": "practices", "value": ["calf-raises"],
                                      "changed": "2026-12-06T08:00:00.000000+00:00"}]


def test_merging_is_the_same_in_any_order_and_twice_is_once():
    versions = [run("r", ["a"], "2026-12-06T08:00:00.000000+00:00"),
                run("r", ["a", "b"], "2026-12-06T08:02:00.000000+00:00"),
                run("r", [], "2026-12-06T08:01:00.000000+00:00"),
                run("r", ["a"], "2026-12-06T08:03:00.000000+00:00", run_kind="easy")]
    results = set()
    for order in itertools.permutations(versions):
        merged = order[0]
        for version in order[1:]:
            merged = merge_records(merged, version, "r")
        assert merge_records(merged, merged, "r") == merged
        results.add(repr(sorted(merged.items())))
    assert len(results) == 1


def test_records_only_one_side_has_are_added_and_a_taken_number_is_given_the_next_free_one():
    target = {TABLE: {"1": rating("u1", "both"), "2": rating("u2", "mine")}}
    incoming = {TABLE: {"1": rating("u1", "both"), "2": run("u3", []), "3": rating("u4", "after my run", 2)}}
    merged, report = merge_tables(target, incoming)
    records = merged[TABLE]
    # #3 was never given out here, so u4 keeps it; the run's #2 is taken and becomes #4
    assert {doc["uid"]: key for key, doc in records.items()} == {"u1": "1", "u2": "2", "u3": "4", "u4": "3"}
    assert records["3"]["session"] == 4  # still the run it was linked to, under its new number
    assert (report.added, report.changed, report.renumbered) == (2, 0, {"2": "4"})
    assert last_id(merged, TABLE) == 4


def test_a_number_given_out_before_is_never_given_to_an_arriving_record():
    target = {TABLE: {"7": rating("u7", "x")}, "meta": {"1": {"last_id": {TABLE: 9}}}}
    merged, _ = merge_tables(target, {TABLE: {"8": rating("u8", "from the other device")}})
    assert {doc["uid"]: key for key, doc in merged[TABLE].items()} == {"u7": "7", "u8": "10"}


def test_a_record_this_side_moved_away_is_not_brought_back_by_a_base():
    base = {TABLE: {"1": rating("u1", "old"), "2": rating("u2", "kept")}}
    ours = {TABLE: {"2": rating("u2", "kept"), "3": rating("u3", "new here")}}  # 1 went to the archive
    theirs = {TABLE: {"1": rating("u1", "old"), "2": rating("u2", "kept"), "3": rating("u5", "new there")}}
    merged, _ = merge_tables(ours, theirs, base)
    assert sorted(doc["uid"] for doc in merged[TABLE].values()) == ["u2", "u3", "u5"]
    assert merged[TABLE]["3"]["uid"] == "u3"  # this save's record keeps the number it was given


def test_records_saved_before_uids_are_matched_by_their_derived_uid():
    old = {"v": 1, "type": "soreness", "time": "2024-11-22T09:00:00+01:00", "overall": 2, "areas": {},
           "pain": [], "note": "", "session": None}
    merged, report = merge_tables({TABLE: {"5": old}}, {TABLE: {"5": {**old, "uid": legacy_uid("5", old)}}})
    assert report.records == 0 and list(merged[TABLE]) == ["5"]
    assert legacy_uid("5", old) == legacy_uid(5, dict(old)) != legacy_uid("6", old)

"""Records on top of the safe storage: round trip, linking, public shape, CSV."""

from __future__ import annotations

import csv
import io
import json
import uuid
from datetime import UTC, datetime, timedelta, timezone

import pytest

from tui.core.common.ids import AREAS
from tui.core.journal.export import CSV_COLUMNS, export_csv
from tui.core.journal.journal import Journal
from tui.core.journal.records import PUBLIC_KEYS, SCHEMA_VERSION, to_public

PLUS_ONE = timezone(timedelta(hours=1))
NOW = datetime(2024, 11, 22, 9, 12, tzinfo=PLUS_ONE)


@pytest.fixture
def path(tmp_path):
    return tmp_path / "data" / "journal.json"


@pytest.fixture
def journal(path):
    with Journal(path, now=lambda: NOW) as journal:
        yield journal


def add_session(journal, ended, name="Post-run stretches", completed=True):
    return journal.add_session(
        "post-run", name, ended - timedelta(minutes=12), ended, completed, 7, 1, 8, 725.5
    )


def test_nothing_is_created_until_the_first_write(path):
    journal = Journal(path)
    assert journal.records() == [] and journal.problems == []
    assert not path.parent.exists()


def test_round_trip_through_the_file(journal, path):
    session = add_session(journal, NOW - timedelta(hours=20))
    rating = journal.add_soreness(3, {"calves": 4, "Quads": 2}, ["calves", "calves"], " stiff ")
    with Journal(path) as again:
        records = again.records()
    assert records == [rating, session]
    assert rating == {
        "v": SCHEMA_VERSION, "type": "soreness", "time": "2024-11-22T09:12:00+01:00",
        "overall": 3, "areas": {"quads": 2, "calves": 4}, "pain": ["calves"],
        "note": "stiff", "session": session["id"], "id": rating["id"], "uid": rating["uid"],
    }
    assert rating["uid"] != session["uid"] and uuid.UUID(rating["uid"]).version == 7
    assert (session["started"], session["ended"]) == ("2024-11-21T13:00:00+01:00", "2024-11-21T13:12:00+01:00")
    stored = json.loads(path.read_text())["records"]
    assert {doc["v"] for doc in stored.values()} == {1}
    assert {doc["type"] for doc in stored.values()} == {"session", "soreness"}


@pytest.mark.parametrize(
    "hours_before, linked", [(0, True), (12, True), (71.9, True), (72, True), (72.1, False), (-1, False)]
)
def test_rating_links_to_a_session_that_ended_within_72_hours(journal, hours_before, linked):
    session = add_session(journal, NOW - timedelta(hours=hours_before))
    rating = journal.add_soreness(2)
    assert rating["session"] == (session["id"] if linked else None)


def test_rating_links_to_the_latest_session(journal):
    add_session(journal, NOW - timedelta(hours=30))
    latest = add_session(journal, NOW - timedelta(hours=5))
    add_session(journal, NOW + timedelta(hours=1))  # after the rating: not a candidate
    assert journal.add_soreness(2)["session"] == latest["id"]
    earlier = journal.add_soreness(2, when=NOW - timedelta(hours=10))
    assert earlier["session"] != latest["id"] and earlier["session"] is not None


def test_explicit_session_id(journal):
    old = add_session(journal, NOW - timedelta(days=10))
    assert journal.add_soreness(1, session_id=old["id"])["session"] == old["id"]
    with pytest.raises(ValueError, match="session_id 99 is not a session"):
        journal.add_soreness(1, session_id=99)


@pytest.mark.parametrize(
    "kwargs, message",
    [
        ({"overall": 11}, "overall must be a whole number from 0 to 10, got 11"),
        ({"overall": "3"}, "overall must be a whole number"),
        ({"overall": True}, "overall must be a whole number"),
        ({"overall": 3, "areas": {"elbow": 2}}, "unknown area 'elbow'"),
        ({"overall": 3, "areas": {"calves": -1}}, "areas.calves must be a whole number"),
        ({"overall": 3, "pain": ["wrist"]}, "pain names an unknown area 'wrist'"),
        ({"overall": 3, "pain": "calves"}, "pain must be a list"),
        ({"overall": 3, "when": datetime(2024, 11, 22)}, "when must be a datetime with a UTC offset"),
    ],
)
def test_bad_ratings_are_refused_before_anything_is_written(journal, path, kwargs, message):
    with pytest.raises(ValueError, match=message):
        journal.add_soreness(**kwargs)
    assert not path.exists()


def test_bad_sessions_are_refused(journal, path):
    with pytest.raises(ValueError, match="started must be a datetime with a UTC offset"):
        journal.add_session("r", "R", datetime(2024, 1, 1), NOW, True, 1, 0, 1, 1.0)
    with pytest.raises(ValueError, match="exercises_done"):
        journal.add_session("r", "R", NOW, NOW, True, -1, 0, 1, 1.0)
    with pytest.raises(ValueError, match="ended is before"):
        journal.add_session("r", "R", NOW, NOW - timedelta(seconds=1), True, 1, 0, 1, 1.0)
    assert not path.exists()


def test_newest_first_by_moment_not_by_text(journal):
    # 08:30+00:00 (= 09:30+01:00) is later than 09:12+01:00 though it sorts first as text.
    later = journal.add_soreness(5, when=datetime(2024, 11, 22, 8, 30, tzinfo=UTC))
    earlier = journal.add_soreness(4)
    assert [r["id"] for r in journal.records()] == [later["id"], earlier["id"]]
    assert journal.latest(1) == [later]


def test_public_shape_has_exactly_the_documented_keys(journal):
    session = add_session(journal, NOW - timedelta(hours=1))
    rating = journal.add_soreness(3, {"calves": 4}, ["calves"], "ok")
    assert list(to_public(session)) == list(PUBLIC_KEYS)
    assert to_public(session) == {
        "id": session["id"], "type": "session", "time": session["ended"], "routine": "post-run",
        "completed": True, "exercises_done": 7, "exercises_total": 8, "seconds": 725.5,
        "soreness": None, "areas": None, "pain": None, "note": None, "session": None,
        "practices": None, "run_kind": None,
    }
    assert to_public(rating) == {
        "id": rating["id"], "type": "soreness", "time": "2024-11-22T09:12:00+01:00", "routine": None,
        "completed": None, "exercises_done": None, "exercises_total": None, "seconds": None,
        "soreness": 3, "areas": {"calves": 4}, "pain": ["calves"], "note": "ok", "session": session["id"],
        "practices": None, "run_kind": None,
    }
    run = journal.record_practices(journal.add_run(NOW - timedelta(hours=2), "long")["id"], ["hydrate"])
    assert to_public(run) == {
        **dict.fromkeys(PUBLIC_KEYS), "id": run["id"], "type": "run",
        "time": "2024-11-22T07:12:00+01:00", "practices": ["hydrate"], "run_kind": "long",
    }


def test_csv_parses_back(journal):
    add_session(journal, NOW - timedelta(hours=1), name="Hips, glutes & \"more\"")
    journal.add_soreness(3, {"calves": 4, "back": 1}, ["calves", "back"], 'line one\nsaid "ouch", twice')
    out = io.StringIO(newline="")
    export_csv(journal.records(), out)
    rows = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert tuple(rows[0]) == CSV_COLUMNS
    assert rows[0][10:10 + len(AREAS)] == list(AREAS)
    rating, session = (dict(zip(rows[0], row, strict=True)) for row in rows[1:])
    assert rating["soreness"] == "3" and rating["calves"] == "4" and rating["back"] == "1"
    assert rating["quads"] == "" and rating["pain"] == "calves;back"
    assert rating["note"] == 'line one\nsaid "ouch", twice' and rating["session"] == session["id"]
    assert session["type"] == "session" and session["completed"] == "true" and session["seconds"] == "725.5"
    assert session["soreness"] == "" and session["pain"] == ""


def write_raw(path, docs):
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps({"records": {str(i): d for i, d in docs.items()}}))


def test_bad_records_are_skipped_and_reported(path):
    good = {"v": 1, "type": "soreness", "time": "2024-11-22T09:00:00+01:00", "overall": 2,
            "areas": {}, "pain": [], "note": "", "session": None}
    write_raw(path, {
        1: good,
        2: {**good, "overall": "x"},
        3: {**good, "time": "last tuesday"},
        4: {**good, "type": "workout"},
        5: {**good, "areas": {"calves": 12}},
        6: {**good, "v": 2},
    })
    journal = Journal(path)
    assert [r["id"] for r in journal.records()] == [1]
    problems = journal.problems
    assert len(problems) == 5
    for record_id, field in [(2, "overall"), (3, "time"), (4, "type"), (5, "areas.calves"), (6, "v")]:
        assert any(f"#{record_id} " in p and f"'{field}'" in p and str(path) in p for p in problems)


def test_two_journals_on_one_file_lose_nothing(path):
    first, second = Journal(path, now=lambda: NOW), Journal(path, now=lambda: NOW)
    ids = [first.add_soreness(1)["id"], second.add_soreness(2)["id"], first.add_soreness(3)["id"]]
    assert len(set(ids)) == 3
    assert sorted(r["overall"] for r in Journal(path).records()) == [1, 2, 3]
    first.close(), second.close()


def test_a_session_in_full_tells_skipped_from_not_finished(journal):
    """Leaving is not skipping: the detail of a session left part-way counts
    the exercises it never finished apart from those skipped with `n`."""
    from tui.core.journal.record_view import record_fields
    from tui.core.plan.practices import PracticeNames

    left = journal.add_session("post-run-stretches", "Post-run stretches", NOW - timedelta(minutes=5), NOW,
                               False, 2, 1, 8, 200.0)
    finished = journal.add_session("post-run-stretches", "Post-run stretches", NOW - timedelta(minutes=5), NOW,
                                   True, 6, 2, 8, 600.0)
    assert ("Exercises", "2 of 8 done, 1 skipped, 5 not finished") in record_fields(left, PracticeNames(), NOW)
    assert ("Exercises", "6 of 8 done, 2 skipped") in record_fields(finished, PracticeNames(), NOW)

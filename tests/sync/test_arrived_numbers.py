"""A part or month file another device made arrives whole (not as a
conflict copy): a record in it whose number this device already gave to a
different record is given a new number here, on open, so that every reading
shows each record once, under a number of its own.

Before: the arrived part's record was hidden behind this device's record of
the same number (ids read [.., 5, ..] with one record missing), and once this
device rotated its own #5 into a part too, both were shown as #5."""

from __future__ import annotations

import json
import shutil
from pathlib import Path
from unittest import mock

import pytest

from tests.core.cli_support import run
from tests.sync.folder import ENGINES, START, Clock, copy_folder
from tests.sync.test_parts_properties import SMALL
from tui.core.journal import archive, rotation
from tui.core.journal.journal import Journal


@pytest.fixture
def small_parts():
    with mock.patch.multiple(rotation, **SMALL):
        yield


def log(folder: Path, clock: Clock, notes: list[str], session: bool = False) -> list[dict]:
    """Ratings (after a session, which they link to, if `session`)."""
    with Journal(folder / "journal.json", now=clock) as journal:
        first = [journal.add_session("stretch", "Stretch", clock(), clock(), True, 3, 0, 3, 60.0)] if session else []
        return first + [journal.add_soreness(3, note=note, when=clock()) for note in notes]


def shown(folder: Path) -> list[dict]:
    with Journal(folder / "journal.json", now=lambda: START) as journal:
        records = journal.records()
        assert journal.problems == []
    return records


def two_devices(tmp_path: Path) -> tuple[Path, Path, Clock, list[str]]:
    """A and B from one journal whose month is in parts; A then logs until it
    rotates its own new records into a new part, B logs under the same numbers."""
    base, a, b, clock = tmp_path / "base", tmp_path / "a", tmp_path / "b", Clock()
    log(base, clock, [f"base {n}" for n in range(rotation.LIMIT + 1)])
    copy_folder(base, a)
    copy_folder(base, b)
    before = set(archive.archive_months(a / "journal.json"))
    a_records = log(a, clock, [f"on A {n}" for n in range(2 * rotation.LIMIT)], session=True)  # A rotates its own into new parts
    log(b, clock, [f"on B {n}" for n in range(2)])
    new_parts = sorted(set(archive.archive_months(a / "journal.json")) - before)
    assert new_parts, "A made no new part"
    in_parts = {int(k) for key in new_parts for k in archive.read_archive(a / "journal.json", key)}
    assert {r["id"] for r in a_records} & in_parts  # A's new numbers went into a part
    return a, b, clock, new_parts


def arrive(a: Path, b: Path, new_parts: list[str], engine: str = "syncthing") -> None:
    """The new parts arrive whole at B; A's journal, which both changed, as a conflict copy."""
    for key in new_parts:
        shutil.copy2(archive.archive_path(a / "journal.json", key), archive.archive_path(b / "journal.json", key))
    shutil.copy2(a / "journal.json", b / ENGINES[engine]("journal.json", START))


def notes(*folders: Path) -> set[str]:
    return {r.get("note") or r["type"] for folder in folders for r in shown(folder)}


def all_uids(*folders: Path) -> set[str]:
    return {r["uid"] for folder in folders for r in shown(folder)}


def test_a_part_that_arrives_whole_never_shares_a_number(tmp_path, small_parts, capsys) -> None:
    a, b, clock, new_parts = two_devices(tmp_path)
    union = all_uids(a, b)
    arrive(a, b, new_parts)
    code, out, err = run(capsys, "history", "--json", "--journal", str(b / "journal.json"))
    assert code == 0, err
    records = json.loads(out)
    ids = [r["id"] for r in records]
    assert len(ids) == len(set(ids)), f"a number shown twice: {sorted(ids)}"
    assert len(records) == len(union) and {r.get("note") or r["type"] for r in records} == notes(a, b)  # nothing hidden
    assert "record(s) from another device (#" in err and "Renumbered " in err
    log(b, clock, [f"after {n}" for n in range(rotation.LIMIT)])  # B rotates its own #5 too
    after = shown(b)
    ids = [r["id"] for r in after]
    assert len(ids) == len(set(ids)), f"a number shown twice: {sorted(ids)}"
    assert union <= {r["uid"] for r in after} and len(after) == len(union) + rotation.LIMIT
    for key in archive.archive_months(b / "journal.json"):
        assert len(archive.read_archive(b / "journal.json", key)) <= rotation.PART_SIZE or not archive.part_number(key)


def test_a_renumbered_rating_keeps_its_session(tmp_path, small_parts) -> None:
    a, b, _clock, new_parts = two_devices(tmp_path)
    arrive(a, b, new_parts)
    by_uid = {r["uid"]: r for r in shown(b)}
    theirs = {r["uid"]: r for r in shown(a)}
    session = next(r for r in theirs.values() if r["type"] == "session")
    assert by_uid[session["uid"]]["id"] != session["id"]  # B had given its number to a rating
    in_parts = {doc["uid"] for key in new_parts for doc in archive.read_archive(b / "journal.json", key).values()}
    linked = [uid for uid, r in theirs.items() if r.get("session") == session["id"]]
    assert set(linked) & in_parts and set(linked) - in_parts  # in the parts that arrived, and in A's journal
    assert {by_uid[uid]["session"] for uid in linked} == {by_uid[session["uid"]]["id"]}


def test_an_unchanged_archive_is_not_read_again_on_open(tmp_path, small_parts) -> None:
    a, b, _clock, new_parts = two_devices(tmp_path)
    arrive(a, b, new_parts)
    shown(b)
    with (mock.patch.object(archive, "read_archive", side_effect=AssertionError("read again")),
          Journal(b / "journal.json", now=lambda: START) as journal):
        journal.count()

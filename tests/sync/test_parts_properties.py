"""Property tests of a synced folder whose month is kept in parts (rotation.py,
with its limits made small): devices change a run that lives in a part and
log until their own journals rotate; then each file arrives as a sync engine
delivers it (unchanged files not at all, a file only one side changed as it
is, a new part whole, a file both changed as a conflict copy named the
engine's way), in any order, the journal opened between arrivals or not.
Whatever the order: the union of records, none twice, no number shown for
two records, each field as last changed, every copy in
merged/; and after the saves that rotate the merged journal, no record in
two files of its month."""

from __future__ import annotations

import json
import tempfile
from datetime import timedelta
from pathlib import Path
from unittest import mock

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.sync.folder import START, Clock, comparable, copy_folder, records_by_uid
from tests.sync.test_folder_properties import OPS, apply, copy_name
from tui.core.common import atomic
from tui.core.common.paths import own_files_folder
from tui.core.journal import archive, rotation
from tui.core.journal.journal import Journal
from tui.core.journal.records import TABLE

SMALL = {"LIMIT": 8, "KEEP": 4, "PART_SIZE": 3}  # a rotation every few saves, a part of three


def synced_files(folder: Path) -> dict[str, bytes]:
    """What a sync engine shares of a device's folder: the journal and its archive files."""
    path = folder / "journal.json"
    found = {"journal.json": path.read_bytes()}
    where = archive.archive_folder(path)
    for file in sorted(where.glob("*.json")) if where.exists() else []:
        found[str(file.relative_to(folder))] = file.read_bytes()
    return found


def deliver(folder: Path, base: Path, versions: list[Path], order: list[int], engines: list[str],
            opens: list[bool]) -> tuple[Path, int]:
    """The receiving folder, first as versions[order[0]]; the others' files
    then arrive one device at a time. The journal's path, and how many
    conflict copies were left."""
    copy_folder(versions[order[0]], folder)
    path, copies = folder / "journal.json", 0
    before = synced_files(base)
    for n, index in enumerate(order[1:]):
        for name, theirs in synced_files(versions[index]).items():
            target = folder / name
            mine = target.read_bytes() if target.exists() else None
            if theirs == before.get(name) or mine == theirs:
                continue  # not changed there, or the same change
            if mine is None or mine == before.get(name):
                target.parent.mkdir(mode=0o700, parents=True, exist_ok=True)
                target.write_bytes(theirs)  # changed there only
                continue
            stem = copy_name(engines[index], n, index).removeprefix("journal").removesuffix(".json")
            target.with_name(f"{target.stem}{stem}{target.suffix}").write_bytes(theirs)
            copies += 1
        if opens[n]:
            with Journal(path, now=lambda: START) as journal:
                journal.records()
    return path, copies


def kept_once(path: Path) -> None:
    """No uid in two archive files: each record is kept in one file of its month."""
    held = [doc["uid"] for key in archive.archive_months(path) for doc in archive.read_archive(path, key).values()]
    assert len(held) == len(set(held)), "a record is kept in two archive files"
    for key in archive.archive_months(path):
        assert len(archive.read_archive(path, key)) <= rotation.PART_SIZE or not archive.part_number(key), key


def make_base(root: Path, clock: Clock) -> int:
    """The shared journal: a run, then ratings until the run and the oldest
    ratings are in parts; the run's id."""
    with Journal(root / "base" / "journal.json", now=clock) as journal:
        base_run = journal.add_run(START - timedelta(hours=3))["id"]
        for n in range(10):
            journal.add_soreness(n % 11, note=f"base {n}", when=START - timedelta(minutes=90 - n))
        assert archive.part_number(archive.archive_months(journal.path)[-1]) == 1
        assert journal.run(base_run) and str(base_run) not in json.loads(journal.path.read_text())[TABLE]
    return base_run


@pytest.mark.slow  # some 50 synced folders: about 8 s
@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    plans=st.lists(st.lists(OPS, min_size=1, max_size=6), min_size=2, max_size=3),
    data=st.data(),
)
def test_a_month_in_parts_merges_to_the_union_whatever_the_order(plans, data):
    small = [mock.patch.object(rotation, name, value) for name, value in SMALL.items()]
    no_flush = [mock.patch.object(atomic, "fsync_file", lambda fd: None),
                mock.patch.object(atomic, "fsync_folder", lambda f: None)]
    with tempfile.TemporaryDirectory() as tmp, small[0], small[1], small[2], no_flush[0], no_flush[1]:
        root = Path(tmp)
        clock = Clock()
        base_run = make_base(root, clock)
        devices = []
        for n in range(len(plans)):
            copy_folder(root / "base", root / f"device-{n}")
            devices.append(Journal(root / f"device-{n}" / "journal.json", now=clock))
        turns = [(n, k) for n, plan in enumerate(plans) for k in range(len(plan))]
        turns = sorted(data.draw(st.permutations(turns)), key=lambda turn: turn[1])
        turns = data.draw(st.permutations(turns))
        done = {n: 0 for n in range(len(plans))}
        for n, _ in turns:
            op, arg = plans[n][done[n]]
            apply(devices[n], op, arg, base_run, note=f"d{n}-{done[n]}")
            done[n] += 1
        for journal in devices:
            journal.close()
        folders = [root / f"device-{n}" for n in range(len(plans))]
        made = {}
        for folder in folders:
            with Journal(folder / "journal.json") as journal:
                made |= records_by_uid(journal)
        engines = data.draw(st.lists(st.sampled_from(("dropbox", "nextcloud", "syncthing")),
                                     min_size=len(plans), max_size=len(plans)))
        results = []
        for round_ in range(2):
            order = list(data.draw(st.permutations(range(len(plans)))))
            opens = data.draw(st.lists(st.booleans(), min_size=len(plans), max_size=len(plans)))
            path, copies = deliver(root / f"receiver-{round_}", root / "base", folders, order, engines, opens)
            with Journal(path, now=lambda: START) as journal:
                merged = records_by_uid(journal)
            assert set(merged) == set(made)  # the union, nothing lost, nothing twice
            numbers = [record["id"] for record in merged.values()]
            assert len(numbers) == len(set(numbers)), "two records under one number"
            folder, where = path.parent, archive.archive_folder(path)
            assert not [p for p in [*folder.iterdir(), *where.iterdir()] if "conflict" in p.name]
            moved = [*(own_files_folder(path) / "merged").glob("*"), *(where / "merged").glob("*")]
            assert len(moved) == copies
            run = next(r for r in merged.values() if r["type"] == "run" and r["uid"] == base_uid(folders[0], base_run))
            for field in ("practices", "run_kind"):
                assert run[field] == last_change(folders, run["uid"], field)
            results.append(comparable(merged))
            with Journal(path, now=lambda: START) as journal:
                for n in range(rotation.LIMIT - rotation.KEEP + 1):  # enough saves for a rotation
                    journal.add_soreness(n % 11, note=f"after {n}", when=START + timedelta(hours=3, minutes=n))
                after = records_by_uid(journal)
            assert set(after) - set(merged) and set(merged) <= set(after)
            assert len(after) == len(merged) + rotation.LIMIT - rotation.KEEP + 1
            assert len({record["id"] for record in after.values()}) == len(after), "two records under one number"
            kept_once(path)
        assert results[0] == results[1]  # the same records, whatever the order


def base_uid(folder: Path, base_run: int) -> str:
    with Journal(folder / "journal.json") as journal:
        return str(journal.run(base_run)["uid"])


def stored_doc(folder: Path, uid: str) -> dict:
    """A record as a device keeps it: in its journal, else in an archive file."""
    path = folder / "journal.json"
    tables = [json.loads(path.read_text())[TABLE], *(archive.read_archive(path, k) for k in archive.archive_months(path))]
    return next(doc for table in tables for doc in table.values() if doc["uid"] == uid)


def last_change(folders: list[Path], uid: str, field: str):
    """The value of `field` on the device that changed it last (any, if none did)."""
    found = []
    for folder in folders:
        doc = stored_doc(folder, uid)
        found.append(((doc.get("changed") or {}).get(field, ""), json.dumps(doc[field]), doc[field]))
    return max(found)[2]

"""The one-time gift of uids to an older journal (journal/sync/migrate.py):
a copy of each file first, every record then has a uid, twice is once, and
two devices migrating copies of one journal give the same uids."""

from __future__ import annotations

import shutil

from tests.sync.legacy import all_uids, legacy_journal
from tui.core.journal.daily_backup import backup_folder
from tui.core.journal.journal import Journal
from tui.core.journal.sync.identity import legacy_uid


def test_the_first_open_gives_every_record_a_uid_and_keeps_the_files_as_they_were(tmp_path):
    path = tmp_path / "journal.json"
    before = legacy_journal(path)
    assert len(before) > 10  # the journal and a year of archive months
    with Journal(path) as journal:
        records = journal.records()
    uids = all_uids(path)
    assert all(uid is not None for file in uids.values() for uid in file.values())
    assert {r["uid"] for r in records} == {uid for file in uids.values() for uid in file.values()}
    assert len({r["uid"] for r in records}) == len(records)
    kept = backup_folder(path) / "before-ids"
    assert {name: (kept / name.split("/")[-1]).read_bytes() for name in before} == before
    key, uid = next(iter(uids["journal.json"].items()))
    assert uid == legacy_uid(key, next(r for r in records if r["id"] == int(key)))


def test_twice_is_once_and_two_devices_agree(tmp_path):
    path = tmp_path / "a" / "journal.json"
    legacy_journal(path)
    shutil.copytree(path.parent, tmp_path / "b")
    with Journal(path) as journal:
        journal.records()
    first = {file.name: file.read_bytes() for file in path.parent.rglob("*.json")}
    with Journal(path) as journal:
        journal.records()
    assert {file.name: file.read_bytes() for file in path.parent.rglob("*.json")} == first
    other = tmp_path / "b" / "journal.json"
    with Journal(other) as journal:
        journal.records()
    assert all_uids(other) == all_uids(path)

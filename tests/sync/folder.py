"""A synced folder, as the tests build it: journal versions made on
"devices" (each a Journal with its own clock), and the conflict copies each
sync engine names its own way."""

from __future__ import annotations

import json
import os
import shutil
from datetime import UTC, datetime, timedelta
from pathlib import Path

from tui.core.journal.journal import Journal
from tui.core.journal.records import TABLE

START = datetime(2026, 12, 6, 7, 30, tzinfo=UTC)


def syncthing_name(name: str, moment: datetime, device: str = "ABCDEFG") -> str:
    stem, suffix = os.path.splitext(name)
    return f"{stem}.sync-conflict-{moment:%Y%m%d-%H%M%S}-{device}{suffix}"


def dropbox_name(name: str, moment: datetime, who: str = "Ana") -> str:
    stem, suffix = os.path.splitext(name)
    return f"{stem} ({who}'s conflicted copy {moment:%Y-%m-%d}){suffix}"


def nextcloud_name(name: str, moment: datetime) -> str:
    stem, suffix = os.path.splitext(name)
    return f"{stem} (conflicted copy {moment:%Y-%m-%d %H%M%S}){suffix}"


ENGINES = {"syncthing": syncthing_name, "dropbox": dropbox_name, "nextcloud": nextcloud_name}


class Clock:
    """A clock the test moves: each call is a second later (changes never tie)."""

    def __init__(self, start: datetime = START) -> None:
        self.moment = start

    def __call__(self) -> datetime:
        self.moment += timedelta(seconds=1)
        return self.moment


def device(folder: Path, clock: Clock) -> Journal:
    """A device's copy of the journal in `folder` (made by copying another's)."""
    return Journal(folder / "journal.json", now=clock)


def copy_folder(source: Path, target: Path) -> None:
    shutil.copytree(source, target, ignore=shutil.ignore_patterns("*.lock"))


def records_by_uid(journal: Journal) -> dict[str, dict]:
    records = journal.records()
    assert journal.problems == []
    by_uid = {record["uid"]: record for record in records}
    assert len(by_uid) == len(records), "a record is in the journal twice"
    return by_uid


def stored(path: Path) -> dict[str, dict]:
    return json.loads(path.read_text("utf-8"))[TABLE]


def comparable(records: dict[str, dict]) -> dict[str, dict]:
    """Records by uid without their numbers: a rating's session named by uid."""
    uid_of_id = {record["id"]: uid for uid, record in records.items()}
    return {uid: {**{k: v for k, v in record.items() if k != "id"},
                  **({"session": uid_of_id.get(record["session"])} if record.get("session") else {})}
            for uid, record in records.items()}

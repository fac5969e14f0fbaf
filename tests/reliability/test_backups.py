"""Daily backups (tui/core/journal/daily_backup.py, backups.py): one a day, last seven kept, each read
back before an older one goes, written atomically, private, restorable."""

from __future__ import annotations

import json
import os
from datetime import date, datetime, timedelta
from pathlib import Path

import pytest

from tests.reliability.helpers import mode, temp_files
from tui.core.common import atomic as storage_mod
from tui.core.journal.backups import list_backups, restore_backup
from tui.core.journal.daily_backup import KEEP, backup_path, make_daily_backup
from tui.core.journal.journal import Journal
from tui.core.journal.store.errors import JournalAccessError, JournalCorruptError
from tui.core.journal.sync.device import device_name


@pytest.fixture(autouse=True)
def in_the_data_folder(tmp_path, monkeypatch):
    """The journal here is in the app's data folder (elsewhere: test_own_folder.py)."""
    monkeypatch.setenv("RECOVERY_TUI_DATA_DIR", str(tmp_path / "data"))

DAY = date(2024, 11, 22)
NOW = datetime(2024, 11, 22, 9, 30)
AWARE = datetime(2024, 11, 22, 9, 30).astimezone()


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "data" / "journal.json"


def backups_of(path: Path) -> Path:
    """Where the backups of the journal at `path` go: in the app's folder for it."""
    return path.parent / "journal.json.d" / "backups"


def log(path: Path, overall: int) -> None:
    with Journal(path, now=lambda: AWARE) as journal:
        journal.add_soreness(overall)


def overalls(path: Path) -> list[int]:
    with Journal(path) as journal:
        return sorted(r["overall"] for r in journal.records())


def contents(folder: Path) -> dict[str, bytes]:
    return {p.name: p.read_bytes() for p in folder.iterdir()}


def days(path: Path) -> list[date]:
    return [info.day for info in list_backups(path)]


def test_one_backup_a_day(path: Path) -> None:
    assert make_daily_backup(path, DAY) is None  # no journal yet: nothing to back up
    assert not path.parent.exists()
    log(path, 1)
    made = make_daily_backup(path, DAY)
    assert made == backups_of(path) / f"journal-2024-11-22.{device_name()}.json"  # named by device
    log(path, 2)
    assert make_daily_backup(path, DAY) is None  # today's is there; it is kept as it was
    assert overalls(made) == [1]
    assert make_daily_backup(path, DAY + timedelta(days=1)) is not None
    infos = list_backups(path)
    assert [(i.day, i.records, i.ok) for i in infos] == [(DAY + timedelta(days=1), 2, True), (DAY, 1, True)]


def test_last_seven_kept(path: Path) -> None:
    log(path, 1)
    for n in range(12):
        make_daily_backup(path, DAY + timedelta(days=n))
    assert days(path) == [DAY + timedelta(days=n) for n in range(11, 11 - KEEP, -1)]
    assert all(info.ok for info in list_backups(path))


def test_older_backups_stay_until_seven_newer_ones_read_back(path: Path) -> None:
    """Without the read-back check, three damaged newer backups would push out
    the good older ones and leave only four usable copies."""
    log(path, 1)
    for n in range(KEEP):
        make_daily_backup(path, DAY + timedelta(days=n))
    for n in range(KEEP - 3, KEEP):
        backup_path(path, DAY + timedelta(days=n)).write_bytes(b'{"records": {"1": {"v"')
    make_daily_backup(path, DAY + timedelta(days=KEEP))
    infos = list_backups(path)
    assert len(infos) == KEEP + 1 and sum(info.ok for info in infos) == KEEP - 3 + 1
    assert "not valid JSON" in infos[1].problem and str(infos[1].path) in infos[1].problem
    for n in range(KEEP + 1, KEEP + 4):  # three more good days push out the oldest
        make_daily_backup(path, DAY + timedelta(days=n))
    infos = list_backups(path)
    assert sum(info.ok for info in infos) == KEEP and infos[-1].ok
    assert infos[-1].day == DAY + timedelta(days=1)


def test_damaged_journal_is_not_backed_up_and_nothing_is_pruned(path: Path) -> None:
    log(path, 1)
    for n in range(KEEP):
        make_daily_backup(path, DAY + timedelta(days=n))
    path.write_bytes(b'{"records": {"1": ')
    with pytest.raises(JournalCorruptError, match=str(path)):
        make_daily_backup(path, DAY + timedelta(days=KEEP))
    assert len(days(path)) == KEEP and days(path)[-1] == DAY


def test_unrelated_files_in_the_backup_folder_are_left_alone(path: Path) -> None:
    log(path, 1)
    make_daily_backup(path, DAY)
    folder = backups_of(path)
    for name in ("journal-2024-02-30.json", "notes.txt", "other-2024-11-20.json", "journal-2024-11-20.json.bak"):
        (folder / name).write_text("mine")
    for n in range(1, 10):
        make_daily_backup(path, DAY + timedelta(days=n))
    assert len(days(path)) == KEEP
    assert (folder / "notes.txt").read_text() == "mine" and (folder / "journal-2024-02-30.json").exists()


STEPS = {"write": (storage_mod, "write_all"), "fsync": (os, "fsync"), "replace": (os, "replace")}


@pytest.mark.parametrize("module, name", STEPS.values(), ids=STEPS.keys())
def test_failed_backup_leaves_no_partial_file(
    path: Path, monkeypatch: pytest.MonkeyPatch, module, name: str
) -> None:
    log(path, 1)
    make_daily_backup(path, DAY)
    tomorrow = backup_path(path, DAY + timedelta(days=1))
    tomorrow.write_bytes(b"[damaged]")  # an unreadable backup is made again
    before = contents(backups_of(path))

    def fail(*args, **kwargs):
        raise OSError(28, "No space left on device")

    with monkeypatch.context() as m:
        m.setattr(module, name, fail)
        with pytest.raises(JournalAccessError) as info:
            make_daily_backup(path, DAY + timedelta(days=1))
    assert str(info.value) == f"Cannot write the backups in {backups_of(path)}: the disk is full."
    assert contents(backups_of(path)) == before
    assert make_daily_backup(path, DAY + timedelta(days=1)) == tomorrow  # works again
    assert overalls(tomorrow) == [1]


def test_temp_file_of_a_killed_backup_is_removed_next_time(path: Path) -> None:
    log(path, 1)
    make_daily_backup(path, DAY)
    stale = backups_of(path) / ".journal-2024-11-23.json.tmp-99-abcd"
    stale.write_text('{"records": {"1"')
    make_daily_backup(path, DAY + timedelta(days=1))
    assert temp_files(backups_of(path)) == []


@pytest.mark.parametrize("umask", [0o000, 0o022], ids=["umask-000", "umask-022"])
def test_backups_are_private_under_any_umask(path: Path, monkeypatch: pytest.MonkeyPatch, umask: int) -> None:
    temp_modes: list[int] = []
    real_replace = os.replace

    def spy(src, dst):
        temp_modes.append(mode(Path(src)))
        real_replace(src, dst)

    old = os.umask(umask)
    try:
        log(path, 1)
        monkeypatch.setattr(os, "replace", spy)
        for n in range(KEEP + 2):
            make_daily_backup(path, DAY + timedelta(days=n))
            log(path, 2)
    finally:
        os.umask(old)
    folder = backups_of(path)
    assert mode(folder) == 0o700
    assert {p.name: mode(p) for p in folder.iterdir()} == {p.name: 0o600 for p in folder.iterdir()}
    assert set(temp_modes) == {0o600}


def test_loose_backup_folder_is_tightened(path: Path) -> None:
    log(path, 1)
    (backups_of(path)).mkdir(mode=0o755)
    os.chmod(backups_of(path), 0o755)
    make_daily_backup(path, DAY)
    assert mode(backups_of(path)) == 0o700


# -- restore ----------------------------------------------------------------------


def test_restore_moves_the_journal_aside_and_writes_the_backup(path: Path) -> None:
    log(path, 1)
    backup = make_daily_backup(path, DAY)
    log(path, 2)
    current = path.read_bytes()

    moved = restore_backup(path, backup, NOW)

    assert moved == path.with_name("journal.json.replaced-20241122-093000")
    assert moved.read_bytes() == current  # never lost
    assert overalls(path) == [1] and mode(path) == 0o600
    assert temp_files(path.parent) == []
    assert restore_backup(path, backup, NOW) != moved  # a second restore keeps both copies


def test_restore_over_a_damaged_or_missing_journal(path: Path) -> None:
    log(path, 1)
    backup = make_daily_backup(path, DAY)
    path.write_bytes(b"\xff\xfe")
    moved = restore_backup(path, backup, NOW)
    assert moved.read_bytes() == b"\xff\xfe" and overalls(path) == [1]
    path.unlink()
    assert restore_backup(path, backup, NOW) is None and overalls(path) == [1]


def test_unreadable_backup_is_refused_and_the_journal_untouched(path: Path) -> None:
    log(path, 1)
    backup = make_daily_backup(path, DAY)
    backup.write_bytes(b"[]")
    before = path.read_bytes()
    with pytest.raises(JournalCorruptError, match=str(backup)):
        restore_backup(path, backup, NOW)
    with pytest.raises(JournalAccessError, match="There is no backup at"):
        restore_backup(path, backup.with_name("nope.json"), NOW)
    assert path.read_bytes() == before
    assert sorted(p.name for p in path.parent.iterdir()) == ["journal.json", "journal.json.d"]
    assert sorted(p.name for p in backups_of(path).parent.iterdir()) == ["backups", "journal.json.lock"]


def test_failed_restore_says_where_the_previous_journal_is(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    log(path, 1)
    backup = make_daily_backup(path, DAY)
    log(path, 2)
    current = path.read_bytes()

    def fail(src, dst):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(storage_mod, "replace", fail)
    with pytest.raises(JournalAccessError) as info:
        restore_backup(path, backup, NOW)
    moved = path.with_name("journal.json.replaced-20241122-093000")
    assert str(info.value) == (f"Cannot write the journal at {path}: the disk is full. "
                               f"The previous journal is kept at {moved}.")
    assert moved.read_bytes() == current and json.loads(backup.read_bytes())["records"]

"""Issue 12, "Also": backups dated in the future (a clock jump) are never the
latest and do not escape pruning; saving settings keeps a symlinked
settings.toml a link and keeps the user's comments."""

from __future__ import annotations

import json
import os
import stat
from datetime import date, time
from pathlib import Path

import pytest

from tests.core.cli_support import run
from tui.core.common.settings import Settings, load_settings, save_settings
from tui.core.journal.backups import latest_good, list_backups
from tui.core.journal.daily_backup import KEEP, backup_path, make_daily_backup
from tui.core.journal.sync.device import device_name


def journal_with(path: Path, note: str) -> None:
    path.write_text(json.dumps({"records": {"1": {
        "v": 1, "type": "soreness", "time": "2026-12-01T08:00:00+00:00", "overall": 3,
        "areas": {}, "pain": [], "note": note, "session": None}}}))


def test_a_future_dated_backup_is_never_latest_and_is_pruned(tmp_path: Path, capsys, monkeypatch) -> None:
    path = tmp_path / "journal.json"
    journal_with(path, "from the wrong clock")
    assert make_daily_backup(path, date(2027, 6, 1)) is not None  # the clock ran a year ahead
    journal_with(path, "today")
    make_daily_backup(path, date(2026, 12, 2))

    assert latest_good(path, date(2026, 12, 2)).day == date(2026, 12, 2)
    monkeypatch.setenv("RECOVERY_TUI_NOW", "2026-12-02T09:00:00+00:00")
    code, out, _ = run(capsys, "doctor", "--journal", str(path))
    assert "2027-06-01" in out and "dated in the future" in out
    code, out, _ = run(capsys, "doctor", "--restore", "latest", "--yes", "--journal", str(path))
    assert code == 0 and f"journal-2026-12-02.{device_name()}.json" in out

    for day in range(3, 3 + KEEP):
        make_daily_backup(path, date(2026, 12, day))
    assert [info.day for info in list_backups(path)] == [date(2026, 12, d) for d in range(9, 2, -1)]
    assert not backup_path(path, date(2027, 6, 1)).exists()


def test_saving_settings_keeps_a_link_and_the_comments(tmp_path: Path) -> None:
    real = tmp_path / "dotfiles" / "recovery.toml"
    real.parent.mkdir()
    real.write_text('# my settings, by hand\nunits = "metric"   # metric at home\n\n'
                    '# bed early before races\nbedtime = "21:45"\n')
    link = tmp_path / "config" / "settings.toml"
    link.parent.mkdir()
    link.symlink_to(real)

    settings, errors = load_settings(link)
    save_settings(link, Settings(units="imperial", bedtime=settings.bedtime, sound=False))

    assert link.is_symlink() and link.resolve() == real.resolve()
    text = real.read_text()
    for kept in ("# my settings, by hand", "# metric at home", "# bed early before races"):
        assert kept in text
    settings, errors = load_settings(link)
    assert errors == [] and settings == Settings(units="imperial", bedtime=time(21, 45), sound=False)


def test_saving_settings_is_private_and_durable(tmp_path: Path, monkeypatch) -> None:
    """Settings go through the same atomic write as the journal: a new folder
    0700, the file 0600 whatever the umask, the folder fsync-ed after the rename."""
    synced_folders = []
    real_fsync = os.fsync

    def spy(fd: int) -> None:
        if stat.S_ISDIR(os.fstat(fd).st_mode):
            synced_folders.append(fd)
        real_fsync(fd)

    monkeypatch.setattr(os, "fsync", spy)
    path = tmp_path / "config" / "recovery-tui" / "settings.toml"
    old_umask = os.umask(0)
    try:
        save_settings(path, Settings(units="imperial", bedtime=time(22, 0), sound=True))
    finally:
        os.umask(old_umask)
    assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert stat.S_IMODE(path.parent.stat().st_mode) == 0o700
    assert synced_folders, "the folder was not fsync-ed after the rename"
    assert sorted(p.name for p in path.parent.iterdir()) == ["settings.toml"]


def test_a_failed_settings_save_keeps_the_old_file_and_no_temp_file(tmp_path: Path, monkeypatch) -> None:
    from tui.core.common import atomic

    path = tmp_path / "settings.toml"
    path.write_text('units = "metric"\n')

    def full(*args):
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(atomic, "write_all", full)
    with pytest.raises(OSError):
        save_settings(path, Settings(units="imperial", bedtime=time(22, 0), sound=True))
    assert path.read_text() == 'units = "metric"\n'
    assert [p.name for p in tmp_path.iterdir()] == ["settings.toml"]

"""`recovery-tui import` without PATH: the newest run of a mounted watch and of
the watch-files folder of the settings (~/Downloads by default)."""

from __future__ import annotations

import os
import time
from pathlib import Path

import pytest

from tests.core.cli_support import run
from tui.core.journal.journal import Journal
from tui.core.watch import places

FIT = Path(__file__).resolve().parents[1] / "data" / "fit"
NOW = "2015-08-15T19:00:00+02:00"  # after activity-small-fenix2-run.fit ended


@pytest.fixture
def home(tmp_path, monkeypatch) -> Path:
    """A home folder, the journal and the config in tmp_path, and no watch mounted."""
    monkeypatch.setenv("HOME", str(tmp_path / "home"))
    monkeypatch.setenv("RECOVERY_TUI_JOURNAL", str(tmp_path / "journal.json"))
    monkeypatch.setenv("RECOVERY_TUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("RECOVERY_TUI_NOW", NOW)
    monkeypatch.setattr(places, "MOUNT_ROOTS", (str(tmp_path / "media"),))
    (tmp_path / "config").mkdir()
    return tmp_path / "home"


def put(folder: Path, *names_and_ages: tuple[str, int]) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    for name, age in names_and_ages:
        (folder / name).write_bytes((FIT / name).read_bytes())
        stamp = time.time() - age
        os.utime(folder / name, (stamp, stamp))


def test_without_path_the_newest_run_of_downloads_not_yet_imported(capsys, home, tmp_path):
    put(home / "Downloads", ("activity-small-fenix2-run.fit", 60), ("garmin-fenix-5-bike.fit", 0),
        ("2013-02-06-12-11-14.fit", 3000))
    code, out, err = run(capsys, "import", "--yes")
    assert code == 0, err
    assert err == f"recovery-tui: no PATH given: looking in {home / 'Downloads'}\n"
    assert out.startswith("activity-small-fenix2-run.fit: Ended 17:32 · 47 min")
    code, out, _err = run(capsys, "import", "--yes")  # the next newest run
    assert code == 0 and out.startswith("2013-02-06-12-11-14.fit: ")
    with Journal(tmp_path / "journal.json") as journal:
        assert len([r for r in journal.records() if r["type"] == "run"]) == 2


def test_a_mounted_watch_and_the_folder_of_the_settings(capsys, home, tmp_path):
    put(tmp_path / "media" / "FENIX" / "GARMIN" / "Activity", ("activity-small-fenix2-run.fit", 60))
    put(tmp_path / "Exports", ("2013-02-06-12-11-14.fit", 0))
    (tmp_path / "config" / "settings.toml").write_text(f'watch_folder = "{tmp_path / "Exports"}"\n')
    code, out, err = run(capsys, "import", "--dry-run", "--all")
    assert code == 0, err
    assert [line.split(": ")[0] for line in out.splitlines()] == [
        "2013-02-06-12-11-14.fit", "activity-small-fenix2-run.fit"]


def test_a_watch_folder_that_does_not_exist_is_one_message_and_exit_1(capsys, home, tmp_path):
    settings = tmp_path / "config" / "settings.toml"
    settings.write_text(f'watch_folder = "{tmp_path / "gone"}"\n')
    code, out, err = run(capsys, "import", "--dry-run")
    assert (code, out) == (1, "")
    assert err == f"recovery-tui: {settings}: field 'watch_folder': the folder '{tmp_path / 'gone'}' does not exist\n"


def test_nothing_in_the_usual_places_exits_1_naming_them(capsys, home):
    home.mkdir()
    code, out, _err = run(capsys, "import", "--dry-run")
    assert code == 1 and out == f"{home}: not a run: it holds no .fit, .tcx or .gpx file\n"

"""Where the watch dialog looks: a mounted watch's GARMIN/Activity first, then
the settings' watch-files folder, near its top only (it may be the home folder)."""

from __future__ import annotations

import os
import zipfile
from pathlib import Path

from tui.core.watch.places import recent_files, usual_places


def touch(path: Path, stamp: int) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(b"")
    os.utime(path, (stamp, stamp))
    return path


def test_a_mounted_watch_comes_before_the_folder_and_missing_places_are_left_out(tmp_path):
    activity = tmp_path / "media" / "FR255" / "GARMIN" / "Activity"
    activity.mkdir(parents=True)
    (tmp_path / "media" / "USB-STICK").mkdir()  # a drive that is not a watch
    folder = tmp_path / "Downloads"
    folder.mkdir()
    assert usual_places(folder, [str(tmp_path / "media"), str(tmp_path / "nowhere")]) == [activity, folder]
    assert usual_places(tmp_path / "gone", []) == []


def test_files_one_level_down_and_in_zips_newest_first_but_not_deeper_nor_hidden(tmp_path):
    day = 1_732_262_400  # 2024-11-22 08:00 UTC
    touch(tmp_path / "morning.fit", day - 3600)
    touch(tmp_path / "activities" / "evening.tcx.gz", day + 12 * 3600)
    touch(tmp_path / "a" / "b" / "too-deep.gpx", day + 13 * 3600)
    touch(tmp_path / ".cache" / "hidden.fit", day + 14 * 3600)
    touch(tmp_path / "notes.txt", day + 15 * 3600)
    with zipfile.ZipFile(tmp_path / "export.zip", "w") as archive:
        archive.writestr(zipfile.ZipInfo("activities/race.fit", (2024, 11, 22, 9, 0, 0)), b"")
    names = [f.name for f in recent_files([tmp_path])]
    assert names == ["evening.tcx.gz", "export.zip:activities/race.fit", "morning.fit"]
    assert len(recent_files([tmp_path], limit=2)) == 2

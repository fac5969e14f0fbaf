"""`recovery-tui import`: every status, dedupe, completing a typed run, zips
and folders, time zones and clocks, and what it prints."""

from __future__ import annotations

import gzip
import io
import json
import sys
import time
import zipfile
from datetime import UTC, datetime, timedelta
from pathlib import Path

import pytest

from tests.core.cli_support import run
from tests.data.synthetic_fit import Lap, write_run
from tui.core.journal.journal import Journal

DATA = Path(__file__).resolve().parents[1] / "data"
FENIX2 = DATA / "fit" / "activity-small-fenix2-run.fit"  # 14:45:08Z-15:32:20Z, watch at UTC+2
FR110 = DATA / "fit" / "2013-02-06-12-11-14.fit"  # no local time
NO_CLOCK = DATA / "fit" / "compressed-speed-distance.fit"
TCX = DATA / "tcx" / "test.tcx"
FENIX2_NOW = "2015-08-15T19:00:00+02:00"
JSON_KEYS = {"file", "status", "sport", "start", "end", "duration_s", "moving_s", "distance_m", "avg_hr",
             "max_hr", "load", "kind", "kind_reasons"}


@pytest.fixture
def journal(tmp_path, monkeypatch) -> Path:
    path = tmp_path / "journal.json"
    monkeypatch.setenv("RECOVERY_TUI_JOURNAL", str(path))
    return path


def runs(path: Path) -> list[dict]:
    with Journal(path) as journal:
        return [r for r in journal.records() if r["type"] == "run"]


def dry_json(capsys, *argv) -> tuple[int, list[dict]]:
    code, out, _err = run(capsys, "import", "--dry-run", "--json", *map(str, argv))
    return code, json.loads(out)


def test_a_fit_run_is_recorded_with_the_watchs_local_time(capsys, journal, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", FENIX2_NOW)
    code, out, err = run(capsys, "import", "--yes", str(FENIX2))
    assert code == 0, err
    assert out.splitlines() == [
        "activity-small-fenix2-run.fit: Ended 17:32 · 47 min · 9.01 km · 5:14/km · HR 154/178 "
        "→ easy (none of the harder rules holds)",
        "  recorded as run #1 (easy)",
    ]
    [record] = runs(journal)
    assert record["time"] == "2015-08-15T17:32:20+02:00" and record["started"] == "2015-08-15T16:45:08+02:00"
    assert record["plan_date"] == "2015-08-15" and record["run_kind"] == "easy"
    assert (record["duration_s"], record["distance_m"], record["laps"]) == (2832.0, 9008.2, 4)
    assert (record["avg_hr"], record["max_hr"], record["sport"]) == (154, 178, "running")
    assert record["source"] == FENIX2.name and len(record["sha256"]) == 64
    assert record["load_formula"] == "trimp100" and 50 < record["load"] < 90
    assert record["kind_reasons"] == ["none of the harder rules holds"]


def test_json_has_one_object_per_file_with_each_status(capsys, journal, tmp_path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", FENIX2_NOW)
    junk = tmp_path / "junk.fit"
    junk.write_bytes(b"\x0e\x10this is not a FIT file at all")
    multisport = write_run(tmp_path / "brick.fit", datetime(2024, 11, 2, 9, tzinfo=UTC),
                           [Lap(600, 7.0, None)], sessions=_sports("CYCLING", "SWIMMING"), every=10)
    code, objects = dry_json(capsys, FENIX2, DATA / "fit" / "garmin-fenix-5-bike.fit", NO_CLOCK, junk, multisport)
    assert code == 0
    assert [o["status"] for o in objects] == ["new", "not a run", "no clock time", "damaged", "not a run"]
    assert all(set(o) >= JSON_KEYS for o in objects)
    first = objects[0]
    assert (first["start"], first["end"]) == ("2015-08-15T16:45:08+02:00", "2015-08-15T17:32:20+02:00")
    assert (first["duration_s"], first["moving_s"], first["distance_m"]) == (2832.0, 2832.0, 9008.22)
    assert (first["sport"], first["avg_hr"], first["max_hr"], first["kind"]) == ("running", 154, 178, "easy")
    assert objects[4]["reason"] == "a multisport file with no run leg (cycling, swimming)"
    assert runs(journal) == []  # --dry-run writes nothing


def _sports(*names):
    from fit_tool.profile.profile_type import Sport

    return [getattr(Sport, name) for name in names]


def test_nothing_importable_exits_1_and_says_why_by_name(capsys, journal, tmp_path):
    code, out, _err = run(capsys, "import", "--yes", str(NO_CLOCK), str(DATA / "fit" / "garmin-fenix-5-walk.fit"))
    assert code == 1
    assert "compressed-speed-distance.fit: no clock time: " in out
    assert "garmin-fenix-5-walk.fit: not a run: the file records walking, not a run" in out
    assert runs(journal) == []


def test_a_truncated_file_keeps_what_decoded_and_says_so(capsys, journal, tmp_path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", FENIX2_NOW)
    cut = tmp_path / "cut.fit"
    cut.write_bytes(FENIX2.read_bytes()[:60_000])
    code, out, err = run(capsys, "import", "--yes", str(cut))
    assert code == 0, err
    assert "truncated (the file ends early): kept what decoded" in out
    [record] = runs(journal)
    assert record["started"] == "2015-08-15T16:45:08+02:00" and 0 < record["duration_s"] < 2832


def test_a_changed_byte_is_damage(capsys, journal, tmp_path):
    data = bytearray(FR110.read_bytes())
    data[5000] ^= 0xFF
    (tmp_path / "bad.fit").write_bytes(bytes(data))
    code, objects = dry_json(capsys, tmp_path / "bad.fit")
    assert code == 1 and objects[0]["status"] == "damaged"


def test_the_same_file_twice_adds_nothing(capsys, journal, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", FENIX2_NOW)
    assert run(capsys, "import", "--yes", str(FENIX2))[0] == 0
    code, out, _err = run(capsys, "import", "--yes", str(FENIX2))
    assert code == 0
    assert "duplicate: already in the journal as run #1" in out
    assert len(runs(journal)) == 1


def test_the_same_run_from_another_file_is_a_duplicate_by_its_start(capsys, journal, tmp_path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", "2024-11-22T20:00:00+01:00")
    start = datetime(2024, 11, 22, 17, tzinfo=UTC)
    write_run(tmp_path / "a.fit", start, [Lap(1800, 3.0)], every=10)
    write_run(tmp_path / "b.fit", start, [Lap(1800, 3.0, 141)], every=10)  # other bytes, same run
    assert run(capsys, "import", "--yes", str(tmp_path / "a.fit"))[0] == 0
    _code, objects = dry_json(capsys, tmp_path / "b.fit")
    assert objects[0]["status"] == "duplicate"


def test_a_typed_run_is_completed_not_repeated(capsys, journal, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", FENIX2_NOW)
    assert run(capsys, "plan", "--ended", "18:30", "--kind", "long")[0] == 0  # typed an hour late
    assert run(capsys, "did", "hydrate", "stretch")[0] == 0
    code, out, err = run(capsys, "import", "--yes", str(FENIX2))
    assert code == 0, err
    assert "completed run #1 (typed before); its plan now starts at 17:32" in out
    assert "→ long (as you recorded it with run #1)" in out
    [record] = runs(journal)
    assert record["time"] == "2015-08-15T17:32:20+02:00" and record["practices"] == ["hydrate", "stretch"]
    assert record["run_kind"] == "long" and record["sha256"]
    code, out, err = run(capsys, "plan", "--json")
    assert json.loads(out)["run"]["ended"] == "2015-08-15T17:32:20+02:00"  # the open plan is re-timed


def test_an_earlier_typed_run_of_the_day_is_another_run(capsys, journal, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", FENIX2_NOW)
    assert run(capsys, "plan", "--ended", "07:30")[0] == 0  # the morning's run
    assert run(capsys, "import", "--yes", str(FENIX2))[0] == 0
    assert sorted(r["time"][11:16] for r in runs(journal)) == ["07:30", "17:32"]


def strava_zip(path: Path) -> Path:
    with zipfile.ZipFile(path, "w") as archive:
        archive.writestr(zipfile.ZipInfo("activities/100.fit.gz", (2015, 8, 15, 18, 0, 0)),
                         gzip.compress(FENIX2.read_bytes()))
        archive.writestr(zipfile.ZipInfo("activities/90.tcx", (2012, 12, 27, 8, 0, 0)), TCX.read_bytes())
        archive.writestr(zipfile.ZipInfo("activities/80.fit", (2013, 2, 6, 13, 0, 0)), FR110.read_bytes())
        archive.writestr("activities.csv", "id,name\n")
    return path


def test_a_zip_gives_its_newest_run_not_yet_imported_or_all_of_them(capsys, journal, tmp_path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", "2024-11-22T20:00:00+01:00")
    export = strava_zip(tmp_path / "export.zip")
    code, out, _ = run(capsys, "import", "--yes", str(export))
    assert code == 0 and out.startswith("export.zip:activities/100.fit.gz: Ended Sat 15 Aug 2015 17:32")
    code, out, _ = run(capsys, "import", "--yes", str(export))
    assert code == 0 and out.startswith("export.zip:activities/80.fit: ")  # the next newest
    code, out, _err = run(capsys, "import", "--yes", "--all", str(export))
    assert [line.split(": ")[0] for line in out.splitlines() if not line.startswith(" ")] == [
        "export.zip:activities/100.fit.gz", "export.zip:activities/80.fit", "export.zip:activities/90.tcx"]
    assert out.count("duplicate") == 2 and len(runs(journal)) == 3


def test_since_takes_the_runs_from_that_date(capsys, journal, tmp_path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", "2024-11-22T20:00:00+01:00")
    _code, objects = dry_json(capsys, "--since", "2013-01-01", strava_zip(tmp_path / "export.zip"))
    assert [o["file"] for o in objects] == ["export.zip:activities/100.fit.gz", "export.zip:activities/80.fit"]


def test_a_garmin_folder_gives_its_newest_run(capsys, journal, tmp_path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", FENIX2_NOW)
    folder = tmp_path / "GARMIN" / "Activity"
    folder.mkdir(parents=True)
    for name, age in ((FR110.name, 3000), (FENIX2.name, 10), ("garmin-fenix-5-bike.fit", 0)):
        (folder / name).write_bytes((DATA / "fit" / name).read_bytes())
        stamp = time.time() - age
        import os

        os.utime(folder / name, (stamp, stamp))
    code, objects = dry_json(capsys, tmp_path / "GARMIN")
    assert [(o["file"], o["status"]) for o in objects] == [("Activity/activity-small-fenix2-run.fit", "new")]
    empty = tmp_path / "empty"
    empty.mkdir()
    code, out, _err = run(capsys, "import", "--dry-run", str(empty))
    assert code == 1 and "holds no .fit, .tcx or .gpx file" in out


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_on_a_terminal_enter_keeps_the_kind_and_a_word_changes_it(capsys, journal, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", FENIX2_NOW)
    monkeypatch.setattr(sys, "stdin", Terminal("race\n"))
    code, _out, err = run(capsys, "import", str(FENIX2))
    assert code == 0 and "Enter records it as easy" in err
    [record] = runs(journal)
    assert record["run_kind"] == "race" and record["kind_reasons"] == ["as you said when importing"]


def test_skipping_on_the_terminal_records_nothing(capsys, journal, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", FENIX2_NOW)
    monkeypatch.setattr(sys, "stdin", Terminal("bogus\ns\n"))
    code, out, err = run(capsys, "import", str(FENIX2))
    assert code == 0 and "'bogus' is not a kind of run." in err and "not recorded" in out
    assert runs(journal) == []


def test_without_a_terminal_it_needs_yes_or_dry_run(capsys, journal, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.StringIO(""))
    code, _out, err = run(capsys, "import", str(FENIX2))
    assert code == 2 and "add --yes" in err and err.count("\n") == 1


def test_kind_option_wins(capsys, journal, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", FENIX2_NOW)
    _code, objects = dry_json(capsys, "--kind", "tempo", FENIX2)
    assert (objects[0]["kind"], objects[0]["kind_reasons"]) == ("tempo", ["as you said (--kind)"])


def test_bad_command_lines_exit_2(capsys, journal, tmp_path):
    assert run(capsys, "import", "--dry-run", "--all", "--since", "2024-01-01", str(FENIX2))[0] == 2
    assert run(capsys, "import", "--dry-run", "--since", "someday", str(FENIX2))[0] == 2
    assert run(capsys, "import", "--kind", "jog", str(FENIX2))[0] == 2
    code, out, _err = run(capsys, "import", "--dry-run", str(tmp_path / "missing.fit"))
    assert code == 1 and "missing.fit: damaged: there is no such file or folder" in out


def test_without_the_extra_it_says_how_to_install_it(capsys, journal, monkeypatch):
    monkeypatch.setitem(sys.modules, "fitdecode", None)  # find_spec says "not installed"
    code, out, err = run(capsys, "import", "--dry-run", str(FENIX2))
    assert code == 2 and out == ""
    assert err == "recovery-tui: import needs the import extra: in the recovery-tui folder, pip install '.[import]'\n"


@pytest.mark.parametrize(("name", "now", "ended"), [
    ("Europe/Berlin", "2024-11-22T20:00", "2024-11-22T18:45:00+01:00"),
    ("America/Los_Angeles", "2024-11-22T12:00", "2024-11-22T09:45:00-08:00"),
])
def test_a_file_without_local_time_is_read_in_this_computers_zone(capsys, journal, tmp_path, monkeypatch, zone,
                                                                    name, now, ended):
    zone(name)
    monkeypatch.setenv("RECOVERY_TUI_NOW", now)
    write_run(tmp_path / "run.fit", datetime(2024, 11, 22, 17, tzinfo=UTC), [Lap(2700, 3.0)], every=10)
    _code, objects = dry_json(capsys, tmp_path / "run.fit")
    assert objects[0]["end"] == ended


def test_a_watch_a_minute_ahead_ends_the_run_now(capsys, journal, tmp_path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", "2024-11-22T18:44:00+01:00")  # the file says 18:45
    write_run(tmp_path / "run.fit", datetime(2024, 11, 22, 17, tzinfo=UTC), [Lap(2700, 3.0)],
              local_offset=timedelta(hours=1), every=10)
    code, out, _err = run(capsys, "import", "--yes", str(tmp_path / "run.fit"))
    assert code == 0 and "the watch's clock is 1 min ahead: ended now" in out
    assert runs(journal)[0]["time"] == "2024-11-22T18:44:00+01:00"
    monkeypatch.setenv("RECOVERY_TUI_NOW", "2024-11-22T18:00:00+01:00")  # 45 min before the end
    code, objects = dry_json(capsys, tmp_path / "run.fit")
    assert objects[0]["status"] == "no clock time"


def test_a_run_after_midnight_belongs_to_the_day_it_ended_and_completes_the_typed_one(
        capsys, journal, tmp_path, monkeypatch, zone):
    zone("Europe/Berlin")
    monkeypatch.setenv("RECOVERY_TUI_NOW", "2024-11-23T00:50")
    assert run(capsys, "plan", "--ended", "00:40")[0] == 0
    write_run(tmp_path / "late.fit", datetime(2024, 11, 22, 22, 50, tzinfo=UTC), [Lap(3000, 3.0)], every=10)
    code, out, _err = run(capsys, "import", "--yes", str(tmp_path / "late.fit"))
    assert code == 0 and "completed run #1" in out
    [record] = runs(journal)
    assert record["time"] == "2024-11-23T00:40:00+01:00" and record["plan_date"] == "2024-11-23"
    assert record["started"] == "2024-11-22T23:50:00+01:00"


def test_the_runners_own_history_sets_the_usual_run(capsys, journal, tmp_path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", "2024-11-22T20:00:00+01:00")
    for day in (15, 17, 19):
        write_run(tmp_path / f"{day}.fit", datetime(2024, 11, day, 17, tzinfo=UTC), [Lap(1800, 3.0, 140)],
                  local_offset=timedelta(hours=1), every=10)
    assert run(capsys, "import", "--yes", "--all", str(tmp_path))[0] == 0
    write_run(tmp_path / "today.fit", datetime(2024, 11, 22, 17, tzinfo=UTC), [Lap(2700, 3.0, 140)],
              local_offset=timedelta(hours=1), every=10)
    code, objects = dry_json(capsys, tmp_path / "today.fit")
    assert code == 0 and (objects[0]["kind"], objects[0]["kind_reasons"]) == ("long", ["45 min ≥ 1.5× your usual 30 min"])

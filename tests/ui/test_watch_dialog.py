""""From the watch file…" on the "When did your run end?" dialog: the newest
files of the given places, read in a worker, the summary shown, then used."""

from __future__ import annotations

import os
from dataclasses import replace
from datetime import timedelta
from pathlib import Path

import pytest

from tests.clock import FakeClock
from tests.data.synthetic_fit import Lap, write_run
from tests.ui.helpers import EVENING, evening, make_app, settle, settle_workers, wait_until
from tui.core.journal.journal import Journal
from tui.dialogs.watch_file import WatchFileScreen

DATA = Path(__file__).resolve().parents[1] / "data"
SUMMARY = "Ended 21:30 · 30 min · 5.40 km · 5:33/km · HR 150/150 → easy (none of the harder rules holds)"


def watch_folder(tmp_path: Path) -> Path:
    """A watch mounted under tmp_path/media: in its GARMIN/Activity, tonight's run (newest) and a ride."""
    folder = tmp_path / "media" / "FENIX" / "GARMIN" / "Activity"
    folder.mkdir(parents=True)
    run = write_run(folder / "2026-11-22-21-00.fit", EVENING - timedelta(minutes=50), [Lap(1800, 3.0, 150)],
                    local_offset=timedelta(hours=1), every=5)
    ride = folder / "ride.fit"
    ride.write_bytes((DATA / "fit" / "garmin-fenix-5-bike.fit").read_bytes())
    for path, minutes in ((run, 19), (ride, 600)):
        stamp = (EVENING - timedelta(minutes=minutes)).timestamp()
        os.utime(path, (stamp, stamp))
    return folder


async def open_watch_dialog(pilot, listed: int | None = 2) -> WatchFileScreen:
    """r, then "From the watch file…"; waits for `listed` files (None: no wait)."""
    await pilot.press("r")
    await settle(pilot)
    await pilot.press("up", "enter")  # the last choice, "From the watch file…"
    await wait_until(pilot, lambda: isinstance(pilot.app.screen, WatchFileScreen))
    screen = pilot.app.screen
    if listed is not None:
        await wait_until(pilot, lambda: screen.choices.option_count == listed)
    return screen


def app_for(tmp_path: Path, mounted: bool, folder: Path | None = None):
    """The app with a watch mounted under tmp_path/media (or none) and `folder` as the watch-files folder."""
    clock = FakeClock()
    folder = folder or tmp_path / "empty-downloads"
    folder.mkdir(exist_ok=True)
    options = evening(clock)
    options["settings"] = replace(options["settings"], watch_folder=folder)
    return make_app(clock, journal_path=tmp_path / "j.json", watch_mounts=[str(tmp_path / "media")] if mounted else [],
                    **options)


async def test_the_newest_file_is_read_summarised_and_recorded(tmp_path):
    watch_folder(tmp_path)
    app = app_for(tmp_path, mounted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_watch_dialog(pilot)
        assert [str(screen.choices.get_option_at_index(i).prompt) for i in range(2)] == [
            "2026-11-22-21-00.fit (Sun 22 Nov 21:31)", "ride.fit (Sun 22 Nov 11:50)"]
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen.result is not None)
        assert str(screen.detail.render()) == SUMMARY
        assert str(screen.choices.get_option_at_index(0).prompt) == "Use this run"
        await pilot.press("enter")
        await wait_until(pilot, lambda: type(app.screen).__name__ == "PlanScreen")
        await settle_workers(app)
    with Journal(tmp_path / "j.json") as journal:
        [run] = [r for r in journal.records() if r["type"] == "run"]
    assert run["time"] == "2026-11-22T21:30:00+01:00" and run["source"] == "2026-11-22-21-00.fit"


async def test_a_ride_is_refused_with_its_reason_and_back_returns_to_the_list(tmp_path):
    watch_folder(tmp_path)
    app = app_for(tmp_path, mounted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_watch_dialog(pilot)
        await pilot.press("down", "enter")
        await wait_until(pilot, lambda: screen.result is not None)
        assert str(screen.detail.render()) == "not a run: the file records cycling, not a run"
        assert screen.detail.has_class("error") and screen.choices.option_count == 1
        await pilot.press("enter")  # Back to the list
        await wait_until(pilot, lambda: screen.choices.option_count == 2)
        await pilot.press("escape")
        await pilot.pause()
        assert not isinstance(app.screen, WatchFileScreen)
    assert not (tmp_path / "j.json").exists() or not Journal(tmp_path / "j.json").records()


async def test_no_files_says_where_it_looked(tmp_path):
    app = app_for(tmp_path, mounted=False, folder=tmp_path / "Exports")
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_watch_dialog(pilot, listed=None)
        await wait_until(pilot, lambda: "No .fit" in str(screen.detail.render()))
        assert str(screen.detail.render()) == (
            f"No .fit, .tcx or .gpx file in a mounted watch's GARMIN/Activity or in {tmp_path / 'Exports'}"
            " (the watch-files folder of the settings).")


async def test_the_watch_files_folder_of_the_settings_is_where_it_looks(tmp_path):
    """No watch mounted: the files come from the folder set in the settings, one level down too."""
    exports = tmp_path / "Exports"
    (exports / "activities").mkdir(parents=True)
    mounted = watch_folder(tmp_path)
    (mounted / "ride.fit").rename(exports / "activities" / "ride.fit")
    (mounted / "2026-11-22-21-00.fit").rename(exports / "2026-11-22-21-00.fit")
    (exports / ".hidden").mkdir()
    (exports / ".hidden" / "old.fit").write_bytes(b"")
    app = app_for(tmp_path, mounted=False, folder=exports)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_watch_dialog(pilot)
        assert [str(screen.choices.get_option_at_index(i).prompt) for i in range(2)] == [
            "2026-11-22-21-00.fit (Sun 22 Nov 21:31)", "ride.fit (Sun 22 Nov 11:50)"]


async def test_without_the_extra_the_dialog_says_how_to_install_it(tmp_path, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "gpxpy", None)
    watch_folder(tmp_path)
    app = app_for(tmp_path, mounted=True)
    async with app.run_test(size=(80, 24)) as pilot:
        await open_watch_dialog(pilot, listed=None)
        assert "pip install '.[import]'" in str(app.screen.detail.render())


@pytest.mark.slow
def test_snapshot_of_the_summary_at_80x24(snap_compare, tmp_path):
    watch_folder(tmp_path)

    async def run_before(pilot):
        screen = await open_watch_dialog(pilot)
        await pilot.press("enter")
        await wait_until(pilot, lambda: screen.result is not None)
        await pilot.pause()

    assert snap_compare(app_for(tmp_path, mounted=True), terminal_size=(80, 24), run_before=run_before)

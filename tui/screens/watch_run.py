"""The app's side of "From the watch file…" (just_ran's WATCH answer): where to
look (a mounted watch, then the settings' watch-files folder), how a picked
file is read (as `recovery-tui import` reads it, against the journal), and
the write, through the app's one write path."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

from tui.app_services import AppServices
from tui.threads import in_thread

if TYPE_CHECKING:
    from tui.core.watch.examine import Examined
    from tui.core.watch.sources import ActivityFile


async def pick_watch_run(app: AppServices, now: datetime) -> dict | None:
    from tui.core.common.folder_setting import watch_folder
    from tui.core.watch.examine import DUPLICATE, examine
    from tui.core.watch.kinds import HISTORY, usual_run
    from tui.core.watch.places import recent_files, usual_places
    from tui.core.watch.recording import record
    from tui.dialogs.watch_file import WatchFileScreen

    journal = app.journal
    if journal is None:
        app.notify("The journal is not available: a run from a watch file cannot be recorded.", severity="warning")
        return None
    units = app.settings.units
    folder = watch_folder(app.settings.watch_folder, Path.home())

    def find_files() -> list[ActivityFile]:
        return recent_files(usual_places(folder, app.watch_mounts))

    def read_file(file: ActivityFile) -> Examined:
        with journal.reading():
            usual = usual_run(journal.records(now - HISTORY, kinds=("run",)), now)
            return examine(file, journal, usual, now, None, units)

    examined = await app.push_screen_wait(WatchFileScreen(now, find_files, read_file, units, folder))
    if examined is None:
        return None
    if examined.status == DUPLICATE:
        return examined.existing
    saved = await in_thread(app, lambda: app.write_now("run", lambda j: record(j, examined)), group="plan")
    if saved is None and examined.status == DUPLICATE:  # imported meanwhile, by another copy
        return examined.existing
    return saved

"""The app's side of "From the watch file…" (AppFlows.watch_run): where to
look, how a picked file is read (as `recovery-tui import` reads it, against
the journal), and the write, through the app's one write path."""

from __future__ import annotations

import asyncio
from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from tui.app_flows import AppFlows
    from tui.core.watch.examine import Examined
    from tui.core.watch.sources import ActivityFile


async def pick_watch_run(flows: AppFlows, now: datetime) -> dict | None:
    from tui.core.watch.examine import DUPLICATE, examine
    from tui.core.watch.kinds import HISTORY, usual_run
    from tui.core.watch.places import recent_files, usual_places
    from tui.core.watch.recording import record
    from tui.dialogs.watch_file import WatchFileScreen

    app = flows.app
    journal = app.journal
    if journal is None:
        app.notify("The journal is not available: a run from a watch file cannot be recorded.", severity="warning")
        return None
    units = app.settings.units

    def find_files() -> list[ActivityFile]:
        places = app.watch_places if app.watch_places is not None else usual_places(Path.home())
        return recent_files(places)

    def read_file(file: ActivityFile) -> Examined:
        with journal.reading():
            usual = usual_run([r for r in journal.records(now - HISTORY) if r["type"] == "run"], now)
            return examine(file, journal, usual, now, None, units)

    examined = await app.push_screen_wait(WatchFileScreen(now, find_files, read_file, units))
    if examined is None:
        return None
    if examined.status == DUPLICATE:
        return examined.existing
    saved = await asyncio.to_thread(flows.write_now, "run", lambda j: record(j, examined))
    if saved is None and examined.status == DUPLICATE:  # imported meanwhile, by another copy
        return examined.existing
    return saved

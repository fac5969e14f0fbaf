"""The app merges what a sync engine left when it opens the journal, and says so in one toast."""

from __future__ import annotations

import os
from datetime import timedelta

from tests.sync.folder import ENGINES, START
from tests.ui.helpers import FIXED_NOW, make_app, settle
from tui.core.common.paths import own_files_folder
from tui.core.journal.journal import Journal


async def test_the_app_merges_a_conflict_copy_and_says_so(tmp_path):
    a, b = tmp_path / "a", tmp_path / "b"
    with Journal(a / "journal.json", now=lambda: FIXED_NOW) as journal:
        journal.add_soreness(3, note="on A", when=FIXED_NOW - timedelta(hours=2))
    with Journal(b / "journal.json", now=lambda: FIXED_NOW) as journal:
        journal.add_soreness(4, note="on B", when=FIXED_NOW - timedelta(hours=1))
    copy = a / ENGINES["syncthing"]("journal.json", START)
    os.replace(b / "journal.json", copy)
    app = make_app(journal_path=a / "journal.json")
    async with app.run_test(size=(100, 30), notifications=True) as pilot:
        await pilot.pause()
        await settle(pilot)
        shown = "\n".join(str(toast.render()) for toast in app.screen.query("Toast"))
        assert "Merged 1 record(s) from a copy made on another device" in shown
    assert (own_files_folder(a / "journal.json") / "merged" / copy.name).exists()
    with Journal(a / "journal.json") as journal:
        assert sorted(r["note"] for r in journal.records()) == ["on A", "on B"]

"""Home loads the code of History and Insights after its first frame, off the UI thread."""

from __future__ import annotations

import threading

import tui.screens.home
from tests.ui.helpers import make_app, wait_until


async def test_history_code_is_loaded_in_the_background_once_home_is_drawn(monkeypatch, tmp_path):
    loaded: list[tuple[str, bool]] = []
    real = tui.screens.home.import_module

    def recording(name):
        loaded.append((name, threading.current_thread() is threading.main_thread()))
        return real(name)

    monkeypatch.setattr(tui.screens.home, "import_module", recording)
    app = make_app(journal_path=tmp_path / "journal.json")
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: len(loaded) == 2)
        assert loaded == [("tui.screens.history", False), ("tui.screens.insights", False)]


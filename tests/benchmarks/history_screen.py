"""Opening History on the 10-year journal (run_test): from pressing h on
home until the table holds its rows, the load worker is done and the screen
has been refreshed. A fresh app for each run.

    python -m tests.benchmarks.history_screen JOURNAL   (prints JSON)
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

from tests.benchmarks.common import RUNS, Figure, Home, median, run_module

LIMIT = 0.150


async def open_once(journal: Path) -> float:
    from textual.widgets import DataTable, Label

    from tests.ui.helpers import make_app
    from tui.core.when import local_now

    with Home(journal) as home:
        app = make_app(journal_path=home.journal, now=local_now)  # real time, like the journal's
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause(0.3)
            await app.workers.wait_for_complete()
            await pilot.pause()
            start = time.perf_counter()
            await pilot.press("h")
            while True:
                screen = app.screen
                if type(screen).__name__ == "HistoryScreen":
                    table = screen.query_one(DataTable)
                    stats = screen.query_one("#history-stats", Label)
                    loading = "Loading" in str(stats.render())
                    if table.row_count and not loading:
                        break
                if time.perf_counter() - start > 60:
                    raise TimeoutError(f"History not drawn after 60 s on {screen!r}")
                await asyncio.sleep(0.001)
            await app.workers.wait_for_complete()
            await pilot.pause()  # the refresh that draws it
            return time.perf_counter() - start


def times(journal: Path, runs: int = RUNS) -> list[float]:
    asyncio.run(open_once(journal))  # warm-up: imports, CSS
    return [asyncio.run(open_once(journal)) for _ in range(runs)]


def measure(journal: Path) -> list[Figure]:
    samples = run_module("history_screen", str(journal))["times"]
    value = median(samples)
    return [Figure("history screen opens", round(value * 1000, 1), "ms", "<= 150 ms", value <= LIMIT,
                   f"press h until rows drawn, median of {len(samples)}")]


if __name__ == "__main__":
    print(json.dumps({"times": times(Path(sys.argv[1]), int(sys.argv[2]) if len(sys.argv) > 2 else RUNS)}))

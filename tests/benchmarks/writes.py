"""Saving to the 10-year journal.

- p95 of 200 saves of one soreness rating (Journal.add_soreness, as the app
  and `log` save it), each timed on its own; stops early at a time budget.
- Keys during a save: the app on the 10-year journal (run_test), a rating
  saved with app.write (a thread worker, as the soreness form saves) while a key is posted every
  20 ms; the figure is the slowest key of each save, median over the saves.

    python -m tests.benchmarks.writes p95|keys JOURNAL   (prints JSON)
"""

from __future__ import annotations

import asyncio
import json
import sys
import time
from pathlib import Path

from tests.benchmarks.common import RUNS, Figure, Home, median, percentile, run_module

SAVES = 200
BUDGET = 60.0  # seconds; a far-too-slow save must not stall the whole suite
KEY_EVERY = 0.02


def p95(journal: Path) -> dict:
    from tui.core.journal.journal import Journal

    times = []
    with Home(journal) as home, Journal(home.journal) as store:
        started = time.perf_counter()
        for n in range(SAVES):
            begin = time.perf_counter()
            store.add_soreness(n % 11, {"calves": n % 11}, note="benchmark")
            times.append(time.perf_counter() - begin)
            if time.perf_counter() - started > BUDGET:
                break
    return {"p95": percentile(times, 0.95), "median": median(times), "count": len(times)}


async def _keys(journal: Path, saves: int) -> dict:
    from textual import events
    from textual.widgets import OptionList

    from tests.ui.helpers import make_app
    from tui.core.common.when import local_now
    from tui.core.journal.writer import rating_change

    worst, all_keys = [], []
    with Home(journal) as home:
        app = make_app(journal_path=home.journal, now=local_now)  # real time, like the journal's
        async with app.run_test(size=(100, 30)) as pilot:
            await pilot.pause(0.5)
            await app.workers.wait_for_complete()
            options = app.screen.query_one("#routine-list", OptionList)

            async def press(key: str) -> float:
                before = options.highlighted
                posted = time.perf_counter()
                app.post_message(events.Key(key, None))
                while options.highlighted == before:
                    if time.perf_counter() - posted > 5:
                        raise RuntimeError(f"key {key!r} not handled on {app.screen!r}")
                    await asyncio.sleep(0.0005)
                return time.perf_counter() - posted

            idle = []
            for n in range(10):  # the same keys with no save running
                idle.append(await press("up" if n % 2 else "down"))
                await asyncio.sleep(KEY_EVERY)
            for n in range(saves):
                worker = app.write("rating", rating_change(n % 11, {"calves": 3}, [], "benchmark", when=app.now()))
                latencies, key = [], "down"
                while True:  # at least one key, pressed as the save starts
                    latencies.append(await press(key))
                    key = "up" if key == "down" else "down"
                    if worker.is_finished:
                        break
                    await asyncio.sleep(KEY_EVERY)
                await app.workers.wait_for_complete()
                worst.append(max(latencies))
                all_keys += latencies
    return {"worst": worst, "keys": len(all_keys), "idle": median(idle)}


def keys(journal: Path, saves: int = RUNS) -> dict:
    return asyncio.run(_keys(journal, saves))


def measure(journal: Path) -> list[Figure]:
    saved = run_module("writes", "p95", str(journal))
    cut = "" if saved["count"] == SAVES else f" (stopped after {saved['count']}: {BUDGET:.0f} s budget)"
    keyed = run_module("writes", "keys", str(journal))
    worst = median(keyed["worst"])
    return [
        Figure("write: one record, p95 of 200", round(saved["p95"] * 1000, 1), "ms", "<= 50 ms",
               saved["p95"] <= 0.050, f"median {saved['median'] * 1000:.1f} ms{cut}"),
        Figure("write: key handled during a save", round(worst * 1000, 1), "ms", "<= 50 ms",
               worst <= 0.050,
               f"slowest key of each save, median of {len(keyed['worst'])} saves "
               f"({keyed['keys']} keys; {keyed['idle'] * 1000:.1f} ms with no save)"),
    ]


if __name__ == "__main__":
    what, path = sys.argv[1], Path(sys.argv[2])
    print(json.dumps(p95(path) if what == "p95" else keys(path)))

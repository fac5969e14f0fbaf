"""Opening History on the 10-year journal, in a real terminal (tmux): `h` is
sent the moment home's first frame is drawn (routine list, preview, footer),
while home is still loading its notices, and the time runs until capture-pane
shows the stats, the trend, the newest record's row and the footer.

A real terminal rather than run_test: under run_test, Pilot adds about 85 ms
of its own to a key that does nothing at all (measured on this machine), more
than half the target.
"""

from __future__ import annotations

import time
from pathlib import Path

from tests.benchmarks.common import APP, ROUNDS, Figure, Home, Tmux, median
from tests.benchmarks.startup import HOME_DRAWN

LIMIT_MS = 150
# capture-pane every 5 ms, as for the first frame: each poll starts a tmux
# client, and polling every 2 ms took CPU from the app on this 2-core machine
# (medians about 10 ms higher in side-by-side runs).
POLL = 0.005


def newest_row(journal: Path) -> str:
    """The When cell of the row History shows first."""
    from tui.core.common.when import local_now
    from tui.core.journal.journal import Journal
    from tui.core.plan.practices import PracticeNames
    from tui.screens.history import record_row

    with Journal(journal) as opened:
        return record_row(opened.latest(1)[0], PracticeNames(), local_now())[0]


def open_times(journal: Path, key: str, drawn: tuple[str, ...], runs: int = ROUNDS,
               settle: float = 0.0, timeout: float = 30) -> list[float]:
    """Seconds from `key` on home (`settle` s after its first frame) until every
    text of `drawn` is on screen (TimeoutError after `timeout` s), per round."""
    tmux = Tmux()
    samples = []
    try:
        with Home(journal) as home:
            for round_ in range(runs + 1):  # round 0 warms caches and is not counted
                home.refresh(journal)
                name, pid = tmux.start([APP], home.env)
                tmux.wait_for(name, HOME_DRAWN)
                time.sleep(settle)
                start = time.perf_counter()
                tmux.keys(name, key)
                seconds = tmux.wait_for(name, drawn, timeout=timeout, interval=POLL) - start
                if round_:
                    samples.append(seconds)
                tmux.kill(name, pid)
    finally:
        tmux.close()
    return samples


def times(journal: Path, runs: int = ROUNDS) -> list[float]:
    return open_times(journal, "h", ("records", "Soreness, last 28 days", newest_row(journal), "Back"), runs)


def measure(journal: Path) -> list[Figure]:
    samples = times(journal)
    value = median(samples) * 1000
    return [Figure("history screen opens", round(value, 1), "ms", f"<= {LIMIT_MS} ms", value <= LIMIT_MS,
                   f"tmux: h the moment home is drawn, until stats, trend, newest row and footer are drawn; "
                   f"median of {len(samples)} ({', '.join(f'{s * 1000:.0f}' for s in samples)})")]

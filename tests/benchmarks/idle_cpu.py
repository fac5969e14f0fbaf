"""Idle CPU: the app paused on the session screen for 30 s (in tmux).

`recovery-tui start legs-up-the-wall` on the 10-year journal, space to pause,
a short settle, then utime+stime from /proc over 30 s. Five copies at once
share the one 30 s window.
"""

from __future__ import annotations

import time
from pathlib import Path

from tests.benchmarks.common import APP, RUNS, Figure, Home, Tmux, cpu_seconds, median

WINDOW = 30.0
SETTLE = 3.0
SESSION_DRAWN = ("Legs up the wall · 1 of 2", "Pause")


class IdleApps:
    def __init__(self, tmux: Tmux, journal: Path, copies: int = RUNS) -> None:
        self.tmux = tmux
        self.apps = []
        for _ in range(copies):
            home = Home(journal)
            name, pid = tmux.start([APP, "--quiet", "start", "legs-up-the-wall"], home.env)
            self.apps.append((home, name, pid))
        for _home, name, _pid in self.apps:
            tmux.wait_for(name, SESSION_DRAWN, interval=0.1)
            tmux.keys(name, "space")
            tmux.wait_for(name, ("PAUSED",), interval=0.1)
        time.sleep(SETTLE)  # the home screen's notices worker has long finished
        self.started = time.monotonic()
        self.before = [cpu_seconds(pid) for _, _, pid in self.apps]

    def finish(self) -> Figure:
        time.sleep(max(0.0, self.started + WINDOW - time.monotonic()))
        elapsed = time.monotonic() - self.started
        used = [cpu_seconds(pid) - before for (_, _, pid), before in zip(self.apps, self.before, strict=True)]
        still_paused = all("PAUSED" in self.tmux.screen(name) for _, name, _ in self.apps)
        for home, name, pid in self.apps:
            self.tmux.kill(name, pid)
            home.cleanup()
        percent = [100 * u / elapsed for u in used]
        value = median(percent)
        return Figure("idle CPU, session paused 30 s", round(value, 2), "% of a core", "< 1 %",
                      value < 1 and still_paused,
                      f"{len(percent)} apps: " + ", ".join(f"{p:.2f}" for p in percent))

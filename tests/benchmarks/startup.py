"""Time to first frame and peak memory, in a real terminal (tmux).

The first frame is the home screen fully settled: the routine list, the
preview, the footer and the pain notice that the 10-year journal's last
rating makes due, with nothing on screen changing for 0.4 s afterwards. The
time is from starting the process to the last change; the one-Label app is
timed the same way in the same round (order alternating). Then History is
opened in the app and the peak RSS (VmHWM) of both processes is read.
"""

from __future__ import annotations

import time
from pathlib import Path

from tests.benchmarks.common import APP, PYTHON, ROUNDS, Figure, Home, Tmux, median, peak_rss_kb, ratio_figure
from tests.benchmarks.minimal_app import TEXT

MINIMAL = [PYTHON, str(Path(__file__).with_name("minimal_app.py"))]
HOME_DRAWN = ("Legs up the wall", "Press Enter to start.", "Quit")  # routine list, preview, footer
PAIN_NOTICE = "pain flagged in calves"  # generate_journal(pain_due=True)
HOME_SETTLED = (*HOME_DRAWN, PAIN_NOTICE)
HISTORY_DRAWN = ("records", "Soreness, last 28 days", "Back")
QUIET = 0.4  # seconds without a change that make a screen settled
SETTLE = 1.0  # seconds on the final screen before reading peak memory
PAUSE = 0.3  # seconds between one process's end and the next start, for either app


def first_frame(tmux: Tmux, argv: list[str], env: dict, drawn: tuple[str, ...]) -> tuple[str, int, float]:
    start = time.perf_counter()
    name, pid = tmux.start(argv, env)
    return name, pid, tmux.settled(name, drawn, QUIET) - start


def measure(journal: Path, runs: int = ROUNDS) -> list[Figure]:
    tmux = Tmux()
    app_ttff, min_ttff, app_rss, min_rss = [], [], [], []
    try:
        with Home(journal) as home:
            for round_ in range(runs + 1):  # round 0 warms caches and is not counted
                order = ("app", "minimal") if round_ % 2 else ("minimal", "app")
                for which in order:
                    if which == "minimal":
                        name, pid, seconds = first_frame(tmux, MINIMAL, home.env, (TEXT,))
                        time.sleep(SETTLE)
                        rss = peak_rss_kb(pid)
                        if round_:
                            min_ttff.append(seconds)
                            min_rss.append(rss)
                    else:
                        name, pid, seconds = first_frame(tmux, [APP], home.env, HOME_SETTLED)
                        tmux.keys(name, "h")
                        tmux.wait_for(name, HISTORY_DRAWN, timeout=60, interval=0.05)
                        time.sleep(SETTLE)
                        rss = peak_rss_kb(pid)
                        if round_:
                            app_ttff.append(seconds)
                            app_rss.append(rss)
                    tmux.kill(name, pid)
                    if which == "app":
                        home.refresh(journal)  # in case the app changed it
                    time.sleep(PAUSE)
    finally:
        tmux.close()
    ttff = ratio_figure("time to first frame", app_ttff, min_ttff, 1.25,
                        f"tmux capture-pane: home settled (routine list, preview, footer and the pain "
                        f"notice, then {QUIET} s without a change), 10-year journal")
    ratio = median(app_rss) / median(min_rss)
    memory = Figure("memory (peak RSS on History)", round(ratio, 2), "x", "<= 1.3 x", ratio <= 1.3,
                    f"{median(app_rss) / 1024:.1f} MiB vs minimal app {median(min_rss) / 1024:.1f} MiB")
    return [ttff, memory]

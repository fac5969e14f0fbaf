"""`export` on journals of 1, 10 and 100 years: peak memory and time.

Each round runs `recovery-tui export --format csv` (and `--format json`) on
each journal, output to /dev/null, under GNU time for its peak RSS. Export streams, so the peak at 100 years must stay within 1.5x of
the peak at 1 year. Time must be linear in records: the cost of each record
beyond the first year's (the 1-year time holds start-up) is compared between
10 and 100 years.
"""

from __future__ import annotations

import json
import subprocess
import time
from pathlib import Path

from tests.benchmarks.common import APP, RUNS, Figure, Home, median, on_one_cpu
from tui.core.common.paths import own_files_folder

MEMORY_LIMIT = 1.5
LINEAR_LIMIT = 1.25
GNU_TIME = "/usr/bin/time"
FORMATS = ("csv", "json")


def run_measured(env: dict, args: list[str]) -> tuple[float, int]:
    """(wall seconds, peak RSS in KiB) of one command to /dev/null. GNU time
    reports the peak: it starts the command from its own small process, while
    wait4() on a child of this one would count what the fork copied from here."""
    start = time.perf_counter()
    done = subprocess.run([GNU_TIME, "-f", "%M", APP, *args], env=env,
                          stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(args)} failed: {done.stderr[-500:]}")
    return elapsed, int(done.stderr.strip().splitlines()[-1])


def record_count(journal: Path) -> int:
    """Records in the journal file and its archive months."""
    files = [journal, *sorted((own_files_folder(journal) / "archive").glob("*.json"))]
    return sum(len(json.loads(f.read_text()).get("records", {})) for f in files)


def measure(journals: dict[str, Path], runs: int = RUNS) -> list[Figure]:
    """`journals`: name -> journal, smallest first ("1 year", "10 years", "100 years")."""
    commands = {f"export --format {fmt}": ["export", "--format", fmt] for fmt in FORMATS}
    return measure_commands(journals, commands, ("export --format csv",), runs)


def measure_commands(journals: dict[str, Path], commands: dict[str, list[str]], linear: tuple[str, ...],
                     runs: int = RUNS) -> list[Figure]:
    """Peak memory of each of `commands` (name -> arguments) at the largest of
    `journals` against the smallest, and time per record of those named in `linear`."""
    small, mid, big = journals
    counts = {name: record_count(path) for name, path in journals.items()}
    seconds: dict[tuple[str, str], list[float]] = {(cmd, name): [] for cmd in commands for name in journals}
    peak: dict[tuple[str, str], list[int]] = {(cmd, name): [] for cmd in commands for name in journals}
    homes = {name: Home(path) for name, path in journals.items()}
    try:
        with on_one_cpu():
            for round_ in range(runs + 1):  # round 0 warms the page cache
                for cmd, args in commands.items():
                    for name, home in homes.items():
                        taken, rss = run_measured(home.env, args)
                        if round_:
                            seconds[cmd, name].append(taken)
                            peak[cmd, name].append(rss)
    finally:
        for home in homes.values():
            home.cleanup()
    figures = []
    for cmd in commands:
        low, high = median(peak[cmd, small]), median(peak[cmd, big])
        ratio = high / low
        figures.append(Figure(
            f"{cmd}: peak memory, {big} vs {small}", round(ratio, 2), "x",
            f"<= {MEMORY_LIMIT} x", ratio <= MEMORY_LIMIT,
            f"{high / 1024:.1f} MiB for {counts[big]} records vs {low / 1024:.1f} MiB for {counts[small]}"))
    for cmd in linear:
        t = {name: median(seconds[cmd, name]) for name in journals}
        per_mid = (t[mid] - t[small]) / (counts[mid] - counts[small])
        per_big = (t[big] - t[small]) / (counts[big] - counts[small])
        ratio = per_big / per_mid
        figures.append(Figure(
            f"{cmd}: time per record, {big} vs {mid}", round(ratio, 2), "x",
            f"<= {LINEAR_LIMIT} x", ratio <= LINEAR_LIMIT,
            f"{t[small]:.2f} s / {t[mid]:.2f} s / {t[big]:.2f} s for {counts[small]} / {counts[mid]} / "
            f"{counts[big]} records; each record past the {small}'s: {per_mid * 1e6:.0f} us at {mid}, "
            f"{per_big * 1e6:.0f} us at {big}"))
    return figures

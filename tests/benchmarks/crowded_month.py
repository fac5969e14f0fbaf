"""A month with 100,000 records (logged by a script): `log` and History's open.

The journal holds a normal 10-year history before this month, then 100,000
soreness ratings spread over this month up to now, stored as the app's saves
would have left them (Journal.archive_old_months, which also rotates a
crowded journal into parts of its month: rotation.py). Figures (issue 24,
"A month with very many records"):
- `log` on it against `log` on the 10-year journal, wall time and peak memory
  (a save must not cost more because the month is full), in interleaved
  rounds on one CPU, as cli_speed.py times the commands;
- History opening on it, in tmux, as history_screen.py times it, over RUNS
  rounds rather than ROUNDS: each open read the whole month, seconds each,
  when this figure joined the suite (since session 6 reads are bounded by
  what their rules need: window.py).

    python -m tests.benchmarks.crowded_month PATH   (writes the journal, prints its size)
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import time
from datetime import date, datetime, timedelta
from pathlib import Path

from tests.benchmarks.cli_speed import LOG
from tests.benchmarks.common import APP, RUNS, Figure, Home, median, on_one_cpu
from tests.benchmarks.generate_journal import generate
from tests.benchmarks.history_screen import open_times
from tests.benchmarks.startup import HISTORY_DRAWN
from tui.core.journal.records import SCHEMA_VERSION

RECORDS = 100_000
LIMIT = 1.5  # x the same command on the 10-year journal
HISTORY_LIMIT_MS = 300
HISTORY_TIMEOUT = 120  # seconds for one open (about 19 s on a loaded 2-CPU machine before it was bounded)


def crowded(now: datetime, records: int = RECORDS, years: int = 10) -> dict:
    """The tables: `years` of history ending yesterday, and `records` ratings
    in `now`'s month, evenly spread from its first moment until `now`."""
    data = generate(years=years, end=now.date() - timedelta(days=1))
    table = data["records"]
    start = now.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    step = (now - start) / (records + 1)
    first = len(table) + 1
    for n in range(records):
        when = start + step * (n + 1)
        table[str(first + n)] = {
            "v": SCHEMA_VERSION, "type": "soreness", "time": when.isoformat(), "overall": n % 11,
            "areas": {"calves": n % 11}, "pain": [], "note": "logged by a script", "session": None,
            "uid": f"bench-crowded-{n:06d}",
        }
    return data


def write_crowded(path: Path, now: datetime, records: int = RECORDS) -> int:
    """Write the journal to `path` as the app would have kept it; the record count."""
    data = crowded(now, records)
    write_as_kept(path, data, now)
    return len(data["records"])


def write_as_kept(path: Path, data: dict, now: datetime) -> None:
    """Write `data` (its tables) to `path`, then let the journal move its old
    months to the archive, as the app's saves would have left them."""
    from tui.core.journal.journal import Journal
    from tui.core.journal.storage import SafeJSONStorage

    storage = SafeJSONStorage(path, create_dirs=True)
    try:
        storage.write(data)
    finally:
        storage.close()
    with Journal(path, now=lambda: now) as journal:
        journal.archive_old_months()


def kept_crowded() -> Path:
    """The crowded journal of today, written once and kept in the temp folder."""
    folder = Path(tempfile.gettempdir()) / f"rtui-journal-crowded-{date.today().isoformat()}-kinds"  # parts say what they hold
    journal, done = folder / "journal.json", folder / "complete"
    if not done.exists():
        write_crowded(journal, datetime.now().astimezone() - timedelta(minutes=5))
        done.touch()
    return journal


def run_log(env: dict) -> tuple[float, int]:
    """(wall seconds, peak RSS in kB) of one `log`, which must succeed."""
    start = time.perf_counter()
    child = subprocess.Popen([APP, *LOG], env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError("recovery-tui log failed")
    return time.perf_counter() - start, usage.ru_maxrss


def measure(journal: Path, runs: int = RUNS) -> list[Figure]:
    full = kept_crowded()
    wall: dict[str, list[float]] = {"crowded": [], "normal": []}
    memory: dict[str, list[int]] = {"crowded": [], "normal": []}
    with Home(journal) as normal, Home(full) as crowded_home, on_one_cpu():
        for round_ in range(runs + 1):  # round 0 warms caches
            for name, home, source in (("normal", normal, journal), ("crowded", crowded_home, full)):
                home.refresh(source)
                seconds, peak = run_log(home.env)
                if round_:
                    wall[name].append(seconds)
                    memory[name].append(peak)
    ratio = median([c / n for c, n in zip(wall["crowded"], wall["normal"], strict=True)])
    rss = median(memory["crowded"]) / median(memory["normal"])
    opened = open_times(full, "h", HISTORY_DRAWN, runs, timeout=HISTORY_TIMEOUT)
    opens = median(opened) * 1000
    what = f"{RECORDS:,} records in this month"
    return [
        Figure(f"quick entry (log), {what}", round(ratio, 2), "x", f"<= {LIMIT} x", ratio <= LIMIT,
               f"vs log on the 10-year journal: {median(wall['crowded']) * 1000:.0f} ms vs "
               f"{median(wall['normal']) * 1000:.0f} ms (medians of {runs})"),
        Figure(f"quick entry (log): peak memory, {what}", round(rss, 2), "x", f"<= {LIMIT} x", rss <= LIMIT,
               f"vs the 10-year journal: {median(memory['crowded']) / 1000:.0f} MB vs "
               f"{median(memory['normal']) / 1000:.0f} MB"),
        Figure(f"history screen opens, {what}", round(opens, 1), "ms", f"<= {HISTORY_LIMIT_MS} ms",
               opens <= HISTORY_LIMIT_MS,
               f"tmux, as history screen opens; median of {len(opened)} "
               f"({', '.join(f'{s * 1000:.0f}' for s in opened)})"),
    ]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    args = parser.parse_args()
    count = write_crowded(args.path, datetime.now().astimezone())
    print(f"{count} records, journal.json {args.path.stat().st_size / 1e6:.2f} MB: {args.path}", file=sys.stderr)


if __name__ == "__main__":
    main()

"""The performance benchmark suite: `python -m tests.benchmarks.run`.

Prints figure | value | target | pass/fail, writes the same as JSON to
tests/benchmarks/results/latest.json and, after a whole run, as the table of
docs/performance.md (tests/benchmarks/report.py). Every figure is a median of at least
5 runs; timing targets are ratios against a baseline measured in the same
run, except the absolute ones of issue #6. Exit status 1 if a target is missed.

The real-time part runs first: 5 apps paused in a session (idle CPU) and
5 apps running a 60 s routine against 2 CPU hogs share one ~70 s window.
Everything else then runs one at a time on a quiet machine.
"""

from __future__ import annotations

import argparse
import json
import os
import platform
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from tests.benchmarks import (
    cli_speed,
    crowded_month,
    export_speed,
    history_screen,
    history_speed,
    import_speed,
    insights_speed,
    report,
    startup,
    timer_accuracy,
    writes,
)
from tests.benchmarks.common import ROOT, ROUNDS, RUNS, Figure, Tmux, cpu_hogs, stop
from tests.benchmarks.generate_journal import kept_journal, write_journal
from tests.benchmarks.idle_cpu import IdleApps
from tui.core.common.paths import own_files_folder

RESULTS = Path(__file__).with_name("results")


def machine() -> dict:
    model = "unknown"
    with open("/proc/cpuinfo") as info:
        for line in info:
            if line.startswith("model name"):
                model = line.split(":", 1)[1].strip()
                break
    return {"cpus": os.cpu_count(), "cpu": model, "python": platform.python_version(),
            "platform": platform.platform()}


def real_time(journal: Path) -> list[Figure]:
    tmux = Tmux()
    hogs = []
    try:
        idle = IdleApps(tmux, journal)
        hogs = cpu_hogs(2)
        runs = timer_accuracy.start_real(tmux, journal)
        idle_figure = idle.finish()
        late = timer_accuracy.finish_real(tmux, runs)
    finally:
        stop(hogs)
        tmux.close()
    return [timer_accuracy.real_figure(late), idle_figure]


def commit() -> str:
    """The commit measured, marked when the tree has changes of its own."""
    def git(*args: str) -> str:
        return subprocess.run(["git", *args], cwd=ROOT, capture_output=True, text=True).stdout.strip()
    head = git("rev-parse", "--short", "HEAD") or "unknown"
    return f"{head} with changes" if git("status", "--porcelain", "--untracked-files=no") else head


def main() -> int:
    parser = argparse.ArgumentParser(description="Run the performance benchmarks.")
    parser.add_argument("--skip-real-time", action="store_true",
                        help="leave out the 60 s timer and 30 s idle figures")
    args = parser.parse_args()
    began = time.monotonic()
    with tempfile.TemporaryDirectory(prefix="rtui-journal-") as folder:
        journal = Path(folder) / "journal.json"
        count = write_journal(journal, pain_due=True)  # home shows the pain notice
        one_year, big = kept_journal(1), kept_journal(99)
        months = sorted((own_files_folder(journal) / "archive").glob("*.json"))
        print(f"10-year journal: {count} records; journal.json {journal.stat().st_size / 1e3:.0f} kB, "
              f"{len(months)} archive months {sum(m.stat().st_size for m in months) / 1e6:.1f} MB",
              file=sys.stderr)
        steps = [
            ("timer (real) and idle CPU", lambda: [] if args.skip_real_time else real_time(journal)),
            ("timer (simulated)", lambda: [timer_accuracy.simulated_figure()]),
            ("first frame and memory", lambda: startup.measure(journal)),
            ("command line", lambda: cli_speed.measure(journal, big)),
            ("export", lambda: export_speed.measure({"1 year": one_year, "10 years": journal, "100 years": big})),
            ("history", lambda: history_speed.measure({"1 year": one_year, "10 years": journal, "100 years": big})),
            ("writes", lambda: writes.measure(journal)),
            ("history screen", lambda: history_screen.measure(journal)),
            ("crowded month", lambda: crowded_month.measure(journal)),
            ("insights", lambda: insights_speed.measure(journal)),
            ("import", lambda: import_speed.measure(journal)),
        ]
        figures: list[Figure] = []
        for name, step in steps:
            start = time.monotonic()
            print(f"{name}…", end="", flush=True, file=sys.stderr)
            figures += step()
            print(f" {time.monotonic() - start:.0f} s", file=sys.stderr)
    figures = report.in_order(figures)
    total = time.monotonic() - began
    print(report.console_table(figures))
    info = machine()
    print(f"\n{info['cpus']} CPUs, {info['cpu']}, Python {info['python']}; "
          f"median of {ROUNDS} rounds or {RUNS} runs per figure; suite took {total:.0f} s")
    RESULTS.mkdir(exist_ok=True)
    when = datetime.now(UTC)
    result = {
        "when": when.isoformat(timespec="seconds"),
        "commit": commit(),
        "machine": info,
        "journal_records": count,
        "seconds": round(total, 1),
        "all_passed": all(f.passed for f in figures),
        "figures": [f.as_dict() for f in figures],
    }
    (RESULTS / "latest.json").write_text(json.dumps(result, indent=2) + "\n")
    print(f"written to {(RESULTS / 'latest.json').relative_to(ROOT)}")
    if args.skip_real_time:
        print(f"{report.DOC.relative_to(ROOT)} left as it was: this run left figures out", file=sys.stderr)
    else:
        report.write_table(report.markdown_block(figures, info, total, when.strftime("%Y-%m-%d %H:%M UTC"),
                                                 result["commit"]))
        print(f"the table of {report.DOC.relative_to(ROOT)} updated")
    return 0 if result["all_passed"] else 1


if __name__ == "__main__":
    sys.exit(main())

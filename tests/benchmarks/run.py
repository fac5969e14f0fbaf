"""The performance benchmark suite: `python -m tests.benchmarks.run`.

Prints figure | value | target | pass/fail and writes the same as JSON to
tests/benchmarks/results/latest.json. Every figure is a median of at least
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
import sys
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from tests.benchmarks import cli_speed, export_speed, history_screen, insights_speed, startup, timer_accuracy, writes
from tests.benchmarks.common import ROOT, ROUNDS, RUNS, Figure, Tmux, cpu_hogs, stop
from tests.benchmarks.generate_journal import kept_journal, write_journal
from tests.benchmarks.idle_cpu import IdleApps

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


def table(figures: list[Figure]) -> str:
    rows = [("figure", "value", "target", "result")]
    rows += [(f.figure, f"{f.value:g} {f.unit}", f.target, "pass" if f.passed else "FAIL")
             for f in figures]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [" | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown(figures: list[Figure], info: dict, seconds: float) -> str:
    """The README's Performance table."""
    lines = ["| figure | value | target | result |", "|---|---|---|---|"]
    lines += [f"| {f.figure} | {f.value:g} {f.unit} | {f.target} | {'pass' if f.passed else '**FAIL**'} |"
              for f in figures]
    lines.append("")
    lines.append(f"Measured on {info['cpus']} CPUs ({info['cpu']}), Python {info['python']}, "
                 f"{info['platform']}; median of {ROUNDS} rounds (first frame, memory, command line, History) "
                 f"or {RUNS} runs (the rest) per figure; the suite took {seconds:.0f} s.")
    return "\n".join(lines) + "\n"


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
        months = sorted((journal.parent / "archive").glob("*.json"))
        print(f"10-year journal: {count} records; journal.json {journal.stat().st_size / 1e3:.0f} kB, "
              f"{len(months)} archive months {sum(m.stat().st_size for m in months) / 1e6:.1f} MB",
              file=sys.stderr)
        steps = [
            ("timer (real) and idle CPU", lambda: [] if args.skip_real_time else real_time(journal)),
            ("timer (simulated)", lambda: [timer_accuracy.simulated_figure()]),
            ("first frame and memory", lambda: startup.measure(journal)),
            ("command line", lambda: cli_speed.measure(journal, big)),
            ("export", lambda: export_speed.measure({"1 year": one_year, "10 years": journal, "100 years": big})),
            ("writes", lambda: writes.measure(journal)),
            ("history screen", lambda: history_screen.measure(journal)),
            ("insights", lambda: insights_speed.measure(journal)),
        ]
        figures: list[Figure] = []
        for name, step in steps:
            start = time.monotonic()
            print(f"{name}…", end="", flush=True, file=sys.stderr)
            figures += step()
            print(f" {time.monotonic() - start:.0f} s", file=sys.stderr)
    order = ["time to first frame", "quick entry (log), 10 years", "quick entry (log), 100 years",
             "quick entry imports textual/rich", "history --json --limit 20, 10 years",
             "history --json --limit 20, 100 years", "plan, 10 years", "plan, 100 years",
             "export --format csv: peak memory, 100 years vs 1 year",
             "export --format json: peak memory, 100 years vs 1 year",
             "export --format csv: time per record, 100 years vs 10 years", "write: one record, p95 of 200",
             "write: key handled during a save", "history screen opens",
             "insights --json, 10 years", "insights --json, 100 years", "insights screen opens, 10 years",
             "timer: 60 s routine under 2 CPU hogs", "timer: simulated 2 h, 0-2 s stalls",
             "memory (peak RSS on History)", "idle CPU, session paused 30 s"]
    figures.sort(key=lambda f: order.index(f.figure) if f.figure in order else len(order))
    total = time.monotonic() - began
    print(table(figures))
    info = machine()
    print(f"\n{info['cpus']} CPUs, {info['cpu']}, Python {info['python']}; "
          f"median of {ROUNDS} rounds or {RUNS} runs per figure; suite took {total:.0f} s")
    RESULTS.mkdir(exist_ok=True)
    result = {
        "when": datetime.now(UTC).isoformat(timespec="seconds"),
        "machine": info,
        "journal_records": count,
        "seconds": round(total, 1),
        "all_passed": all(f.passed for f in figures),
        "figures": [f.as_dict() for f in figures],
    }
    (RESULTS / "latest.json").write_text(json.dumps(result, indent=2) + "\n")
    (RESULTS / "latest.md").write_text(markdown(figures, info, total))
    print(f"written to {(RESULTS / 'latest.json').relative_to(ROOT)} (and latest.md)")
    return 0 if result["all_passed"] else 1


if __name__ == "__main__":
    sys.exit(main())

"""Quick entry (`log`), `history --json --limit 20` and `plan` on the 10- and
100-year journals, each against `python -c "import tinydb"`.

Rounds interleave the baseline and the six commands, all on the same CPU (see
common.on_one_cpu); the journal is copied fresh before each command (the copy
is not timed), so every `plan` starts a run record, as after a real run.
`python -X importtime` of the same `log` command must show no textual or rich
module.

Each command's CPU time (user + sys, from wait4) is a figure of its own
beside its wall time: on a machine shared with other work, CPU time moves
far less with the load than wall time does.
"""

from __future__ import annotations

import os
import subprocess
import time
from pathlib import Path

from tests.benchmarks.common import APP, MEASURE_CPU, PYTHON, ROUNDS, Figure, Home, on_one_cpu, ratio_figure

LOG = ["log", "--soreness", "3", "--area", "calves=4"]
HISTORY = ["history", "--json", "--limit", "20"]
PLAN = ["plan"]
COMMANDS = {"quick entry (log)": LOG, "history --json --limit 20": HISTORY, "plan": PLAN}
BASELINE = [PYTHON, "-c", "import tinydb"]
FORBIDDEN = ("textual", "rich")
LIMIT = 2.0


def ui_modules(env: dict) -> list[str]:
    """textual/rich modules that `python -X importtime recovery-tui log ...` imports."""
    done = subprocess.run([PYTHON, "-X", "importtime", APP, *LOG], env=env,
                          capture_output=True, text=True, check=True)
    names = [line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines()
             if line.startswith("import time:") and "|" in line]
    return [n for n in names if n.split(".")[0] in FORBIDDEN]


def cpu_run(cmd: list[str], env: dict) -> tuple[float, float]:
    """(CPU seconds, user + sys; wall seconds) of one command, which must succeed."""
    start = time.perf_counter()
    child = subprocess.Popen(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed")
    return usage.ru_utime + usage.ru_stime, wall


def measure(journal: Path, big: Path, runs: int = ROUNDS) -> list[Figure]:
    sizes = {"10 years": journal, "100 years": big}
    base: list[float] = []
    base_cpu: list[float] = []
    times: dict[tuple[str, str], list[float]] = {(c, s): [] for c in COMMANDS for s in sizes}
    cpu: dict[tuple[str, str], list[float]] = {(c, s): [] for c in COMMANDS for s in sizes}
    with Home(journal) as home, Home(big) as big_home, on_one_cpu():
        homes = {"10 years": home, "100 years": big_home}
        for round_ in range(runs + 1):  # round 0 warms the page cache and .pyc files
            b_cpu, b = cpu_run(BASELINE, home.env)
            taken = {}
            for size, source in sizes.items():
                for command, argv in COMMANDS.items():
                    homes[size].refresh(source)
                    taken[command, size] = cpu_run([APP, *argv], homes[size].env)
            if round_:
                base.append(b)
                base_cpu.append(b_cpu)
                for key, (cpu_seconds, seconds) in taken.items():
                    times[key].append(seconds)
                    cpu[key].append(cpu_seconds)
        home.refresh(journal)
        leaked = ui_modules(home.env)
    figures = [ratio_figure(f"{command}, {size}", times[command, size], base, LIMIT,
                            f"`recovery-tui {' '.join(COMMANDS[command])}` vs `python -c \"import tinydb\"`, "
                            f"both on CPU {MEASURE_CPU}")
               for command in COMMANDS for size in sizes]
    figures += [ratio_figure(f"{command}, {size}, CPU time", cpu[command, size], base_cpu, LIMIT,
                             "user + sys of the same runs, against the baseline's")
                for command in COMMANDS for size in sizes]
    figures.append(Figure("quick entry imports textual/rich", len(leaked), "modules", "0", not leaked,
                          ", ".join(leaked[:5]) or "python -X importtime: none"))
    return figures

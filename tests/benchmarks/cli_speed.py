"""Quick entry (`log`) and `history --json --limit 20` against `python -c "import tinydb"`.

Rounds interleave the three commands, all on the same CPU (see
common.on_one_cpu); the journal is copied fresh before each command (the
copy is not timed). `python -X importtime` of the same
`log` command must show no textual or rich module.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

from tests.benchmarks.common import (APP, MEASURE_CPU, PYTHON, ROUNDS, Figure, Home, on_one_cpu,
                                     ratio_figure, timed_run)

LOG = ["log", "--soreness", "3", "--area", "calves=4"]
HISTORY = ["history", "--json", "--limit", "20"]
BASELINE = [PYTHON, "-c", "import tinydb"]
FORBIDDEN = ("textual", "rich")


def ui_modules(env: dict) -> list[str]:
    """textual/rich modules that `python -X importtime recovery-tui log ...` imports."""
    done = subprocess.run([PYTHON, "-X", "importtime", APP, *LOG], env=env,
                          capture_output=True, text=True, check=True)
    names = [line.rsplit("|", 1)[1].strip() for line in done.stderr.splitlines()
             if line.startswith("import time:") and "|" in line]
    return [n for n in names if n.split(".")[0] in FORBIDDEN]


def measure(journal: Path, runs: int = ROUNDS) -> list[Figure]:
    base, log, history = [], [], []
    with Home(journal) as home, on_one_cpu():
        for round_ in range(runs + 1):  # round 0 warms the page cache and .pyc files
            b = timed_run(BASELINE, home.env)
            home.refresh(journal)
            lg = timed_run([APP, *LOG], home.env)
            home.refresh(journal)
            h = timed_run([APP, *HISTORY], home.env)
            if round_:
                base.append(b), log.append(lg), history.append(h)
        home.refresh(journal)
        leaked = ui_modules(home.env)
    return [
        ratio_figure("quick entry (log)", log, base, 2.0,
                     '`recovery-tui log --soreness 3 --area calves=4` vs `python -c "import tinydb"`, '
                     f"both on CPU {MEASURE_CPU}"),
        Figure("quick entry imports textual/rich", len(leaked), "modules", "0", not leaked,
               ", ".join(leaked[:5]) or "python -X importtime: none"),
        ratio_figure("history --json --limit 20", history, base, 2.0),
    ]

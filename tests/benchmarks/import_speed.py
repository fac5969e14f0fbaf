"""Reading a 3-hour run recorded at 1 Hz (10,800 records with position,
altitude, heart rate, speed and cadence, written with fit-tool): the FIT
reader in-process against issue 20's target of 2 s; the whole `import
--dry-run` as a runner types it (interpreter start, journal and all) is given
beside it for reference. A row of the suite's table (report.FIGURES); alone:
`python -m tests.benchmarks.import_speed`."""

from __future__ import annotations

import subprocess
import tempfile
import time
from datetime import UTC, datetime
from pathlib import Path

from tests.benchmarks.common import APP, RUNS, Figure, Home, median, timed_run
from tests.data.synthetic_fit import Lap, write_run

LIMIT = 2.0


def three_hour_run(folder: Path) -> Path:
    laps = [Lap(1800, 3.0 + 0.05 * (i % 3), 140 + i) for i in range(6)]
    return write_run(folder / "three-hours.fit", datetime(2024, 11, 22, 8, tzinfo=UTC), laps, gps=True)


def measure(journal: Path) -> list[Figure]:
    from tui.core.watch.readers import read_activity

    with tempfile.TemporaryDirectory(prefix="rtui-fit-") as folder:
        path = three_hour_run(Path(folder))
        data = path.read_bytes()
        reads = []
        for _ in range(RUNS):
            began = time.perf_counter()
            activity = read_activity(path.name, data)
            reads.append(time.perf_counter() - began)
        assert len(activity.speeds) == 10_800
        with Home(journal) as home:
            home.refresh(journal)
            command = [APP, "import", "--dry-run", str(path)]
            subprocess.run(command, env=home.env, capture_output=True, check=True)  # warm .pyc files
            commands = [timed_run(command, home.env) for _ in range(RUNS)]
    read, whole = median(reads), median(commands)
    size = f"{len(data) / 1e6:.2f} MB, 10,800 records"
    return [Figure("import: read a 3 h 1 Hz FIT file", round(read, 2), "s", f"< {LIMIT} s", read < LIMIT,
                   f"fitdecode with CRC check, in-process; {size}; the whole `import --dry-run` "
                   f"on the 10-year journal: {whole:.2f} s")]


if __name__ == "__main__":
    from tests.benchmarks.generate_journal import write_journal

    with tempfile.TemporaryDirectory(prefix="rtui-journal-") as folder:
        journal = Path(folder) / "journal.json"
        write_journal(journal)
        for figure in measure(journal):
            print(f"{figure.figure}: {figure.value} {figure.unit} ({figure.target}) "
                  f"{'pass' if figure.passed else 'FAIL'}; {figure.detail}")

"""`history` and `history --json` without --limit on journals of 1, 10 and
100 years: peak memory and time per record, measured as export's are
(export_speed.py: GNU time, output to /dev/null, one CPU).

Both read the journal a file at a time (Journal.streamed), so the peak at
100 years must stay within 1.5x of the peak at 1 year, and each record past
the first year's must cost the same at 100 years as at 10 (1.25x allowed).
Alone, on the suite's journals (the 10-year one written here):

    python -m tests.benchmarks.history_speed
"""

from __future__ import annotations

import tempfile
from pathlib import Path

from tests.benchmarks.common import RUNS, Figure
from tests.benchmarks.export_speed import measure_commands

COMMANDS = {"history": ["history"], "history --json": ["history", "--json"]}


def measure(journals: dict[str, Path], runs: int = RUNS) -> list[Figure]:
    """`journals`: name -> journal, smallest first ("1 year", "10 years", "100 years")."""
    return measure_commands(journals, COMMANDS, tuple(COMMANDS), runs)


def main() -> None:
    from tests.benchmarks.generate_journal import kept_journal, write_journal
    from tests.benchmarks.report import console_table

    with tempfile.TemporaryDirectory(prefix="rtui-journal-") as folder:
        journal = Path(folder) / "journal.json"
        write_journal(journal, pain_due=True)  # as run.py writes it
        figures = measure({"1 year": kept_journal(1), "10 years": journal, "100 years": kept_journal(99)})
    print(console_table(figures))
    for figure in figures:
        print(f"{figure.figure}: {figure.detail}")


if __name__ == "__main__":
    main()

"""The benchmark table: printed on the terminal, and written into
docs/performance.md between two marker lines, so the method and the notes
around it stay as written by hand."""

from __future__ import annotations

import re
from pathlib import Path

from tests.benchmarks.common import ROOT, ROUNDS, RUNS, Figure

DOC = ROOT / "docs" / "performance.md"
BEGIN = "<!-- benchmark table: written by python -m tests.benchmarks.run -->"
END = "<!-- end of the benchmark table -->"

# The table's rows, in this order (a figure not listed goes last).
FIGURES = (
    "time to first frame", "quick entry (log), 10 years", "quick entry (log), 100 years",
    "quick entry imports textual/rich", "history --json --limit 20, 10 years",
    "history --json --limit 20, 100 years", "plan, 10 years", "plan, 100 years",
    "export --format csv: peak memory, 100 years vs 1 year",
    "export --format json: peak memory, 100 years vs 1 year",
    "export --format csv: time per record, 100 years vs 10 years",
    "history: peak memory, 100 years vs 1 year", "history --json: peak memory, 100 years vs 1 year",
    "history: time per record, 100 years vs 10 years", "history --json: time per record, 100 years vs 10 years",
    "write: one record, p95 of 200",
    "write: key handled during a save", "history screen opens",
    "quick entry (log), 100,000 records in this month",
    "quick entry (log): peak memory, 100,000 records in this month",
    "history screen opens, 100,000 records in this month",
    "insights --json, 10 years", "insights --json, 100 years", "insights screen opens, 10 years",
    "import: read a 3 h 1 Hz FIT file",
    "timer: 60 s routine under 2 CPU hogs", "timer: simulated 2 h, 0-2 s stalls",
    "memory (peak RSS on History)", "idle CPU, session paused 30 s",
    *(f"{command}, {size}, CPU time" for command in ("quick entry (log)", "history --json --limit 20", "plan")
      for size in ("10 years", "100 years")),
)


def in_order(figures: list[Figure]) -> list[Figure]:
    return sorted(figures, key=lambda f: FIGURES.index(f.figure) if f.figure in FIGURES else len(FIGURES))


def console_table(figures: list[Figure]) -> str:
    rows = [("figure", "value", "target", "result")]
    rows += [(f.figure, f"{f.value:g} {f.unit}", f.target, "pass" if f.passed else "FAIL") for f in figures]
    widths = [max(len(row[i]) for row in rows) for i in range(4)]
    lines = [" | ".join(cell.ljust(w) for cell, w in zip(row, widths, strict=True)).rstrip() for row in rows]
    lines.insert(1, "-+-".join("-" * w for w in widths))
    return "\n".join(lines)


def markdown_block(figures: list[Figure], info: dict, seconds: float, when: str, commit: str) -> str:
    """What the suite writes between the markers: when and on what it ran,
    the table, and the machine."""
    missed = sum(not f.passed for f in figures)
    verdict = "every target met" if not missed else f"{missed} of {len(figures)} targets missed"
    lines = [f"Latest run: {when}, commit {commit}, one whole run of `python -m tests.benchmarks.run` "
             f"({seconds:.0f} s): {verdict}.", "",
             "| figure | value | target | result |", "|---|---|---|---|"]
    lines += [f"| {f.figure} | {f.value:g} {f.unit} | {f.target} | {'pass' if f.passed else '**FAIL**'} |"
              for f in figures]
    lines += ["", f"Measured on {info['cpus']} CPUs ({info['cpu']}), Python {info['python']}, "
                  f"{info['platform']}; median of {ROUNDS} rounds (first frame, memory, command line, History) "
                  f"or {RUNS} runs (the rest) per figure."]
    return "\n".join(lines)


def with_table(document: str, block: str) -> str:
    """The document with the text between the markers replaced by `block`;
    a document without both markers, in order, is refused rather than guessed at."""
    pattern = re.compile(re.escape(BEGIN) + r"\n.*?" + re.escape(END), re.DOTALL)
    if len(pattern.findall(document)) != 1:
        raise ValueError(f"the benchmark table's markers are missing from the document: {BEGIN!r} ... {END!r}")
    return pattern.sub(lambda _match: f"{BEGIN}\n{block}\n{END}", document)


def write_table(block: str, doc: Path = DOC) -> None:
    doc.write_text(with_table(doc.read_text(encoding="utf-8"), block), encoding="utf-8")

"""Insights at 10 and 100 years.

- `insights --json` on the 10-year journal against `python -c "import tinydb"`
  (<= 4x), and on a 100-year journal against the 10-year time of the same
  round (<= 3x). Rounds interleave the three commands on one CPU, as for the
  other command-line figures (common.on_one_cpu). Round 0 is not counted: it
  is the first read of each journal, which writes the archive months'
  summaries (core/insight_facts.py); its times are kept in the detail.
- The Insights screen on the 10-year journal, in tmux like History: from `i`
  0.5 s after home is drawn until the headline, the top practice's row and the footer show.

The 100-year journal (`generate_journal --years 99`) is made once per end
date and kept (generate_journal.kept_journal).
"""

from __future__ import annotations

from pathlib import Path

from tests.benchmarks.common import APP, PYTHON, ROUNDS, Figure, Home, median, on_one_cpu, ratio_figure, timed_run
from tests.benchmarks.generate_journal import kept_journal
from tests.benchmarks.history_screen import open_times

INSIGHTS = ["insights", "--json"]
BASELINE = [PYTHON, "-c", "import tinydb"]
SCREEN_LIMIT_MS = 300


def command_line(journal: Path, big: Path, runs: int = ROUNDS) -> list[Figure]:
    base, ten, hundred, first = [], [], [], []
    with Home(journal) as home, Home(big) as big_home, on_one_cpu():
        for round_ in range(runs + 1):
            b = timed_run(BASELINE, home.env)
            t = timed_run([APP, *INSIGHTS], home.env)
            h = timed_run([APP, *INSIGHTS], big_home.env)
            if round_:
                base.append(b), ten.append(t), hundred.append(h)
            else:
                first = [t, h]
    cold = f"first read, writing the summaries: {first[0] * 1000:.0f} ms at 10 years, {first[1] * 1000:.0f} ms at 100"
    return [
        ratio_figure("insights --json, 10 years", ten, base, 4.0, cold),
        ratio_figure("insights --json, 100 years", hundred, ten, 3.0,
                     "against `insights --json` at 10 years in the same round"),
    ]


def top_row(journal: Path) -> str:
    """The With cell of the Insights table's first row, worked out from the records
    themselves: read_facts would leave summaries in the journal's archive, and
    the timed copies would start with those (stamped for other files)."""
    from tui.cli.library import load_all
    from tui.core.insights.facts import facts_of
    from tui.core.insights.findings import insights
    from tui.core.journal.journal import Journal
    from tui.core.plan.practices import load_practice_names

    with Journal(journal) as opened:
        top = insights(facts_of(opened.records()), load_practice_names(load_all().routines))[0]
    return f"{top.with_n} runs · {top.with_mean:.1f}"


def screen_times(journal: Path, runs: int = ROUNDS) -> list[float]:
    """Round 0, not counted, writes the summaries in the copy of the journal."""
    return open_times(journal, "i", ("What works for you", top_row(journal), "Back"), runs, settle=0.5)


def measure(journal: Path) -> list[Figure]:
    figures = command_line(journal, kept_journal(99))
    samples = screen_times(journal)
    value = median(samples) * 1000
    figures.append(Figure(
        "insights screen opens, 10 years", round(value, 1), "ms", f"<= {SCREEN_LIMIT_MS} ms",
        value <= SCREEN_LIMIT_MS,
        f"tmux: i 0.5 s after home is drawn, until the headline, the top practice's row and the footer are drawn; "
        f"median of {len(samples)} ({', '.join(f'{s * 1000:.0f}' for s in samples)})"))
    return figures

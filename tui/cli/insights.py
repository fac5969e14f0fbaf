"""`recovery-tui insights`: which practices go with less soreness the next day.

The core reads the journal (with the summaries of its archive months) and
works the comparisons out; this module prints them."""

from __future__ import annotations

import argparse
import json
import sys

from tui.cli.common import command_now, finish, open_journal
from tui.cli.library import load_all
from tui.core.insights import findings as found
from tui.core.insights.facts import read_facts
from tui.core.insights.findings import Insight
from tui.core.plan.practices import load_practice_names


def cmd_insights(args: argparse.Namespace) -> int:
    now = command_now()
    names = load_practice_names(load_all().routines)
    with open_journal(args.journal, now) as journal:
        facts = read_facts(journal)
        journal.problems = facts.problems  # finish() reports the records it skipped
        runs = found.outcomes(facts, names)
        ranked = found.insights(facts, names, runs)
        if args.json:
            json.dump(found.to_json(ranked), sys.stdout, indent=2)
            print()
        else:
            _print_insights(ranked, found.area_insights(facts, names, runs))
        return finish(journal)


def _print_insights(ranked: list[Insight], areas: dict[str, Insight | None]) -> None:
    if not ranked:
        print("No runs with practices yet. After a run, start `recovery-tui plan` or record with `did`.")
        return
    print("Next soreness rating (0-10) 12-72 h after runs with a practice, against runs without it.")
    print("Adjusted: compared within each kind of run; the range is its 95% interval.")
    for insight in ranked:
        if insight.difference is None:
            line = (f"needs {insight.needed} more run{'s' if insight.needed != 1 else ''} "
                    f"({insight.with_n} with, {insight.without_n} without)")
        elif insight.adjusted is None:
            line = f"{found.raw_text(insight)}; no kind of run has runs both with and without it"
        else:
            line = f"{found.adjusted_text(insight)}: {insight.verdict} ({found.raw_text(insight)})"
        print(f"  {insight.name:<22} {line}")
    print("By area, the practice that helps most there:")
    for area, best in areas.items():
        tip = f"{best.name}: {found.adjusted_text(best)}" if best else "no clear difference yet"
        print(f"  {area + ':':<22} {tip}")
    print(found.NOT_PROOF)

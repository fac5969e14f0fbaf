"""`recovery-tui insights`: which practices go with less soreness the morning after.

The core reads the journal (with the summaries of its archive months) and
works the comparisons out; this module prints them."""

from __future__ import annotations

import argparse
import json
import sys

from tui.cli.common import command_now, finish, open_journal, say
from tui.cli.library import load_all
from tui.core.common.paths import settings_path
from tui.core.common.settings import load_settings
from tui.core.experiments.words import evidence_beside
from tui.core.insights import findings as found
from tui.core.insights import words
from tui.core.insights.facts import read_facts
from tui.core.insights.findings import Insight
from tui.core.insights.pairing import pair_runs
from tui.core.plan.practices import load_practice_names
from tui.core.routines.evidence import shipped_evidence


def cmd_insights(args: argparse.Namespace) -> int:
    now = command_now()
    names = load_practice_names(load_all().routines)
    settings, errors = load_settings(settings_path())
    for error in errors:
        say(f"warning: {error} (insights use bedtime {settings.bedtime:%H:%M})")
    with open_journal(args.journal, now) as journal:
        facts = read_facts(journal)
        journal.problems = facts.problems  # finish() reports the records it skipped
        journal.damaged_months.update(facts.damaged_months)  # and the months left out
        pairing = pair_runs(facts, names, settings.bedtime)
        ranked = found.insights(facts, names, pairing)
        if args.json:
            json.dump(found.to_json(ranked), sys.stdout, indent=2)
            print()
        else:
            left_out = words.left_out_text(pairing.left_out(facts), pairing.without_outcome())
            _print_insights(ranked, found.area_insights(facts, names, pairing), left_out)
        return finish(journal)


def _print_insights(ranked: list[Insight], areas: dict[str, Insight | None], left_out: str) -> None:
    if not ranked:
        print("No runs with practices yet. After a run, start `recovery-tui plan` or record with `did`.")
        return
    print(words.RULE)
    if left_out:
        print(left_out)
    print(words.COLUMNS)
    for insight in ranked:
        print(f"  {words.sentence(insight)}")
        if insight.adjusted is not None:
            raw = "–" if insight.difference is None else words.signed(insight.difference)
            print(f"    {insight.with_n} with, {insight.without_n} without · raw {raw}"
                  f" · adjusted {words.adjusted_text(insight)}: {insight.verdict}")
    print("By area, the practice that helps most there:")
    for area, best in areas.items():
        tip = f"{best.name}: {words.adjusted_text(best)}" if best else "no clear difference yet"
        print(f"  {area + ':':<22} {tip}")
    beside = evidence_beside(ranked, shipped_evidence())  # what reviews found, beside your own
    if beside:
        print("What reviews found, beside your own records (`experiment start` to test one fairly):")
        for line in beside:
            print(f"  {line}")
    print(found.NOT_PROOF)

"""`recovery-tui plan | did | insights`: the after-run plan and what works for you.

Headless like the journal commands. Input is checked before the journal is
opened: bad input exits 2 and leaves the journal as it was.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

import argparse
import json
import sys
import textwrap
from collections.abc import Callable
from datetime import datetime

from tui.core.ids import ENDED_HELP, RUN_KINDS
from tui.core.when import WHEN_HELP, parse_stored, parse_when
from tui.journal_cli import _finish, _now, _open, _say, _usage

STATE_LABELS = {"upcoming": "", "due-soon": "due soon", "due": "due now", "overdue": "overdue",
                "done": "done", "skipped": "skipped"}


if TYPE_CHECKING:
    from tui.core.insights import Insight


def register(commands, add_journal_option: Callable[[argparse.ArgumentParser], None]) -> None:
    plan = commands.add_parser("plan", help="start or resume the after-run plan and print it")
    plan.add_argument("--ended", metavar="WHEN",
                      help=f"when the run ended: {ENDED_HELP} (default: now, or as already recorded today)")
    plan.add_argument("--kind", choices=RUN_KINDS, help="what kind of run it was")
    add_journal_option(plan)
    plan.set_defaults(handler=cmd_plan)

    did = commands.add_parser("did", help="record recovery practices for the run of a day",
                              epilog="PRACTICE is a plan step id or a routine id.")
    did.add_argument("practices", metavar="PRACTICE", nargs="+")
    did.add_argument("--date", metavar="WHEN", default="today",
                     help=f"the day of the run: {WHEN_HELP} (default: today)")
    add_journal_option(did)
    did.set_defaults(handler=cmd_did)

    insights = commands.add_parser("insights", help="which practices go with less soreness")
    insights.add_argument("--json", action="store_true", help="machine-readable output")
    add_journal_option(insights)
    insights.set_defaults(handler=cmd_insights)


def _routine_ids() -> list[str]:
    from tui.cli import load_all  # tui.cli imports this module; import late

    return [r.id for r in load_all().routines]


def cmd_plan(args: argparse.Namespace) -> int:
    from tui.core.plan import build_plan
    from tui.core.runs import parse_ended

    from routines import PLAN_FILE
    from tui.core.paths import settings_path, user_plan_path
    from tui.core.plan import load_plan
    from tui.core.settings import load_settings
    from tui.core.storage import JournalError

    now = _now()
    try:
        ended = parse_ended(args.ended or "now", now)
    except ValueError as error:
        raise _usage(f"argument --ended: {error}") from None
    settings, errors = load_settings(settings_path())
    plan, plan_errors = load_plan(user_plan_path(), PLAN_FILE, _routine_ids())
    journal = _open(args, now)
    try:
        with journal:
            run, created = journal.start_run(ended, args.kind)
            if not created and (args.ended or args.kind):
                run = journal.update_run(run["id"], ended=ended if args.ended else None,
                                         run_kind=args.kind if args.kind else ...)
            ended = parse_stored(run["time"]).astimezone(now.tzinfo)
            steps = build_plan(plan, ended, settings.bedtime, run["run_kind"], settings.units)
            kind = f"{run['run_kind']} run" if run["run_kind"] else "run"
            print(f"{plan.name}: {'started' if created else 'resumed'} for the {kind} that ended "
                  f"{ended:%a %d %b %H:%M} (record #{run['id']}). Bedtime {settings.bedtime:%H:%M}.")
            for step in steps:
                print(_step_lines(step, run, now, ended))
            print("Tick steps with: recovery-tui did STEP...")
            for error in [*errors, *plan_errors]:
                _say(f"warning: {error}")
            return _finish(journal)
    except JournalError as error:
        _say(str(error))
        return 1


def _step_lines(step, run: dict, now: datetime, ended: datetime) -> str:
    from tui.core.runs import step_state

    def clock(moment: datetime) -> str:
        moment = moment.astimezone(now.tzinfo)
        return f"{moment:%H:%M}" if moment.date() == ended.date() else f"{moment:%a %H:%M}"

    window = clock(step.start) if step.start == step.end else f"{clock(step.start)}-{clock(step.end)}"
    title = step.title + (" (optional)" if step.optional else "")
    state = STATE_LABELS[step_state(step, run, now)]
    head = f"  {window:<15} {state:<9} {title} [{step.id}]"
    return "\n".join([head, *textwrap.wrap(step.detail, 78, initial_indent=" " * 18,
                                             subsequent_indent=" " * 18)])


def cmd_did(args: argparse.Namespace) -> int:
    from tui.core.runs import practice_ids

    from tui.core.storage import JournalError

    now = _now()
    try:
        when = parse_when(args.date, now)
    except ValueError as error:
        raise _usage(f"argument --date: {error}") from None
    valid = practice_ids(_routine_ids())
    practices = list(dict.fromkeys(p.strip().lower() for p in args.practices))
    unknown = [p for p in practices if p not in valid]
    if unknown:
        raise _usage(f"unknown practice {', '.join(repr(p) for p in unknown)} (valid: {', '.join(valid)})")
    journal = _open(args, now)
    try:
        with journal:
            run, created = journal.start_run(when)
            run = journal.record_practices(run["id"], practices)
            start = "Started" if created else "Updated"
            print(f"{start} run record #{run['id']} for {when:%a %d %b %Y}; "
                  f"done: {', '.join(run['practices'])}.")
            return _finish(journal, problems_fail=False)  # the practices were saved
    except JournalError as error:
        _say(str(error))
        return 1


def cmd_insights(args: argparse.Namespace) -> int:
    from tui.core import insights as found
    from tui.core.insight_facts import read_facts
    from tui.core.practices import load_practice_names
    from tui.core.storage import JournalError

    from tui.cli import load_all  # tui.cli imports this module; import late

    now = _now()
    names = load_practice_names(load_all().routines)
    journal = _open(args, now)
    try:
        with journal:
            facts = read_facts(journal)
            journal.problems = facts.problems  # _finish reports the records it skipped
            runs = found.outcomes(facts, names)
            ranked = found.insights(facts, names, runs)
            if args.json:
                json.dump(found.to_json(ranked), sys.stdout, indent=2)
                print()
            else:
                _print_insights(ranked, found.area_insights(facts, names, runs))
            return _finish(journal)
    except JournalError as error:
        _say(str(error))
        return 1


def _mean(value: float | None, n: int) -> str:
    return f"{'-' if value is None else f'{value:.1f}'} ({n} runs)"


def _print_insights(ranked: list["Insight"], areas: dict[str, "Insight | None"]) -> None:
    from tui.core import insights as found

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

"""`recovery-tui experiment start | status | stop`: self-experiments from the command line.

Input is checked before the journal is opened (exit 2); the core draws the
schedule, keeps it in the journal and works the result out."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import time

from tui.cli.common import UsageError, command_now, finish, open_journal, say
from tui.cli.library import load_all
from tui.core.common.errors import DataFileError
from tui.core.common.paths import settings_path
from tui.core.common.settings import load_settings
from tui.core.experiments.design import NOT_RANDOMISED, check_runs, check_seed, new_seed
from tui.core.experiments.progress import Progress
from tui.core.experiments.result import planned_runs_note, result
from tui.core.experiments.status import read_progress, start_experiment, stop_experiment
from tui.core.experiments.words import reminder, result_lines, side_by_side, state_line
from tui.core.journal.records import FieldError
from tui.core.plan.practices import PracticeNames, load_practice_names
from tui.core.plan.runs import practice_ids
from tui.core.routines.evidence import Evidence, shipped_evidence


def _names() -> tuple[PracticeNames, list[str]]:
    routines = load_all().routines
    return load_practice_names(routines), practice_ids(routines)


def _bedtime() -> time:
    """The user's bedtime: when the morning after a run begins (a broken settings file is said)."""
    settings, errors = load_settings(settings_path())
    for error in errors:
        say(f"warning: {error}")
    return settings.bedtime


def _evidence() -> dict[str, Evidence]:
    try:
        return shipped_evidence()
    except DataFileError as error:
        say(f"warning: {error}")
        return {}


def _seed(text: str | None) -> int:
    if text is None:
        return new_seed()
    digits = text.strip()
    try:
        return check_seed(int(digits) if digits.isascii() and digits.isdigit() and len(digits) <= 19 else -1)
    except FieldError as error:
        raise UsageError(f"argument --seed: {error.reason}") from None


def cmd_start(args: argparse.Namespace) -> int:
    now = command_now()
    names, known = _names()
    practice = names.practice(args.practice.strip().lower())
    if practice not in known:
        raise UsageError(f"unknown practice {args.practice!r} (valid: {', '.join(p for p in known if p not in NOT_RANDOMISED)})")
    if practice in NOT_RANDOMISED:
        raise UsageError(f"{practice!r} is not left out on purpose: the coin would tell you to go without it")
    try:
        check_runs(args.runs)
    except FieldError as error:
        raise UsageError(f"argument --runs: {error.reason}") from None
    seed = _seed(args.seed)
    with open_journal(args.journal, now) as journal:
        try:
            experiment = start_experiment(journal, practice, args.after, args.runs, seed, now, names,
                                          bedtime=_bedtime())
        except FieldError as error:
            say(f"{names.name(practice)} {error.reason}")
            return 1
        kind = f"{args.after} runs" if args.after else "runs"
        print(f"Started experiment #{experiment.id}: {names.name(practice)} on {args.runs} {kind} from now, "
              f"half with it and half without, in pairs in an order the coin decides (seed {seed}).")
        print("After each run the plan says which it is tonight; rate your soreness the next morning.")
        if (note := planned_runs_note(args.runs)) is not None:
            print(note)
        return finish(journal)


def cmd_status(args: argparse.Namespace) -> int:
    now = command_now()
    names, _known = _names()
    with open_journal(args.journal, now) as journal:
        found, problems = read_progress(journal, names, bedtime=_bedtime())
        journal.problems = problems  # finish() reports what was skipped
        if args.json:
            json.dump([result(p).to_json() for p in found], sys.stdout, indent=2)
            print()
        else:
            _print_status(found, names, now)
        return finish(journal)


def _print_status(found: list[Progress], names: PracticeNames, now) -> None:
    if not found:
        print("No experiments yet. Start one with: recovery-tui experiment start ice-bath")
        return
    evidence = _evidence()
    for progress in found:
        practice = progress.experiment.practice
        print(state_line(progress, names.name(practice)))
        if progress.slots:
            print(f"  So far: {', '.join(s.arm for s in progress.slots)}"
                  + ("; the next run's is shown after it" if progress.running else ""))
        for slot in progress.extra:
            print(f"  Run #{slot[0]} was a second run on the day of run {slot[1]}: it shares that night, so it does not count.")
        found_result = result(progress)
        for line in result_lines(found_result):
            print(f"  {line}")
        print(f"  {side_by_side(found_result, evidence.get(practice))}")
        if practice in evidence:
            print(f"  {evidence[practice].text()}")
        nudge = reminder(progress, now)
        if nudge:
            print(f"  {nudge}")


def cmd_stop(args: argparse.Namespace) -> int:
    now = command_now()
    names, _known = _names()
    with open_journal(args.journal, now) as journal:
        found, problems = read_progress(journal, names, bedtime=_bedtime())
        journal.problems = problems
        running = [p for p in found if p.running]
        if args.practice is not None:
            wanted = names.practice(args.practice.strip().lower())
            running = [p for p in running if p.experiment.practice == wanted]
        if not running:
            say("no experiment is running" + (f" on {args.practice!r}" if args.practice else ""))
            return 1
        if len(running) > 1:
            raise UsageError("several experiments are running; say which: "
                             + ", ".join(p.experiment.practice for p in running))
        stopped = stop_experiment(journal, running[0].experiment, now)
        done = len(running[0].slots)
        print(f"Stopped the {names.name(stopped.practice).lower()} experiment after {done} of {stopped.runs} runs. "
              "The runs before now still count: `experiment status` shows what they say.")
        return finish(journal)

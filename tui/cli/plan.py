"""`recovery-tui plan | did`: the after-run plan, and what was done after a run.

Input is checked before the journal is opened: bad input exits 2 and leaves
the journal as it was (a --run ID that is not a run is found with the journal
open, and exits 2 before any change)."""

from __future__ import annotations

import argparse
import json
import sys
import textwrap
from datetime import date, datetime

from tui.cli.common import UsageError, command_now, did_you_mean, finish, open_journal, say
from tui.cli.library import load_all
from tui.core.common.errors import DataFileError
from tui.core.common.paths import PLAN_FILE, settings_path, user_plan_path
from tui.core.common.settings import Settings, load_settings
from tui.core.common.when import long_day, parse_ended, parse_when
from tui.core.experiments.plan_line import tonight_notes
from tui.core.journal.journal import Journal
from tui.core.journal.records import FieldError
from tui.core.plan.definition import DueStep, PlanDef, load_plan
from tui.core.plan.evening import Night, build_plan, night_for
from tui.core.plan.experiment_note import ExperimentNote, noted_steps
from tui.core.plan.lengths import routine_lengths, shipped_lengths
from tui.core.plan.practices import load_practice_names
from tui.core.plan.runs import is_practice, practice_ids, run_end, step_state
from tui.core.plan.view import (
    STATE_WORDS,
    done_words,
    left_out_line,
    named_steps,
    plan_heading,
    step_ids,
    step_title,
    window_words,
)
from tui.core.routines.model import Routine


def cmd_plan(args: argparse.Namespace) -> int:
    _not_both(args, "ended")
    for flag in ("new", "correct"):
        if getattr(args, flag) and args.ended is None:
            raise UsageError(f"argument --{flag}: needs --ended")
    now = command_now()
    try:
        ended = parse_ended(args.ended, now) if args.ended else None
    except ValueError as error:
        raise UsageError(f"argument --ended: {error}") from None
    settings, errors = _settings()
    plan, plan_errors, lengths = _plan(settings)
    with open_journal(args.journal, now) as journal:
        try:
            run, how = _plan_run(journal, args, ended, now)
        except FieldError as error:
            raise UsageError(f"argument --run: {error.reason}") from None
        notes = tonight_notes(journal, run, lambda: load_all().routines, settings.bedtime)  # self-experiments' nights
        _print_plan(plan, run, how, settings, now, lengths, as_json=args.json, notes=notes)
        for problem in [*errors, *plan_errors]:
            say(f"warning: {problem}")
        return finish(journal)


def _not_both(args: argparse.Namespace, option: str) -> None:
    if args.run is not None and getattr(args, option) is not None:
        raise UsageError(f"argument --run: not allowed with --{option}")


def _settings() -> tuple[Settings, list[DataFileError]]:
    return load_settings(settings_path())


def _plan(settings: Settings | None, routines: list[Routine] | None = None
          ) -> tuple[PlanDef, list[DataFileError], dict[str, float]]:
    """The after-run plan, its file's problems and its routines' lengths (none
    without settings). The routine library is read only for a plan of the
    user's own, whose steps may name any routine; for the shipped plan only
    the shipped routines it names are read: `plan` is typed straight after a
    run, and reading every routine file took more time than the rest of the command."""
    user_plan = user_plan_path()
    if routines is None and user_plan.exists():
        routines = load_all().routines
    plan, errors = load_plan(user_plan, PLAN_FILE, None if routines is None else [r.id for r in routines])
    if settings is None:
        return plan, errors, {}
    lengths = shipped_lengths(plan, settings) if routines is None else routine_lengths(routines, settings)
    return plan, errors, lengths


def _plan_run(journal: Journal, args: argparse.Namespace, ended: datetime | None,
              now: datetime) -> tuple[dict, str]:
    """The run to show and what happened to it: started, corrected, resumed (as "... record #1")."""
    if ended is not None:
        return _place_run(journal, args, ended, now)
    if args.run is not None:
        run, how = journal.run(args.run), "resumed"
    else:
        run, created = journal.start_run(now, args.kind)
        how = "started" if created else "resumed"
    if args.kind and run["run_kind"] != args.kind:
        run = journal.update_run(run["id"], run_kind=args.kind)
    return run, how


def _place_run(journal: Journal, args: argparse.Namespace, ended: datetime,
               now: datetime) -> tuple[dict, str]:
    """A new run, or with --correct the end of the one within two hours
    moved (its ticks stay with it); a run that near without either is refused."""
    with journal.locked():
        near = journal.near_run(ended)
        if near is None and args.correct:
            raise UsageError(f"argument --correct: no run of that day ended within two hours of {ended:%H:%M}")
        if near is None or args.new:
            return journal.add_run(ended, args.kind), "started"
        earlier = run_end(near, now)
        if not args.correct:
            raise UsageError(f"argument --ended: run #{near['id']} ended {earlier:%H:%M}, within two hours of "
                             f"{ended:%H:%M}: add --new for a second run or --correct to move that run's end")
        kind = ... if args.kind is None else args.kind
        run = journal.update_run(near["id"], ended=ended, run_kind=kind)
        return run, f"corrected the end (was {earlier:%H:%M}) of"


def _print_plan(plan: PlanDef, run: dict, how: str, settings: Settings, now: datetime,
                lengths: dict[str, float], as_json: bool,
                notes: tuple[ExperimentNote, ...] | list[ExperimentNote] = ()) -> None:
    ended = run_end(run, now)
    steps = noted_steps(build_plan(plan, ended, settings.bedtime, run["run_kind"], settings.units, lengths),
                        notes)
    night = night_for(ended, settings.bedtime)
    if as_json:
        data = plan_json(run, ended, night, steps, now)
        if notes:  # only for a run that is part of a self-experiment
            data["experiments"] = [note.line for note in notes]
        json.dump(data, sys.stdout, indent=2, ensure_ascii=False)
        print()
        return
    print(f"{plan.name}: {how} record #{run['id']}. {plan_heading(run, now, settings.bedtime)}")
    for note in notes:
        print(f"{note.line}.")
    left_out = left_out_line(steps, ended)
    if left_out:
        print(f"{left_out}.")
    for step in steps:
        print(_step_lines(step, step_state(step, run, now), ended))
    print("Tick steps with: recovery-tui did STEP...; undo with: recovery-tui did --undo STEP...")


def plan_json(run: dict, ended: datetime, night: Night, steps: list[DueStep], now: datetime) -> dict:
    """`plan --json`: the run, and each step with ISO times (null when dropped) and its status."""

    def iso(moment: datetime | None) -> str | None:
        return None if moment is None else moment.isoformat()

    return {
        "run": {"id": run["id"], "ended": ended.isoformat(), "kind": run["run_kind"],
                "plan_date": run["plan_date"], "sleep": night.sleep.isoformat(), "short_plan": night.short,
                "practices": list(run["practices"]), "skipped": list(run["skipped"])},
        "steps": [{"step": s.id, "title": s.title, "start": iso(s.start), "end": iso(s.end),
                   "status": step_state(s, run, now), **({"choices": list(s.ids)} if s.choices else {})}
                  for s in steps],
        "left_out": [s.id for s in steps if s.dropped],
    }


def _step_lines(step: DueStep, state: str, ended: datetime) -> str:
    head = f"  {window_words(step, ended):<15} {STATE_WORDS[state]:<12} {step_title(step)} {step_ids(step)}"
    if step.dropped:
        return head
    return "\n".join([head, *textwrap.wrap(step.detail, 78, initial_indent=" " * 18,
                                             subsequent_indent=" " * 18)])


def cmd_did(args: argparse.Namespace) -> int:
    _not_both(args, "date")
    now = command_now()
    try:
        when = parse_when(args.date or "today", now)
    except ValueError as error:
        raise UsageError(f"argument --date: {error}") from None
    routines = load_all().routines
    valid = practice_ids(routines)
    practices = list(dict.fromkeys(p.strip().lower() for p in args.practices))
    warmups = [p for p in practices if any(r.id == p and not is_practice(r) for r in routines)]
    if warmups:
        raise UsageError(f"{', '.join(repr(p) for p in warmups)} is a warm-up, not a recovery practice")
    unknown = [p for p in practices if p not in valid]
    if unknown:
        named = ", ".join(f"{p!r}{did_you_mean(p, valid)}" for p in unknown)
        raise UsageError(f"unknown practice {named} (valid: {', '.join(valid)})")
    with open_journal(args.journal, now) as journal:
        try:
            run, created = _did_run(journal, args, when)
        except FieldError as error:
            raise UsageError(f"argument --run: {error.reason}") from None
        if run is None:
            say(f"nothing to undo: no run recorded on {long_day(when)}")
            return 1
        if args.kind:
            run = journal.update_run(run["id"], run_kind=args.kind)
        names = load_practice_names(routines)  # the words are the plan's: "Drink", not "hydrate"
        if args.undo:
            plan, _, _ = _plan(None, routines)
            run = journal.reopen_steps(run["id"], _with_partners(plan, practices))
            print(f"Reopened {named_steps(practices, names)} on run record #{run['id']} "
                  f"({_run_day(run)}); {done_words(run, names)}.")
        else:
            run = journal.record_practices(run["id"], practices)
            print(f"{'Started' if created else 'Updated'} run record #{run['id']} for {_run_day(run)}; "
                  f"{done_words(run, names)}.")
        return finish(journal, problems_fail=False)  # the practices were saved


def _did_run(journal: Journal, args: argparse.Namespace, when: datetime) -> tuple[dict | None, bool]:
    """The run `did` changes: --run ID, else the current one (created unless undoing)."""
    if args.run is not None:
        return journal.run(args.run), False
    if args.undo:
        return journal.current_run(when), False
    return journal.start_run(when, args.kind)


def _with_partners(plan: PlanDef, practices: list[str]) -> list[str]:
    """A step id brings its routine's id and the other way round: undoing
    "foam-roll" also undoes a finished foam-rolling routine, so the step is open."""
    ids = list(practices)
    for step in plan.steps:
        if step.routine and (step.id in practices or step.routine in practices):
            ids += [step.id, step.routine]
    return list(dict.fromkeys(ids))


def _run_day(run: dict) -> str:
    return long_day(date.fromisoformat(run["plan_date"]))

"""`recovery-tui log | history | export`: the journal from the command line.

Input is checked completely before the journal is opened: bad input exits 2
and leaves the journal as it was (not even created)."""

from __future__ import annotations

import argparse
import json
import os
import sys
import tempfile
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from tui.cli.common import CommandFailed, UsageError, command_now, finish, open_journal
from tui.core import soreness
from tui.core.export import export_csv, export_json
from tui.core.journal import LINK_WINDOW, Journal, to_public
from tui.core.runs import describe_run
from tui.core.terminal_text import visible
from tui.core.when import format_duration, parse_when


def cmd_log(args: argparse.Namespace) -> int:
    now = command_now()
    try:
        when = parse_when(args.date, now)
    except ValueError as error:
        raise UsageError(f"argument --date: {error}") from None
    areas: dict[str, int] = {}
    for area, rating in args.area or []:
        if area in areas:
            raise UsageError(f"argument --area: {area} is rated twice")
        areas[area] = rating
    overall = args.soreness if args.soreness is not None else max(areas.values(), default=None)
    if overall is None:
        raise UsageError("say how sore: --soreness N (0-10) or --area AREA=N")
    with open_journal(args.journal, now) as journal, journal.locked():
        record = journal.add_soreness(overall, areas, args.pain or [], args.note, when=when)
        records = journal.records(since=min(when - LINK_WINDOW, now - soreness.GUARD_WINDOW))
        alerts = soreness.pain_alerts(records, now)
        link = "not linked to a session (none ended in the 72 h before)."
        session = next((r for r in records if r["id"] == record["session"]), None)
        if session is not None:
            link = f"linked to '{session['routine_name']}' session #{session['id']}."
        print(f"Saved soreness {soreness.describe(record)} as record #{record['id']} "
              f"for {_local(record['time'], now)}, {link}")
        if alerts:
            print(soreness.guard_notice(alerts))
        return finish(journal, problems_fail=False)  # the rating was saved


def cmd_history(args: argparse.Namespace) -> int:
    now = command_now()
    with open_journal(args.journal, now) as journal:
        if args.json:
            export_json(journal.latest(args.limit) if args.limit else journal.records(), sys.stdout)
        else:
            _print_table(journal, args.limit, now)
        return finish(journal)


def _print_table(journal: Journal, limit: int | None, now: datetime) -> None:
    shown = journal.latest(limit) if limit else journal.records()
    if not shown:
        print(f"No records yet in {journal.path}.")
        return
    for record in shown:
        print(visible(f"{'#' + str(record['id']):>6}  {_local(to_public(record)['time'], now)}  "
                      f"{record['type']:<8}  {_what(record)}"))  # one line, whatever a note holds
    week = soreness.week_count(journal.records(since=now - timedelta(days=8)), now)
    days = soreness.journal_streak(journal, now)
    print(f"Routines this week: {week}. Streak: {days} day{'s' if days != 1 else ''}.")


def _local(stamp: str, now: datetime) -> str:
    return datetime.fromisoformat(stamp).astimezone(now.tzinfo).strftime("%a %d %b %Y %H:%M")


def _what(record: dict) -> str:
    if record["type"] == "session":
        state = "completed" if record["completed"] else "left part-way"
        return (f"{record['routine_name']}: {state}, {record['exercises_done']}/"
                f"{record['exercises_total']} exercises in {format_duration(record['seconds'])}")
    if record["type"] == "run":
        return describe_run(record)
    text = soreness.describe(record)
    if record["session"] is not None:
        text += f" after session #{record['session']}"
    return text + (f": {json.dumps(record['note'], ensure_ascii=False)}" if record["note"] else "")


def cmd_export(args: argparse.Namespace) -> int:
    write = export_csv if args.format == "csv" else export_json
    if args.output is not None and os.path.lexists(args.output):
        raise _taken(args.output)
    with open_journal(args.journal, command_now()) as journal:
        records = journal.records()
        try:
            if args.output is None:
                write(records, sys.stdout)
            else:
                _write_new(args.output, lambda file: write(records, file))
        except FileExistsError:
            raise _taken(args.output) from None
        except BrokenPipeError:
            raise  # stdout's reader went away: cli.main ends quietly
        except OSError as error:
            where = "the output" if args.output is None else args.output
            raise CommandFailed(f"Cannot write {where}: {error.strerror or error}.") from None
        return finish(journal)


def _taken(path: Path) -> CommandFailed:
    return CommandFailed(f"{path} exists; choose another name.")


def _write_new(path: Path, write: Callable) -> None:
    """Write a new file in full (temp file, fsync, link); never replace one."""
    fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".tmp")
    try:
        with open(fd, "w", encoding="utf-8", newline="") as file:
            write(file)
            file.flush()
            os.fsync(file.fileno())
        try:
            os.link(tmp, path)  # fails if the name was taken meanwhile
        except FileExistsError:
            raise
        except OSError:  # no hard links on this file system
            if os.path.lexists(path):
                raise FileExistsError(path) from None
            os.replace(tmp, path)
    finally:
        if os.path.lexists(tmp):
            os.unlink(tmp)

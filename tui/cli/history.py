"""`recovery-tui history`: the journal as a table, newest first.
(`history --json` is an export of the newest records: see export.py; without
--limit both read the journal a file at a time: Journal.streamed.)"""

from __future__ import annotations

import argparse
import json
from collections.abc import Callable
from datetime import datetime, timedelta
from itertools import chain
from typing import TYPE_CHECKING

from tui.cli.common import command_now, finish, local_time, open_journal
from tui.cli.export import StepNames, shown
from tui.core.common.terminal_text import visible
from tui.core.journal import soreness, stats
from tui.core.journal.journal import Journal
from tui.core.journal.records import to_public
from tui.core.journal.sessions import describe_session
from tui.core.plan.view import describe_run

if TYPE_CHECKING:
    from tui.core.plan.practices import PracticeNames


def cmd_history(args: argparse.Namespace) -> int:
    now = command_now()
    with open_journal(args.journal, now) as journal:
        _print_table(journal, args.limit, now)
        return finish(journal)


def _print_table(journal: Journal, limit: int | None, now: datetime) -> None:
    records = shown(journal, limit)
    first = next(records, None)
    if first is None:
        print(f"No records yet in {journal.path}.")
        return
    names = StepNames()  # the plan (and if need be the routines) read for a run only
    for record in chain([first], records):
        print(visible(f"{'#' + str(record['id']):>6}  {local_time(to_public(record)['time'], now)}  "
                      f"{record['type']:<8}  {_what(record, names)}"))  # one line, whatever a note holds
    week = stats.week_count(journal.records(since=now - timedelta(days=8), kinds=("session",)), now)
    days = stats.journal_streak(journal, now)
    print(f"Routines this week: {week}. Streak: {days} day{'s' if days != 1 else ''}.")


def _what(record: dict, names: Callable[[list[str]], PracticeNames]) -> str:
    if record["type"] == "session":
        return f"{record['routine_name']}: {describe_session(record)}"
    if record["type"] == "run":
        return describe_run(record, names([*record["practices"], *record["skipped"]]))
    text = soreness.describe(record)
    if record["session"] is not None:
        text += f" after session #{record['session']}"
    return text + (f": {json.dumps(record['note'], ensure_ascii=False)}" if record["note"] else "")

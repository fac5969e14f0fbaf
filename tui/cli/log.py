"""`recovery-tui log`: quick entry of a soreness rating.

Its own module so that the command a runner types straight after a run
loads only what saving a rating needs. Input is checked completely before
the journal is opened: bad input exits 2 and leaves the journal as it was
(not even created)."""

from __future__ import annotations

import argparse

from tui.cli.common import UsageError, command_now, finish, local_time, open_journal, say
from tui.core.common.when import parse_when
from tui.core.journal import soreness
from tui.core.journal.linking import LINK_WINDOW
from tui.core.journal.window import WINDOW_LIMIT


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
    if args.rating is not None and args.soreness is not None:
        raise UsageError("give the overall rating once: `log 3` or `log --soreness 3`")
    given = args.soreness if args.rating is None else args.rating
    overall = given if given is not None else max(areas.values(), default=None)
    if overall is None:
        raise UsageError("say how sore: `log N` (0-10), --soreness N or --area AREA=N")
    with open_journal(args.journal, now) as journal, journal.locked():
        # read once, each rule what it looks at (window.py): the link the sessions of the 72 h
        # before `when`; the pain and repeat checks the newest ratings of the last 7 days
        sessions = journal.records(since=when - LINK_WINDOW, kinds=("session",), each=WINDOW_LIMIT)
        ratings = journal.records(since=min(when, now) - soreness.GUARD_WINDOW, kinds=("soreness",),
                                  each=WINDOW_LIMIT)
        record = journal.add_soreness(overall, areas, args.pain or [], args.note, when=when, sessions=sessions)
        records = [record, *ratings, *sessions]
        alerts = soreness.pain_alerts(records, now)
        link = "not linked to a session (none ended in the 72 h before)."
        session = next((r for r in records if r["id"] == record["session"]), None)
        if session is not None:
            link = f"linked to '{session['routine_name']}' session #{session['id']}."
        print(f"Saved soreness {soreness.describe(record)} as record #{record['id']} "
              f"for {local_time(record['time'], now)}, {link}")
        if alerts:
            print(soreness.guard_notice(alerts))
        repeat = soreness.repeat_of(records, record)
        if repeat is not None:
            say(f"warning: this is the same rating as #{repeat['id']}, saved less than a minute before it: "
                "if it was saved twice by mistake, it counts twice in history and insights")
        return finish(journal, problems_fail=False)  # the rating was saved

"""`recovery-tui log | history | export`: the journal from the command line.

Only the headless core is imported (never Textual or rich), so these start at
once. Input is checked completely before the journal is opened: bad input
exits 2 and leaves the journal as it was (not even created).
"""

from __future__ import annotations

import argparse
import json
import os
import sys
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

from tui.core import journal as core
from tui.core.ids import AREAS
from tui.core.terminal_text import quoted, visible
from tui.core.when import WHEN_HELP, cli_now, format_duration, parse_when

PROG = "recovery-tui"


def register(commands, add_journal_option: Callable[[argparse.ArgumentParser], None]) -> None:
    areas = ", ".join(AREAS)
    log = commands.add_parser("log", help="add a soreness rating", epilog=f"Areas: {areas}.")
    log.add_argument("--soreness", metavar="N", type=_rating,
                     help="overall soreness 0-10 (default: the highest area rating)")
    log.add_argument("--area", metavar="AREA=N", type=_area_rating, action="extend", nargs="+",
                     help="soreness of one area, 0-10")
    log.add_argument("--pain", metavar="AREA", type=_area, action="extend", nargs="+",
                     help="sharp or localised pain in an area")
    log.add_argument("--note", metavar="TEXT", type=_note, default="",
                     help="a free note (one that starts with '-' works too)")
    log.add_argument("--date", metavar="WHEN", default="today",
                     help=f"when you felt it: {WHEN_HELP} (default: today)")
    add_journal_option(log)
    log.set_defaults(handler=cmd_log)

    history = commands.add_parser("history", help="show the journal, newest first")
    history.add_argument("--json", action="store_true", help="machine-readable output")
    history.add_argument("--limit", metavar="N", type=_positive, help="only the N newest records")
    add_journal_option(history)
    history.set_defaults(handler=cmd_history)

    export = commands.add_parser("export", help="write every record as CSV or JSON")
    export.add_argument("--format", required=True, choices=("csv", "json"))
    export.add_argument("--output", metavar="FILE", type=_new_file, help="a new file (default: standard output)")
    add_journal_option(export)
    export.set_defaults(handler=cmd_export)


# -- argument types: argparse turns ArgumentTypeError into a usage error ----------


def _whole_number(text: str) -> int | None:
    """Plain ASCII digits only: int() would also take '+3', '1_0' and '٣'."""
    digits = text.strip()
    return int(digits) if digits.isascii() and digits.isdigit() and len(digits) <= 6 else None


def _rating(text: str) -> int:
    number = _whole_number(text)
    if number is None or not 0 <= number <= 10:
        raise argparse.ArgumentTypeError(f"must be a whole number from 0 to 10, got {quoted(text)}")
    return number


def _area(text: str) -> str:
    try:
        return core.area_name(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"unknown area {quoted(text)} (known: {', '.join(AREAS)})") from None


def _area_rating(text: str) -> tuple[str, int]:
    name, equals, value = text.partition("=")
    if not equals or not name.strip() or not value.strip():
        raise argparse.ArgumentTypeError(f"{quoted(text)} is not AREA=N (for example calves=4)")
    try:
        rating = _rating(value.strip())
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(
            f"{visible(name.strip()[:40])} must be rated with a whole number from 0 to 10, got {quoted(value)}"
        ) from None
    return _area(name), rating


def _positive(text: str) -> int:
    number = _whole_number(text)
    if number is None or number < 1:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, got {quoted(text)}")
    return number


def _note(text: str) -> str:
    """Any text, kept as typed; bytes that are not UTF-8 arrive as lone
    surrogates and could not be saved."""
    bad = next((char for char in text if "\ud800" <= char <= "\udfff"), None)
    if bad is not None:
        raise argparse.ArgumentTypeError(
            f"is not valid UTF-8 text (byte {ord(bad) - 0xDC00:#04x}); check the terminal's encoding")
    return text


def _new_file(text: str) -> Path:
    if not text.strip():
        raise argparse.ArgumentTypeError("needs a file name, got an empty one")
    return Path(text)


# -- helpers ------------------------------------------------------------------------


def _usage(message: str) -> Exception:
    from tui.cli import UsageError  # tui.cli imports this module; import late

    return UsageError(message)


def _now() -> datetime:
    try:
        return cli_now()
    except ValueError as error:
        raise _usage(str(error)) from None


def _say(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def _open(args: argparse.Namespace, now: datetime) -> core.Journal:
    from tui.core.paths import journal_path

    return core.Journal(journal_path(args.journal), now=lambda: now)


def _finish(journal: core.Journal, problems_fail: bool = True) -> int:
    """Pass on storage notices and skipped records; 1 if records were skipped."""
    for notice in journal.notices:
        _say(f"note: {notice}")
    for problem in journal.problems:
        _say(f"warning: {problem}")
    return 1 if journal.problems and problems_fail else 0


def _local(stamp: str, now: datetime) -> str:
    return datetime.fromisoformat(stamp).astimezone(now.tzinfo).strftime("%a %d %b %Y %H:%M")


# -- commands ---------------------------------------------------------------------------


def cmd_log(args: argparse.Namespace) -> int:
    from tui.core import soreness
    from tui.core.storage import JournalError

    now = _now()
    try:
        when = parse_when(args.date, now)
    except ValueError as error:
        raise _usage(f"argument --date: {error}") from None
    areas: dict[str, int] = {}
    for area, rating in args.area or []:
        if area in areas:
            raise _usage(f"argument --area: {area} is rated twice")
        areas[area] = rating
    overall = args.soreness if args.soreness is not None else max(areas.values(), default=None)
    if overall is None:
        raise _usage("say how sore: --soreness N (0-10) or --area AREA=N")
    journal = _open(args, now)
    try:
        with journal, journal.locked():
            record = journal.add_soreness(overall, areas, args.pain or [], args.note, when=when)
            records = journal.records(since=min(when - core.LINK_WINDOW, now - soreness.GUARD_WINDOW))
            alerts = soreness.pain_alerts(records, now)
            link = "not linked to a session (none ended in the 72 h before)."
            session = next((r for r in records if r["id"] == record["session"]), None)
            if session is not None:
                link = f"linked to '{session['routine_name']}' session #{session['id']}."
            print(f"Saved soreness {soreness.describe(record)} as record #{record['id']} "
                  f"for {_local(record['time'], now)}, {link}")
            if alerts:
                print(soreness.guard_notice(alerts))
            return _finish(journal, problems_fail=False)  # the rating was saved
    except JournalError as error:
        _say(str(error))
        return 1


def cmd_history(args: argparse.Namespace) -> int:
    from tui.core.export import export_json
    from tui.core.storage import JournalError

    now = _now()
    journal = _open(args, now)
    try:
        with journal:
            if args.json:
                export_json(journal.latest(args.limit) if args.limit else journal.records(), sys.stdout)
            else:
                _print_table(journal, args.limit, now)
            return _finish(journal)
    except JournalError as error:
        _say(str(error))
        return 1


def _print_table(journal: core.Journal, limit: int | None, now: datetime) -> None:
    from tui.core import soreness

    shown = journal.latest(limit) if limit else journal.records()
    if not shown:
        print(f"No records yet in {journal.path}.")
        return
    for record in shown:
        print(visible(f"{'#' + str(record['id']):>6}  {_local(core.to_public(record)['time'], now)}  "
                      f"{record['type']:<8}  {_what(record)}"))  # one line, whatever a note holds
    week, days = soreness.week_count(journal.records(since=now - timedelta(days=8)), now), soreness.journal_streak(journal, now)
    print(f"Routines this week: {week}. Streak: {days} day{'s' if days != 1 else ''}.")


def _what(record: dict) -> str:
    from tui.core import soreness

    if record["type"] == "session":
        from tui.core.sessions import session_state

        state = session_state(record)
        return (f"{record['routine_name']}: {state}, {record['exercises_done']}/"
                f"{record['exercises_total']} exercises in {format_duration(record['seconds'])}")
    if record["type"] == "run":
        from tui.core.runs import describe_run

        return describe_run(record)
    text = soreness.describe(record)
    if record["session"] is not None:
        text += f" after session #{record['session']}"
    return text + (f": {json.dumps(record['note'], ensure_ascii=False)}" if record["note"] else "")


def cmd_export(args: argparse.Namespace) -> int:
    from tui.core.export import export_json
    from tui.core.storage import JournalError

    from tui.core.export import export_csv, journal_records

    write = export_csv if args.format == "csv" else export_json
    if args.output is not None and os.path.lexists(args.output):
        _say(f"{args.output} exists; choose another name.")
        return 1
    now = _now()
    journal = _open(args, now)
    try:
        with journal:
            records = journal_records(journal)
            if args.output is None:
                write(records, sys.stdout)
            else:
                _write_new(args.output, lambda file: write(records, file))
            return _finish(journal)
    except JournalError as error:
        _say(str(error))
        return 1
    except FileExistsError:
        _say(f"{args.output} exists; choose another name.")
        return 1
    except BrokenPipeError:
        raise  # stdout's reader went away: cli.main ends quietly
    except OSError as error:
        where = "the output" if args.output is None else args.output
        _say(f"Cannot write {where}: {error.strerror or error}.")
        return 1


def _write_new(path: Path, write: Callable) -> None:
    """Write a new file in full (temp file, fsync, rename); never replace one."""
    import tempfile

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

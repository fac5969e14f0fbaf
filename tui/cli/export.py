"""`recovery-tui export` and `history --json`: records as CSV or JSON, to
standard output or to a new file that is never an existing one, a run's
steps by the names the plan shows (StepNames, which `history` uses too)."""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import IO, TYPE_CHECKING

from tui.cli.common import CommandFailed, command_now, finish, open_journal
from tui.core.common.atomic import write_new
from tui.core.common.paths import user_plan_path
from tui.core.journal.export import export_csv, export_json, journal_records

if TYPE_CHECKING:
    from tui.core.journal.journal import Journal
    from tui.core.plan.practices import PracticeNames


def cmd_history_json(args: argparse.Namespace) -> int:
    """`history --json [--limit N]`: the newest N records (or all), newest first."""
    with open_journal(args.journal, command_now()) as journal:
        export_json(shown(journal, args.limit), sys.stdout, StepNames())
        return finish(journal)


def shown(journal: Journal, limit: int | None) -> Iterator[dict]:
    """What `history` shows: the newest `limit` records, or every record read
    a file at a time (Journal.streamed), so that a century is never held at once."""
    return iter(journal.latest(limit)) if limit else journal.streamed()


def cmd_export(args: argparse.Namespace) -> int:
    write = _csv_with_names if args.format == "csv" else _json_with_names
    if args.output is not None and os.path.lexists(args.output):
        raise _taken(args.output)
    with open_journal(args.journal, command_now()) as journal:
        records = journal_records(journal)
        if args.output is None:
            write(records, sys.stdout)  # cli.main reports a failed write (see output.py)
            return finish(journal)
        try:
            write_new(args.output, lambda file: write(records, file))
        except FileExistsError:
            raise _taken(args.output) from None
        except OSError as error:
            raise CommandFailed(f"Cannot write {args.output}: {error.strerror or error}.") from None
        return finish(journal)


class StepNames:
    """The names a run's steps are shown by, for `history` and `history --json`,
    read when first needed and once. While there is no plan of the user's own
    and every id of a run is one the shipped plan names ("hydrate",
    "foam-rolling"), the shipped plan alone gives them; the routine library is
    read only for an id it does not name (a routine of no step: "runner-yoga").
    A journal whose runs have no steps reads nothing for names."""

    def __init__(self) -> None:
        self.shipped: PracticeNames | None = None
        self.everything: PracticeNames | None = None

    def __call__(self, ids: Iterable[str]) -> PracticeNames:
        if self.everything is None:
            from tui.core.plan.practices import shipped_plan_names

            if self.shipped is None and not user_plan_path().exists():
                self.shipped = shipped_plan_names()
            if self.shipped is not None and all(map(self.shipped.knows, ids)):
                return self.shipped
            from tui.cli.library import practice_names

            self.everything = practice_names()
        return self.everything


def _taken(path: Path) -> CommandFailed:
    return CommandFailed(f"{path} exists; choose another name.")


def _json_with_names(records: Iterable[dict], file: IO[str]) -> None:
    export_json(records, file, StepNames())


def _csv_with_names(records: Iterable[dict], file: IO[str]) -> None:
    """The CSV with practices named as the plan in use names them ("Drink")."""
    from tui.cli.library import practice_names

    export_csv(records, file, practice_names())

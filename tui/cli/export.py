"""`recovery-tui export` and `history --json`: records as CSV or JSON, to
standard output or to a new file that is never an existing one."""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from collections.abc import Callable
from pathlib import Path

from tui.cli.common import CommandFailed, command_now, finish, open_journal
from tui.core.export import export_csv, export_json, journal_records


def cmd_history_json(args: argparse.Namespace) -> int:
    """`history --json [--limit N]`: the newest N records (or all), newest first."""
    with open_journal(args.journal, command_now()) as journal:
        export_json(journal.latest(args.limit) if args.limit else journal.records(), sys.stdout)
        return finish(journal)


def cmd_export(args: argparse.Namespace) -> int:
    write = export_csv if args.format == "csv" else export_json
    if args.output is not None and os.path.lexists(args.output):
        raise _taken(args.output)
    with open_journal(args.journal, command_now()) as journal:
        records = journal_records(journal)
        if args.output is None:
            write(records, sys.stdout)  # cli.main reports a failed write (see output.py)
            return finish(journal)
        try:
            _write_new(args.output, lambda file: write(records, file))
        except FileExistsError:
            raise _taken(args.output) from None
        except OSError as error:
            raise CommandFailed(f"Cannot write {args.output}: {error.strerror or error}.") from None
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

"""What every command shares: its name in messages, the two ways a command
fails (a bad command line, exit 2; a problem with the data, exit 1), the
clock, and the one way to open the journal."""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime

from tui.core.common.paths import journal_path
from tui.core.common.when import cli_now
from tui.core.journal.archive import damaged_month_line
from tui.core.journal.journal import Journal
from tui.core.journal.store.errors import JournalError

PROG = "recovery-tui"


class UsageError(Exception):
    """A bad command line: one line on stderr, exit 2."""


class CommandFailed(Exception):
    """The command could not do its job (the journal is damaged, say): its
    message on stderr, exit 1."""


def say(message: str) -> None:
    print(f"{PROG}: {message}", file=sys.stderr)


def command_now() -> datetime:
    """The time the command runs at; a bad $RECOVERY_TUI_NOW is a usage error."""
    try:
        return cli_now()
    except ValueError as error:
        raise UsageError(str(error)) from None


@contextmanager
def journal_errors() -> Iterator[None]:
    """A journal problem raised inside becomes CommandFailed, which cli.main reports."""
    try:
        yield
    except JournalError as error:
        raise CommandFailed(str(error)) from None


@contextmanager
def open_journal(journal_option: str | None, now: datetime) -> Iterator[Journal]:
    """The journal named by --journal (or the default one), open for one command."""
    with journal_errors(), Journal(journal_path(journal_option), now=lambda: now) as journal:
        yield journal


def finish(journal: Journal, problems_fail: bool = True) -> int:
    """Pass on storage notices and skipped records; 1 if records were skipped
    (unless the command saved what it was asked to: problems_fail=False)."""
    for notice in journal.notices:
        say(f"note: {notice}")
    for problem in journal.problems:
        say(f"warning: {problem}")
    for month, problem in sorted(journal.damaged_months.items()):
        say(f"warning: {damaged_month_line(month, problem)}")
    return 1 if (journal.problems or journal.damaged_months) and problems_fail else 0


def local_time(stamp: str, now: datetime) -> str:
    """A stored time stamp as the runner reads it, in the time zone of `now`."""
    return datetime.fromisoformat(stamp).astimezone(now.tzinfo).strftime("%a %d %b %Y %H:%M")

"""What every command shares: its name in messages, the two ways a command
fails (a bad command line, exit 2; a problem with the data, exit 1), the
clock, and the one way to open the journal."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from tui.core.common.paths import JOURNAL_VARIABLE, journal_path
from tui.core.common.terminal_text import quoted
from tui.core.common.when import cli_now, in_zone_of
from tui.core.journal.archive import damaged_month_line
from tui.core.journal.journal import Journal
from tui.core.journal.store.errors import JournalError

PROG = "recovery-tui"


class UsageError(Exception):
    """A bad command line: one line on stderr, exit 2. `command` is the
    command whose --help the message points to (None: the top level's)."""

    def __init__(self, message: str, command: str | None = None) -> None:
        super().__init__(message)
        self.command = command


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """" (did you mean 'calves'?)" for a near miss of one of `choices`, else "".
    A close spelling (difflib) first, else a choice the word is one part of
    ('yoga' in runner-yoga). difflib is loaded only for a mistake."""
    import difflib

    choices = list(choices)
    typed = word.strip().lower()
    close = difflib.get_close_matches(typed, choices, n=1, cutoff=0.6) or [
        choice for choice in choices if typed and typed in choice.split("-")][:1]
    return f" (did you mean {quoted(close[0])}?)" if close else ""


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


def command_journal_path(journal_option: str | None) -> Path:
    """The journal file named by --journal, $RECOVERY_TUI_JOURNAL or the
    default. A name that can only be a folder ('/', '.', 'notes/') is a usage
    error; an existing folder under a file's name is the journal's to report."""
    path = journal_path(journal_option)
    named = f"--journal {quoted(journal_option)}" if journal_option else (
        f"${JOURNAL_VARIABLE} {quoted(os.environ[JOURNAL_VARIABLE])}" if os.environ.get(JOURNAL_VARIABLE)
        else f"the journal {path}")
    text = str(journal_option or os.environ.get(JOURNAL_VARIABLE) or path)
    if path.name in ("", ".", "..") or text.endswith(("/", os.sep)):
        raise UsageError(f"{named} is a folder: name a journal file (for example {path / 'journal.json'})")
    return path


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
    with journal_errors(), Journal(command_journal_path(journal_option), now=lambda: now) as journal:
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
    return f"{in_zone_of(datetime.fromisoformat(stamp), now):%a %d %b %Y %H:%M}"

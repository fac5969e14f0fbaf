"""Plain `recovery-tui` and `recovery-tui start ID`: open the app.

The boundary between the command line and the UI: Textual is imported here,
when the app is asked for, and by no other command."""

from __future__ import annotations

import argparse
import sys

from tui.cli.common import UsageError, command_journal_path, did_you_mean
from tui.cli.library import load_all
from tui.core.common.paths import settings_path
from tui.core.common.settings import load_settings
from tui.core.common.terminal_text import quoted
from tui.core.common.when import wall_clock
from tui.core.journal.journal import Journal


def cmd_app(args: argparse.Namespace) -> int:
    library = load_all()
    start = getattr(args, "routine", None)
    if start is not None and library.get(start) is None:
        known = ", ".join(r.id for r in library.routines)
        suggestion = did_you_mean(start, [r.id for r in library.routines])
        raise UsageError(f"unknown routine {quoted(start)}{suggestion} (known: {known})")
    try:
        now = wall_clock()
    except ValueError as error:
        raise UsageError(str(error)) from None
    journal = command_journal_path(args.journal)
    settings, problems = load_settings(settings_path())
    from tui.app import RecoveryApp  # Textual, for the app only
    from tui.crash import CrashCatcher, crash_message, write_crash_log

    app = RecoveryApp(
        library,
        journal=Journal(journal, now=now),
        now=now,
        quiet=args.quiet,
        voice=args.voice,
        settings=settings,
        settings_path=settings_path(),
        settings_problems=problems,
        start_routine=start,
    )
    crashes = CrashCatcher()
    app.error_console = crashes.console
    plain_output()
    app.run()
    if crashes.report:
        print(crash_message(write_crash_log(crashes.report)), file=sys.stderr)
        return 1
    return app.return_code or 0


def plain_output() -> None:
    """The standard streams without cli.main's VisibleStream: the app draws
    its own screen (and shows control characters visibly there itself)."""
    sys.stdout, sys.stderr = (getattr(s, "stream", s) for s in (sys.stdout, sys.stderr))

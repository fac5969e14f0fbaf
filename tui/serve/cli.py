"""The `serve` command's handler (its options are in tui/cli/parser.py).
Imports neither aiohttp nor textual-serve until the command runs, so a
missing extra is one clear line."""

from __future__ import annotations

import argparse
import os
import shlex
import sys
from pathlib import Path

from tui.cli.common import PROG, UsageError, command_journal_path, command_now
from tui.serve.addresses import valid_host

INSTALL_HINT = f"{PROG}: serve needs the serve extra: in the recovery-tui folder, pip install '.[serve]'"


def app_command(args: argparse.Namespace) -> str:
    """The shell command each browser tab runs: this app, with this command
    line's journal and bell options and the same environment (textual-serve
    passes it on), so every tab uses the user's own journal and settings.
    The server is this process: the app ends when it does (see session.py)."""
    words = [sys.executable, "-m", "tui.serve.session", "--server", str(os.getpid())]
    if args.journal:
        words += ["--journal", str(Path(args.journal).expanduser().resolve())]
    if args.quiet:
        words.append("--quiet")
    return "exec " + shlex.join(words)  # exec: the app is the shell's own process


def cmd_serve(args: argparse.Namespace) -> int:
    try:
        import textual_serve  # noqa: F401 - only to know whether the extra is there
    except ImportError:
        print(INSTALL_HINT, file=sys.stderr)
        return 2
    if not valid_host(args.host):
        shown = ascii(args.host)  # no escape or stray surrogate reaches the terminal
        raise UsageError(f"--host {shown} is not a host name or an address (such as localhost, 0.0.0.0 or ::1)")
    command_journal_path(args.journal)  # what each tab would open: checked once, here
    command_now()
    from tui.serve.run import serve

    return serve(app_command(args), args.host, args.port)

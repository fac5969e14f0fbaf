"""The `serve` command's handler (its options are in tui/cli/parser.py).
Imports neither aiohttp nor textual-serve until the command runs, so a
missing extra is one clear line."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from tui.cli.common import PROG, UsageError, command_journal_path, command_now

INSTALL_HINT = f"{PROG}: serve needs the serve extra: in the recovery-tui folder, pip install '.[serve]'"


def app_command(args: argparse.Namespace) -> str:
    """The shell command each browser tab runs: this app, with this command
    line's journal and bell options and the same environment (textual-serve
    passes it on), so every tab uses the user's own journal and settings."""
    words = [sys.executable, "-m", "tui.serve.session"]
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
    if not args.host.isprintable() or any(ch.isspace() for ch in args.host) or not args.host:
        raise UsageError(f"--host {args.host!r} is not an address")  # repr: no escape reaches the terminal
    command_journal_path(args.journal)  # what each tab would open: checked once, here
    command_now()
    from tui.serve.run import serve

    return serve(app_command(args), args.host, args.port)

"""The `serve` command's parser and handler. Imports neither aiohttp nor
textual-serve until the command runs, so a missing extra is one clear line."""

from __future__ import annotations

import argparse
import shlex
import sys
from pathlib import Path

from tui.cli import PROG, UsageError

INSTALL_HINT = f"{PROG}: serve needs the serve extra: in the recovery-tui folder, pip install '.[serve]'"
DEFAULT_PORT = 8000


def register(commands, add_journal_option) -> None:
    serve = commands.add_parser("serve", help="the app in a browser (needs the serve extra)")
    serve.add_argument("--host", default="localhost",
                       help="address to listen on (default: localhost, this machine only; "
                            "0.0.0.0 for a phone on the same network)")
    serve.add_argument("--port", type=port_number, default=DEFAULT_PORT,
                       help=f"port to listen on (default: {DEFAULT_PORT})")
    serve.add_argument("--quiet", action="store_true", default=argparse.SUPPRESS, help="no bell")
    add_journal_option(serve)
    serve.set_defaults(handler=cmd_serve)


def port_number(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port (1 to 65535)")
    return int(text)


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
    from tui.serve.run import serve

    return serve(app_command(args), args.host, args.port)

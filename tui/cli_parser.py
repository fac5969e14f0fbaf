"""The command line's parser: argparse, imported only when there are arguments
to parse (plain `recovery-tui` skips it; see cli.parse)."""

from __future__ import annotations

import argparse
import sys
from pathlib import Path
from types import SimpleNamespace

from tui import __version__, cli
from tui.cli import PROG, UsageError


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D401 - argparse hook
        raise UsageError(message)


def build_parser(argv: list[str] | None = None, whole: bool = True) -> Parser:
    """The command line; with whole=False, only the parser of argv's command
    (every subparser built, and every command module imported, slows `log`
    down). cli.parse falls back to the whole parser for any usage error."""
    parser = Parser(
        prog=PROG,
        description="Post-run recovery: guided routines with timers.",
        epilog="Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--quiet", action="store_true", help="no terminal bell")
    parser.add_argument("--voice", action="store_true", help="spoken cues (needs espeak-ng)")
    add_journal_option(parser, top_level=True)
    parser.set_defaults(handler=cli.cmd_app)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    everything = whole or _asks_for_help(argv)  # the top-level --help lists every command
    command = None if everything else _command_word(argv)

    if everything or command == "run":
        run = commands.add_parser("run", help="open straight into a routine")
        run.add_argument("routine", metavar="ID", help="routine id (see `routines`)")
        run.add_argument("--quiet", action="store_true", default=argparse.SUPPRESS, help="no terminal bell")
        run.add_argument("--voice", action="store_true", default=argparse.SUPPRESS,
                         help="spoken cues (needs espeak-ng)")
        add_journal_option(run)
        run.set_defaults(handler=cli.cmd_app)

    if everything or command == "routines":
        routines = commands.add_parser("routines", help="list the routines")
        routines.add_argument("--json", action="store_true", help="machine-readable output")
        routines.set_defaults(handler=cli.cmd_routines)

    if everything or command == "validate":
        validate = commands.add_parser("validate", help="check routine and plan files, listing every problem")
        validate.add_argument("files", metavar="FILE", nargs="+", type=Path)
        validate.set_defaults(handler=cli.cmd_validate)

    if everything:
        register_journal_commands(commands)
    elif (module := _command_module(command)) is not None:
        register_journal_commands(_OnlyCommand(commands, command), module)
    return parser


class _OnlyCommand:
    """The subparsers, for a module that adds several commands when one is
    wanted: the others' parsers are not built, and their arguments go nowhere."""

    _nowhere = SimpleNamespace(add_argument=lambda *args, **kwargs: None,
                               set_defaults=lambda **kwargs: None)

    def __init__(self, commands, wanted: str) -> None:
        self.commands = commands
        self.wanted = wanted

    def add_parser(self, name: str, **kwargs):
        return self.commands.add_parser(name, **kwargs) if name == self.wanted else self._nowhere


def add_journal_option(parser: argparse.ArgumentParser, top_level: bool = False) -> None:
    """`--journal PATH` works before or after the command."""
    parser.add_argument(
        "--journal",
        metavar="PATH",
        default=None if top_level else argparse.SUPPRESS,
        help="journal file (default: $RECOVERY_TUI_JOURNAL or the user data folder)",
    )


# Modules that add their own commands with register(commands, add_journal_option),
# and the commands each adds (tests/core/test_cli_errors.py keeps this in step).
COMMAND_MODULES = {
    "tui.journal_cli": ("log", "history", "export"),
    "tui.plan_cli": ("plan", "did"),
    "tui.insights_cli": ("insights",),
    "tui.doctor_cli": ("doctor",),
    "tui.serve.cli": ("serve",),
}


# Options whose value is free text. argparse reads a value that starts with
# '-' ("-2+3", "-hills") as another option and stops with "expected one argument".
FREE_TEXT_OPTIONS = ("--note",)


def attach_free_text(words: list[str]) -> list[str]:
    """`--note -2+3` as `--note=-2+3`, which argparse reads as meant. A next
    word that is a long option or -h stays an option (a forgotten value)."""
    attached: list[str] = []
    position = 0
    while position < len(words):
        word = words[position]
        if word == "--":
            return attached + words[position:]
        following = words[position + 1] if position + 1 < len(words) else None
        if (word in FREE_TEXT_OPTIONS and following is not None and following.startswith("-")
                and not following.startswith("--") and following != "-h"):
            attached.append(f"{word}={following}")
            position += 2
            continue
        attached.append(word)
        position += 1
    return attached


def words_of(argv: list[str] | None) -> list[str]:
    """The command line's words: argv, or the process's own when None."""
    return sys.argv[1:] if argv is None else argv


def _command_word(argv: list[str] | None) -> str | None:
    """The first word that is not an option: the command, unless it is an
    option's value (then the guess is wrong and parsing falls back)."""
    return next((word for word in words_of(argv) if not word.startswith("-")), None)


def _command_module(command: str | None) -> str | None:
    """The module that adds `command`, if one of them does."""
    return next((name for name, commands in COMMAND_MODULES.items() if command in commands), None)


def _asks_for_help(argv: list[str] | None) -> bool:
    return any(word == "-h" or (len(word) > 2 and "--help".startswith(word)) for word in words_of(argv))


def register_journal_commands(commands, only: str | None = None) -> None:
    import importlib

    for name in [only] if only else COMMAND_MODULES:
        try:
            module = importlib.import_module(name)
        except ModuleNotFoundError as error:
            if error.name != name:
                raise
            continue
        module.register(commands, add_journal_option)

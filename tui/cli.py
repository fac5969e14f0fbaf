"""Command line. Only `recovery-tui` (no command) and `run` import Textual;
every other command rides on the headless core so it starts at once."""

from __future__ import annotations

import argparse
import gc
import json
import sys
from pathlib import Path

from tui import __version__
from tui.core.errors import DataFileError

PROG = "recovery-tui"


class UsageError(Exception):
    """A bad command line: one line on stderr, exit 2."""


class Parser(argparse.ArgumentParser):
    def error(self, message: str):  # noqa: D401 - argparse hook
        raise UsageError(message)


def build_parser(argv: list[str] | None = None, whole: bool = True) -> Parser:
    """The command line; with whole=False, only what argv's command needs
    (importing the other command modules would slow `log` and the app's start down)."""
    parser = Parser(
        prog=PROG,
        description="Post-run recovery: guided routines with timers.",
        epilog="Run without a command to open the app.",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--quiet", action="store_true", help="no terminal bell")
    add_journal_option(parser, top_level=True)
    parser.set_defaults(handler=cmd_app)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)

    run = commands.add_parser("run", help="open straight into a routine")
    run.add_argument("routine", metavar="ID", help="routine id (see `routines`)")
    run.add_argument("--quiet", action="store_true", default=argparse.SUPPRESS, help="no terminal bell")
    add_journal_option(run)
    run.set_defaults(handler=cmd_app)

    routines = commands.add_parser("routines", help="list the routines")
    routines.add_argument("--json", action="store_true", help="machine-readable output")
    routines.set_defaults(handler=cmd_routines)

    validate = commands.add_parser("validate", help="check routine files")
    validate.add_argument("files", metavar="FILE", nargs="+", type=Path)
    validate.set_defaults(handler=cmd_validate)
    only = None if whole else _command_module(argv)
    # Opening the app (or run, routines, validate) needs none of their modules;
    # the top-level --help still lists every command.
    if whole or only is not None or _asks_for_help(argv):
        register_journal_commands(commands, only)
    return parser


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
    "tui.plan_cli": ("plan", "did", "insights"),
    "tui.doctor_cli": ("doctor",),
}


def _command_module(argv: list[str] | None) -> str | None:
    """The module of the command in argv, if it names one of theirs."""
    words = sys.argv[1:] if argv is None else argv
    command = next((word for word in words if not word.startswith("-")), None)
    return next((name for name, commands in COMMAND_MODULES.items() if command in commands), None)


def _asks_for_help(argv: list[str] | None) -> bool:
    words = sys.argv[1:] if argv is None else argv
    return any(word == "-h" or (len(word) > 2 and "--help".startswith(word)) for word in words)


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


def load_all():
    from tui.core.loader import load_library

    from routines import builtin_routine_files
    from tui.core.paths import user_routines_dir

    return load_library(builtin_routine_files(), user_routines_dir())


def report_library_errors(library) -> int:
    for error in library.errors:
        print(f"{PROG}: {error}", file=sys.stderr)
    return 1 if library.errors else 0


def cmd_routines(args: argparse.Namespace) -> int:
    from tui.core.model import KIND_LABELS, format_duration

    library = load_all()
    if args.json:
        json.dump([r.to_dict() for r in library.routines], sys.stdout, indent=2)
        print()
    else:
        for kind, routines in library.by_kind().items():
            print(KIND_LABELS[kind])
            for r in routines:
                print(f"  {r.id:<22} {r.name:<28} {len(r.exercises):>2} ex  {format_duration(r.total_seconds):>6}")
    return report_library_errors(library)


def cmd_validate(args: argparse.Namespace) -> int:
    from tui.core.loader import load_files

    library = load_files(list(args.files))
    for routine in library.routines:
        print(f"ok: {routine.source} ({routine.id}, {len(routine.exercises)} exercises)")
    return report_library_errors(library)


def cmd_app(args: argparse.Namespace) -> int:
    library = load_all()
    start = getattr(args, "routine", None)
    if start is not None and library.get(start) is None:
        known = ", ".join(r.id for r in library.routines)
        raise UsageError(f"unknown routine '{start}' (known: {known})")
    from tui.app import RecoveryApp
    from tui.core.journal import Journal
    from tui.core.paths import journal_path, settings_path
    from tui.core.settings import load_settings

    settings, problems = load_settings(settings_path())
    journal = Journal(journal_path(args.journal))
    app = RecoveryApp(
        library,
        journal=journal,
        quiet=args.quiet,
        settings=settings,
        settings_path=settings_path(),
        startup_problems=[str(problem) for problem in problems],
        start_routine=start,
    )
    gc.freeze()  # what start-up made lives as long as the app: keep it out of collections
    app.run()  # collection comes back on after the first frame (RecoveryApp.on_mount)
    return app.return_code or 0


def parse(argv: list[str] | None) -> argparse.Namespace:
    try:
        return build_parser(argv, whole=False).parse_args(argv)
    except UsageError:
        return build_parser(argv).parse_args(argv)  # the whole parser words the error


def main(argv: list[str] | None = None) -> int:
    # No cyclic garbage collection while a command runs: its imports make many
    # objects that live for the whole run, and collection passes over them
    # cost `log` about a tenth of its time. A command frees what it uses by
    # reference counting; the app turns collection back on (see cmd_app).
    collecting = gc.isenabled()
    gc.disable()
    try:
        return _main(argv)
    finally:
        if collecting:
            gc.enable()


def _main(argv: list[str] | None) -> int:
    try:
        args = parse(argv)
        return args.handler(args)
    except UsageError as error:
        print(f"{PROG}: {error} (try '{PROG} --help')", file=sys.stderr)
        return 2
    except DataFileError as error:
        print(f"{PROG}: {error}", file=sys.stderr)
        return 1
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        # The reader (e.g. `head`) went away; say nothing more.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        return 1
    except Exception as error:  # a bug: one line for the runner, the details in a log
        from tui.crash import crash_message, write_crash_log

        print(f"{PROG}: {crash_message(write_crash_log(error))}", file=sys.stderr)
        return 1

"""Command line. Only `recovery-tui` (no command) and `run` import Textual;
every other command rides on the headless core so it starts at once."""

from __future__ import annotations

import gc
import sys
from types import SimpleNamespace
from typing import TYPE_CHECKING

from tui.core.errors import DataFileError
from tui.core.terminal_text import VisibleStream, shortened, visible

if TYPE_CHECKING:
    import argparse

PROG = "recovery-tui"


class UsageError(Exception):
    """A bad command line: one line on stderr, exit 2."""


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
    from tui.core.paths import settings_path
    from tui.core.settings import load_settings
    from tui.core.timer import planned_seconds

    library = load_all()
    settings, _problems = load_settings(settings_path())  # the app reports a bad file

    def total(routine) -> float:
        """As long as the runner takes, pauses included: the total the app shows."""
        return planned_seconds(routine, settings.get_ready_seconds, settings.switch_sides_seconds)

    if args.json:
        import json

        json.dump([{**r.to_dict(), "planned_seconds": total(r)} for r in library.routines],
                  sys.stdout, indent=2)
        print()
    else:
        for kind, routines in library.by_kind().items():
            print(KIND_LABELS[kind])
            for r in routines:
                count = f"{len(r.exercises)} ex"
                print(f"  {r.id:<22} {r.name:<28} {count:>5}  {format_duration(total(r)):>6}")
    return report_library_errors(library)


def cmd_validate(args: argparse.Namespace) -> int:
    """Every problem of every file, routine or plan; exit 1 if there is one."""
    from tui.core.validate import check_files

    checked = check_files(args.files, [r.id for r in load_all().routines])
    for line in checked.good:
        print(f"ok: {line}")
    for error in checked.errors:
        print(f"{PROG}: {error}", file=sys.stderr)
    if checked.errors:
        files = len({error.path for error in checked.errors})
        count = len(checked.errors)
        print(f"{PROG}: {count} problem{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}",
              file=sys.stderr)
    return 1 if checked.errors else 0


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

    from tui.core.when import wall_clock

    try:
        now = wall_clock()
    except ValueError as error:
        raise UsageError(str(error)) from None
    settings, problems = load_settings(settings_path())
    journal = Journal(journal_path(args.journal), now=now)
    app = RecoveryApp(
        library,
        journal=journal,
        now=now,
        quiet=args.quiet,
        voice=args.voice,
        settings=settings,
        settings_path=settings_path(),
        settings_problems=problems,
        start_routine=start,
    )
    plain_output()
    gc.freeze()  # what start-up made lives as long as the app: keep it out of collections
    app.run()  # collection comes back on after the first frame (RecoveryApp.on_mount)
    return app.return_code or 0


def parse(argv: list[str] | None) -> argparse.Namespace | SimpleNamespace:
    words = sys.argv[1:] if argv is None else argv  # as cli_parser.words_of, without importing it
    if not words:
        # Plain `recovery-tui`, the way the app is opened after a run: what the
        # parser would give, without importing argparse and building it (about
        # 10 ms of the first frame). tests/core/test_cli_errors.py keeps the two equal.
        return SimpleNamespace(command=None, journal=None, quiet=False, voice=False, handler=cmd_app)
    from tui.cli_parser import attach_free_text, build_parser

    words = attach_free_text(words)
    try:
        return build_parser(words, whole=False).parse_args(words)
    except UsageError:
        return build_parser(words).parse_args(words)  # the whole parser words the error


def main(argv: list[str] | None = None) -> int:
    # No cyclic garbage collection while a command runs: its imports make many
    # objects that live for the whole run, and collection passes over them
    # cost `log` about a tenth of its time. A command frees what it uses by
    # reference counting; the app turns collection back on (see cmd_app).
    collecting = gc.isenabled()
    gc.disable()
    streams = sys.stdout, sys.stderr
    sys.stdout, sys.stderr = (VisibleStream(s) if s is not None else None for s in streams)
    try:
        return _main(argv)
    finally:
        sys.stdout, sys.stderr = streams
        if collecting:
            gc.enable()


def plain_output() -> None:
    """The standard streams without VisibleStream: for the app, which draws its
    own screen (and shows control characters visibly there itself)."""
    sys.stdout, sys.stderr = (getattr(s, "stream", s) for s in (sys.stdout, sys.stderr))


def _main(argv: list[str] | None) -> int:
    try:
        args = parse(argv)
        return args.handler(args)
    except UsageError as error:
        print(f"{PROG}: {visible(shortened(str(error)))} (try '{PROG} --help')", file=sys.stderr)
        return 2
    except DataFileError as error:  # a DataFileErrors is several lines: each gets the prefix
        print("\n".join(f"{PROG}: {visible(shortened(line))}" for line in str(error).splitlines()),
              file=sys.stderr)
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

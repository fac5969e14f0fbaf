"""The command line: `recovery-tui [COMMAND] ...`.

main() parses the whole command line (cli/parser.py), imports the module of
the command asked for and runs it, and turns every failure into one clear
message and an exit status: 2 for a bad command line, 1 for a problem with
the data or the output, 130 for Ctrl-C. Only the app, `start` and `serve`
import Textual; every other command runs on the headless core."""

from __future__ import annotations

import argparse
import importlib
import sys
from collections.abc import Callable

from tui.cli.common import PROG, CommandFailed, UsageError, say
from tui.cli.output import CommandOutput, OutputFailed, discard_output
from tui.cli.parser import parse
from tui.core.common.errors import DataFileError
from tui.core.common.terminal_text import VisibleStream, shortened, visible
from tui.core.journal.records import FieldError


def main(argv: list[str] | None = None) -> int:
    """Run one command; its exit status. Control characters in what it
    prints are shown visibly, never sent to the terminal."""
    streams = sys.stdout, sys.stderr
    sys.stdout = CommandOutput(streams[0]) if streams[0] is not None else None
    sys.stderr = VisibleStream(streams[1]) if streams[1] is not None else None
    try:
        return run(sys.argv[1:] if argv is None else argv)
    finally:
        sys.stdout, sys.stderr = streams


def run(words: list[str]) -> int:
    args = None
    try:
        args = parse(words)
        return handler(args)(args)
    except UsageError as error:  # the help it points to: the command's own, once it is known
        command = error.command or getattr(args, "command", None)
        say(f"{visible(shortened(str(error)))} (try '{PROG}{f' {command}' if command else ''} --help')")
        return 2
    except DataFileError as error:  # a DataFileErrors is several lines: each gets the prefix
        for line in str(error).splitlines():
            say(visible(shortened(line)))
        return 1
    except CommandFailed as error:
        say(str(error))
        return 1
    except FieldError as error:  # a record the journal could not read back: refused before it is saved
        say(f"not saved: {visible(shortened(str(error)))}")
        return 2
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:  # the reader (`| head`) went away: say nothing more
        discard_output()
        return 1
    except OutputFailed as error:  # a full disk: not a bug of ours
        discard_output()
        say(str(error))
        return 1
    except Exception as error:  # a bug: one line for the runner, the details in a log
        from tui.crash import crash_message, write_crash_log

        say(crash_message(write_crash_log(error)))
        return 1


def handler(args: argparse.Namespace) -> Callable[[argparse.Namespace], int]:
    """The function the parser named for this command ("module:function")."""
    module, _, name = args.handler.partition(":")
    return getattr(importlib.import_module(module), name)


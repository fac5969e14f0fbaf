"""The `recovery-tui` process: run the command line, then write out what it
printed while a failure can still be reported in one line."""

from __future__ import annotations

import sys

from tui.cli import main as run_command
from tui.cli.common import say
from tui.cli.output import OutputFailed, discard_output, failed_writes


def main() -> int:
    return flushed(run_command())


def flushed(code: int) -> int:
    """Flush standard output now: at the interpreter's exit a failure would
    only print 'Exception ignored' and change the exit status to 120."""
    if sys.stdout is None:  # the command was started with standard output closed
        return code
    try:
        with failed_writes():
            sys.stdout.flush()
    except BrokenPipeError:  # the reader went away (`| head`): nothing more to say
        discard_output()
        return code or 1
    except OutputFailed as error:  # a full disk, say
        discard_output()
        say(str(error))
        return code or 1
    return code

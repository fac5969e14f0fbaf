"""Standard output for a command, and what happens when it cannot be written.

A full disk (or any other failed write) is one line and exit 1, never the
crash handler: it is the place the output goes, not the program, that is at
fault. A reader that went away (`| head`) is not an error at all: the command
ends quietly. Either way the rest of what was buffered is dropped, so that
Python's own flush at exit does not fail a second time."""

from __future__ import annotations

import os
import sys
from collections.abc import Iterator
from contextlib import contextmanager

from tui.core.common.terminal_text import VisibleStream


class OutputFailed(Exception):
    """Standard output could not be written (not a broken pipe)."""

    def __init__(self, error: OSError) -> None:
        super().__init__(f"the output could not be written: {error.strerror or error}")


class CommandOutput(VisibleStream):
    """Standard output of a command: control characters shown visibly (see
    VisibleStream), and a failed write raised as OutputFailed, so that it
    cannot be taken for a bug by cli.main."""

    def write(self, text: str) -> int:
        with failed_writes():
            return super().write(text)

    def flush(self) -> None:
        with failed_writes():
            self.stream.flush()


@contextmanager
def failed_writes() -> Iterator[None]:
    """An OSError of a write inside becomes OutputFailed; BrokenPipeError passes."""
    try:
        yield
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputFailed(error) from None


def discard_output() -> None:
    """Point standard output at /dev/null: what is still buffered for a reader
    that went away (or a full disk) is dropped quietly when Python exits,
    instead of failing again there with an 'Exception ignored' message."""
    os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())

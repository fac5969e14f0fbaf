"""SIGTERM and SIGHUP end the app within two seconds, whatever it is doing.

The app records a routine in progress as left part-way, then leaves in order and
restores the terminal. That orderly exit cannot always finish: when the
terminal goes away (its window closed, `tmux kill-server`), Textual's output
thread dies on the first write that fails, its bounded queue fills, and the
next write blocks the event loop for good. A handler registered with
`loop.add_signal_handler` only runs when the loop turns, so after that no
signal was ever handled and the app outlived its terminal.

So the handler is a plain `signal.signal` one, which Python runs on the main
thread even while the loop is blocked. It asks the loop to record and exit,
and starts a deadline: a process still there after GRACE_SECONDS ends by the
signal's default action (as it does when the same signal comes again). When
the terminal is gone there is nothing to restore, and the app ends that way
as soon as the routine is recorded.
"""

from __future__ import annotations

import asyncio
import os
import signal
import threading
from collections.abc import Callable
from contextlib import suppress
from types import FrameType
from typing import Any

SIGNALS = (signal.SIGTERM, signal.SIGHUP)
GRACE_SECONDS = 1.5


def end_by_signal(signum: int) -> None:
    """End the process the way `signum` does by default (a shell sees 128 + signum).
    From the main thread only (signal.signal works nowhere else)."""
    signal.signal(signum, signal.SIG_DFL)
    os.kill(os.getpid(), signum)


class SignalExit:
    """Route SIGTERM and SIGHUP to `leave(signum)`, run on the event loop,
    with a deadline behind it."""

    def __init__(self, leave: Callable[[int], None]) -> None:
        self.leave = leave
        self.loop: asyncio.AbstractEventLoop | None = None
        self.deadline: threading.Timer | None = None
        self.terminals: list[int] = []
        self.previous: dict[int, Callable[[int, FrameType | None], Any] | int | signal.Handlers | None] = {}

    def install(self) -> bool:
        """Take over the signals; False where that is not possible (not the main thread)."""
        try:
            self.loop = asyncio.get_running_loop()
            for signum in SIGNALS:
                self.previous[signum] = signal.signal(signum, self.handle)
        except (RuntimeError, ValueError):
            return False
        self.terminals = [fd for fd in (0, 1, 2) if _isatty(fd)]
        return True

    def uninstall(self) -> None:
        for signum, handler in self.previous.items():
            with suppress(TypeError, ValueError):
                signal.signal(signum, handler)
        self.previous.clear()

    def handle(self, signum: int, frame=None) -> None:
        # From now on this signal has its default action: sent again, or sent
        # by the deadline (a thread, which cannot change handlers), it ends the process.
        signal.signal(signum, signal.SIG_DFL)
        if self.deadline is None:
            self.deadline = threading.Timer(GRACE_SECONDS, os.kill, (os.getpid(), signum))
            self.deadline.daemon = True
            self.deadline.start()
        loop = self.loop
        if loop is None or loop.is_closed():
            end_by_signal(signum)
            return
        try:
            loop.call_soon_threadsafe(self.leave, signum)
        except RuntimeError:  # closed meanwhile
            end_by_signal(signum)

    def terminal_gone(self) -> bool:
        """True when a descriptor that was a terminal at start no longer is (hung up)."""
        return any(not _isatty(fd) for fd in self.terminals)


def _isatty(fd: int) -> bool:
    try:
        return os.isatty(fd)
    except OSError:
        return False

"""How a served app is told to leave: SIGHUP, as when a terminal closes
(tui/app_signals.py records a routine in progress as left part-way, then
leaves). Sent once, whatever the number of reasons: the tab closed, the
server died (the kernel may say so several times), or both. A second
SIGHUP would end the app by the signal's default action before the
routine is recorded; the server's own SIGTERM is another signal."""

from __future__ import annotations

import os
import signal
import threading

_sent = threading.Event()


def leave() -> None:
    if not _sent.is_set():
        _sent.set()
        os.kill(os.getpid(), signal.SIGHUP)

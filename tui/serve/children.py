"""The app processes a server started: found through /proc (Linux), so that
none is left behind whatever textual-serve did or did not stop."""

from __future__ import annotations

import asyncio
import contextlib
import os
import signal
from pathlib import Path


def child_pids(parent: int | None = None) -> list[int]:
    """Live (not zombie) processes whose parent is `parent` (default: this one)."""
    parent = os.getpid() if parent is None else parent
    found = []
    try:
        entries = list(os.scandir("/proc"))
    except OSError:
        return []  # no /proc: nothing to look through
    for entry in entries:
        if not entry.name.isdigit():
            continue
        try:
            stat = Path(entry.path, "stat").read_text()
        except OSError:
            continue  # it ended while we looked
        # pid (comm) state ppid ...: comm may hold spaces or parentheses
        state, ppid = stat.rsplit(")", 1)[1].split()[:2]
        if int(ppid) == parent and state != "Z":
            found.append(int(entry.name))
    return found


async def end_children(grace: float = 3.0, poll: float = 0.05) -> list[int]:
    """SIGTERM every child still running (the app records a routine in
    progress and leaves), SIGKILL those still there after `grace` seconds.
    Returns the children that had to be signalled."""
    signalled = child_pids()
    _send(signalled, signal.SIGTERM)
    loop = asyncio.get_running_loop()
    deadline = loop.time() + grace
    while loop.time() < deadline and any(pid in signalled for pid in child_pids()):
        await asyncio.sleep(poll)
    _send([pid for pid in child_pids() if pid in signalled], signal.SIGKILL)
    return signalled


def _send(pids: list[int], signum: int) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signum)

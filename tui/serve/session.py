"""One browser tab's app: `python -m tui.serve.session --server PID [--journal PATH] [--quiet]`.

The app leaves the server's process group first. Ctrl-C in the server's
terminal then reaches the server alone, which ends each app with SIGTERM:
the app's own handler records a routine in progress as left part-way
(an interrupt would end it with nothing saved). For the same reason the
app runs with TabDriver (see tab_driver.py), read by Textual from
TEXTUAL_DRIVER when it is imported, after textual-serve has set its own.

A server that dies at once (`kill -9`, out of memory) sends no SIGTERM: the
kernel tells the app then (Linux's parent-death signal), and the app leaves
as when its terminal closes (tui/serve/leaving.py). The parent-death signal
is not SIGHUP itself: the kernel sends it again as each of the server's
threads ends, and a second SIGHUP would end the app before it records."""

import ctypes
import os
import signal
import sys

from tui.serve.leaving import leave

PR_SET_PDEATHSIG = 1  # from <linux/prctl.h>
SERVER_GONE = signal.SIGUSR1


def follow_server(server: int) -> None:
    """SERVER_GONE when the server ends. If it ended before the request was
    made, this process has another parent already: leave now, nothing has begun."""
    signal.signal(SERVER_GONE, server_gone)
    try:
        libc = ctypes.CDLL(None, use_errno=True)
        if libc.prctl(PR_SET_PDEATHSIG, SERVER_GONE, 0, 0, 0) != 0:
            return
    except (OSError, AttributeError):
        return  # not Linux: the server's SIGTERM and the tab's closing still end the app
    if os.getppid() != server:
        raise SystemExit(1)


def server_gone(signum: int, frame: object) -> None:
    leave()


if __name__ == "__main__":
    if sys.argv[1:2] == ["--server"]:
        follow_server(int(sys.argv[2]))
        del sys.argv[1:3]
    os.setpgrp()
    os.environ["TEXTUAL_DRIVER"] = "tui.serve.tab_driver:TabDriver"
    from tui.launch import main

    raise SystemExit(main())

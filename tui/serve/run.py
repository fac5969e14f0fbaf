"""Run the server until Ctrl-C or SIGTERM, printing the one line a user needs."""

from __future__ import annotations

import asyncio
import errno
import signal
import sys

from tui.cli.common import PROG
from tui.serve.addresses import network_warning, page_host, page_url
from tui.serve.quiet_logs import quiet_logs
from tui.serve.server import RecoveryServer
from tui.serve.token_gate import new_prefix, new_token


def serve(command: str, host: str, port: int) -> int:
    quiet_logs()
    return asyncio.run(_serve(command, host, port))


async def _serve(command: str, host: str, port: int) -> int:
    token, prefix = new_token(), new_prefix()
    printed = page_host(host)
    server = RecoveryServer(command, host, port, token, prefix, hosts=(printed,))
    try:
        await server.start()
    except OSError as error:
        reason = error.strerror or str(error)
        hint = " (try another --port)" if error.errno in (errno.EADDRINUSE, errno.EACCES) else ""
        print(f"{PROG}: cannot listen on {host}:{port}: {reason}{hint}", file=sys.stderr)
        return 1
    stop = asyncio.Event()
    loop = asyncio.get_running_loop()
    for signum in (signal.SIGINT, signal.SIGTERM, signal.SIGHUP):
        loop.add_signal_handler(signum, stop.set)
    url = page_url(printed, port, prefix, token)
    print(f"Open {url}", flush=True)
    warning = network_warning(host)
    if warning:
        print_qr_code(url)
        print(warning, file=sys.stderr)
    print("Ctrl-C stops the server and every app it started.", file=sys.stderr, flush=True)
    try:
        await stop.wait()
    finally:
        await server.stop()
    return 0


def print_qr_code(url: str) -> None:
    """The URL as a QR code in text, for a phone's camera."""
    import qrcode

    code = qrcode.QRCode(border=2)
    code.add_data(url)
    code.print_ascii(out=sys.stdout, invert=True)
    sys.stdout.flush()

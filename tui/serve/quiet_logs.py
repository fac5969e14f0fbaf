"""What the server's terminal shows of aiohttp's and textual-serve's logs:
nothing for a malformed request (anyone who can reach the port can send
one: it is answered 400 and forgotten), and one line, no traceback, for the rest."""

from __future__ import annotations

import logging
import sys

from aiohttp.http_exceptions import HttpProcessingError

from tui.cli.common import PROG

LOGGERS = ("aiohttp", "textual-serve", "recovery-tui.serve")


class OneLine(logging.Formatter):
    def format(self, record: logging.LogRecord) -> str:
        return f"{PROG} serve: {record.getMessage()}".splitlines()[0][:300]


def not_a_malformed_request(record: logging.LogRecord) -> bool:
    error = record.exc_info[1] if record.exc_info else None
    return not isinstance(error, HttpProcessingError | ConnectionError)


def quiet_logs() -> None:
    handler = logging.StreamHandler(sys.stderr)
    handler.setFormatter(OneLine())
    handler.addFilter(not_a_malformed_request)
    handler.setLevel(logging.WARNING)
    for name in LOGGERS:
        logger = logging.getLogger(name)
        logger.addHandler(handler)
        logger.propagate = False

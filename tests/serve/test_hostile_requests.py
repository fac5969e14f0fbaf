"""The real server and app, sent what no browser sends: a malformed resize
in the middle of a routine leaves the routine going (before, it reached the
app, which crashed and lost it), and broken requests of every kind print
no traceback on the server's terminal."""

from __future__ import annotations

import asyncio
import contextlib
import json
import socket

import aiohttp
import pytest

from tests.serve.helpers import ServedApp, Tab
from tests.serve.test_serve_process import no_get_ready, sessions_in

pytestmark = pytest.mark.slow  # see pyproject.toml's markers

MALFORMED_RESIZES = ['["resize", {"width": "x", "height": 30}]', '["resize", {"width": 0, "height": 0}]',
                     '["resize", {"width": null, "height": 30}]', '["resize", [100, 30]]']


async def test_a_malformed_resize_does_not_end_the_routine(tmp_path):
    no_get_ready(tmp_path)
    with ServedApp(tmp_path) as served:
        async with aiohttp.ClientSession() as session:
            tab = await Tab(session, served).open()
            await tab.wait_for("Post-run stretches")
            await tab.press("\r")  # warm-up drills
            await tab.wait_for("keep moving")
            for text in MALFORMED_RESIZES:
                await tab.ws.send_str(text)
            await asyncio.sleep(0.5)
            tab.forget()
            await tab.press(" ")  # pause: the app is there and answers
            await tab.wait_for("Resume")
            await tab.close()
        assert served.stop() == 0
    assert sessions_in(tmp_path) == [("warmup-drills", False)]


RAW_REQUESTS = [
    b"GARBAGE\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: localhost\r\nContent-Length: -5\r\n\r\n",
    b"GET /%00/../..%2f HTTP/1.1\r\nHost: localhost\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: \xff\xfe\r\n\r\n",
    b"GET / HTTP/1.1\r\nHost: localhost\r\nX-Big: " + b"a" * 20000 + b"\r\n\r\n",
    b"GET /ws HTTP/1.1\r\nHost: localhost\r\nUpgrade: websocket\r\nConnection: Upgrade\r\n\r\n",
    b"\x16\x03\x01\x02\x00\x01\x00\x01\xfc\x03\x03",  # a TLS hello to a plain-HTTP port
]


def send_raw(port: int, data: bytes) -> None:
    with socket.create_connection(("127.0.0.1", port), timeout=5) as connection:
        connection.sendall(data)
        with contextlib.suppress(TimeoutError, ConnectionResetError):
            connection.recv(65536)


async def test_broken_requests_print_no_traceback(tmp_path):
    with ServedApp(tmp_path) as served:
        for data in RAW_REQUESTS:
            await asyncio.to_thread(send_raw, served.port, data)
            await asyncio.to_thread(send_raw, served.port, data.replace(b"GET / ", f"GET {served.prefix}/ ".encode()))
        base = f"http://127.0.0.1:{served.port}{served.prefix}"
        cookie = {"Cookie": f"recovery_tui_{served.port}={served.token}"}
        async with aiohttp.ClientSession() as session:
            for path in ("/?fontsize=x", "/?fontsize=99999999999999999999", "/static/../../../etc/passwd",
                         "/page/%2e%2e/server.py", "/ws?width=-3&height=1e9"):
                async with session.get(base + path, headers=cookie) as response:
                    assert response.status < 500, path
            tab = await Tab(session, served).open(width=10**9, height=-1)
            await tab.wait_for("Post-run stretches")
            for text in ["x", "[", "null", json.dumps(["stdin", "\udcff"]), json.dumps(["ping", "p" * 10000])]:
                await tab.ws.send_str(text)
            await tab.ws.send_bytes(b"\xff" * 100)
            await tab.close()
        assert served.stop() == 0
    assert "Traceback" not in served.err and "Error" not in served.err, served.err
    assert served.err.strip().splitlines() == ["Ctrl-C stops the server and every app it started."]

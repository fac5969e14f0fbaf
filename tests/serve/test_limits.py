"""What a tab may ask of the server: a terminal of MAX_COLUMNS x MAX_ROWS at
most, messages in textual-serve's shapes only (the rest never reach the
app), and MAX_APPS apps at once, after which the page says why none starts.
The app here is a stand-in that writes down what reaches it."""

from __future__ import annotations

import asyncio
import json
import sys
import textwrap

import aiohttp
import pytest

from tests.serve.helpers import free_port
from tui.serve import server as server_module
from tui.serve.server import RecoveryServer
from tui.serve.tab_messages import MAX_COLUMNS, MAX_ROWS

TOKEN = "t0ken-for-the-limits_" + "x" * 22
PREFIX = "/00aa11bb22cc33dd"

# A stand-in app: says it is a Textual app, writes its size and every packet
# it is sent to a file (a line each), and leaves on "quit" or end of input.
STAND_IN = textwrap.dedent("""
    import json, os, sys
    log = open(sys.argv[1], "a", buffering=1)
    log.write(json.dumps({"size": [os.environ["COLUMNS"], os.environ["ROWS"]]}) + "\\n")
    sys.stdout.buffer.write(b"__GANGLION__\\n"); sys.stdout.flush()
    read = sys.stdin.buffer.read
    while (kind := read(1)):
        payload = read(int.from_bytes(read(4), "big"))
        log.write(json.dumps({"kind": kind.decode(), "payload": payload.decode()}) + "\\n")
        if kind == b"M" and json.loads(payload)["type"] == "quit":
            break
""")


@pytest.fixture
async def served(tmp_path):
    script = tmp_path / "stand_in.py"
    script.write_text(STAND_IN)
    server = RecoveryServer(f"exec {sys.executable} {script} {tmp_path / 'seen.jsonl'}",
                            "localhost", free_port(), TOKEN, PREFIX)
    await server.start()
    server.seen = tmp_path / "seen.jsonl"
    yield server
    await server.stop()


def seen(server) -> list[dict]:
    if not server.seen.exists():
        return []
    return [json.loads(line) for line in server.seen.read_text().splitlines()]


async def wait_for_seen(server, count: int) -> list[dict]:
    for _ in range(200):
        if len(lines := seen(server)) >= count:
            return lines
        await asyncio.sleep(0.05)
    raise AssertionError(f"the app saw {seen(server)}")


def ws_url(server, query: str = "") -> str:
    return f"http://127.0.0.1:{server.port}{PREFIX}/ws{query}"


def cookie(server) -> dict[str, str]:
    return {"Cookie": f"recovery_tui_{server.port}={TOKEN}"}


async def test_a_huge_terminal_is_cut_to_the_limit(served):
    async with aiohttp.ClientSession() as session:
        ws = await session.ws_connect(ws_url(served, "?width=20000&height=20000"), headers=cookie(served))
        await ws.send_str(json.dumps(["resize", {"width": 20000, "height": 20000}]))
        await ws.send_str(json.dumps(["resize", {"width": 120, "height": 40}]))
        lines = await wait_for_seen(served, 3)
        await ws.close()
    assert lines[0] == {"size": [str(MAX_COLUMNS), str(MAX_ROWS)]}
    sizes = [json.loads(line["payload"]) for line in lines[1:3]]
    assert [(size["width"], size["height"]) for size in sizes] == [(MAX_COLUMNS, MAX_ROWS), (120, 40)]


BAD_MESSAGES = ["not json", "[]", "{}", "5", '"resize"', '["resize"]', '["resize", 5]',
                '["resize", {"width": "x", "height": 5}]', '["resize", {"width": 80}]',
                '["resize", {"width": true, "height": 1}]', '["resize", {"width": -1, "height": 24}]',
                '["resize", {"width": 1e400, "height": 24}]', '["stdin", 5]', '["stdin"]', '[5, "a"]',
                '["quit"]', '["ping", {"a": 1}]']


async def test_malformed_messages_never_reach_the_app_and_the_tab_goes_on(served):
    async with aiohttp.ClientSession() as session:
        ws = await session.ws_connect(ws_url(served, "?width=abc&height="), headers=cookie(served))
        for text in BAD_MESSAGES:
            await ws.send_str(text)
        await ws.send_bytes(b"\x00\xff binary")
        await ws.send_str(json.dumps(["stdin", "after"]))
        lines = await wait_for_seen(served, 2)
        await ws.close()
    assert lines[0] == {"size": ["80", "24"]}  # a size that is no size: the default
    assert lines[1:] == [{"kind": "D", "payload": "after"}]


async def test_past_the_limit_of_apps_the_page_says_why(served, monkeypatch):
    monkeypatch.setattr(server_module, "MAX_APPS", 2)
    async with aiohttp.ClientSession() as session:
        tabs = [await session.ws_connect(ws_url(served), headers=cookie(served)) for _ in range(2)]
        await wait_for_seen(served, 2)
        async with session.get(f"http://127.0.0.1:{served.port}{PREFIX}/", headers=cookie(served)) as response:
            assert response.status == 503
            page = await response.text()
        assert "2 tabs already run the app" in page and "Close a tab" in page and 'name="viewport"' in page
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect(ws_url(served), headers=cookie(served))
        assert refused.value.status == 503
        await tabs[0].close()
        for _ in range(100):
            async with session.get(f"http://127.0.0.1:{served.port}{PREFIX}/", headers=cookie(served)) as response:
                if response.status == 200:
                    break
            await asyncio.sleep(0.05)
        assert response.status == 200  # a tab closed: a new one may start
        await tabs[1].close()

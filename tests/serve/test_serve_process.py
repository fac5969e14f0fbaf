"""`recovery-tui serve` as a user runs it: it listens on loopback only by
default, each tab runs this project's app on the user's journal, and Ctrl-C
or SIGTERM ends the server and every app it started."""

from __future__ import annotations

import asyncio
import ipaddress
import os
import re
import signal
import time
from pathlib import Path

import aiohttp
import pytest

from tests.serve.helpers import ServedApp, Tab, kill_quietly, pids_alive, wait_until
from tui.core.journal.journal import Journal
from tui.serve.children import child_pids

pytestmark = pytest.mark.slow  # see pyproject.toml's markers

LISTEN = "0A"


def listening_addresses(port: int) -> list[ipaddress._BaseAddress]:
    """The local addresses of the sockets listening on `port`, from /proc/net."""
    found = []
    for table, width in (("/proc/net/tcp", 4), ("/proc/net/tcp6", 16)):
        try:
            lines = Path(table).read_text().splitlines()[1:]
        except OSError:
            continue
        for line in lines:
            fields = line.split()
            address, port_hex = fields[1].split(":")
            if fields[3] != LISTEN or int(port_hex, 16) != port:
                continue
            raw = bytes.fromhex(address)
            # the kernel prints each 32-bit word in host (little-endian) order
            words = b"".join(raw[i:i + 4][::-1] for i in range(0, width, 4))
            found.append(ipaddress.ip_address(words))
    return found


def test_by_default_it_listens_on_loopback_only(tmp_path):
    with ServedApp(tmp_path) as served:
        assert re.fullmatch(rf"http://localhost:{served.port}/[0-9a-f]{{16}}/\?token=[\w-]{{43}}", served.url), served.url
        addresses = listening_addresses(served.port)
        assert addresses and all(address.is_loopback for address in addresses), addresses


def test_every_interface_warns_and_prints_a_qr_code(tmp_path):
    with ServedApp(tmp_path, "--host", "0.0.0.0") as served:
        addresses = listening_addresses(served.port)
        assert [str(address) for address in addresses] == ["0.0.0.0"]
        assert "0.0.0.0" not in served.url  # an address a phone can open
        assert served.stop() == 0
    assert "anyone on the network who has this URL can open your journal" in served.err
    assert served.out.count("\u2588") > 50  # the QR code's full blocks, before the warning


async def open_tabs(served: ServedApp, count: int) -> tuple[aiohttp.ClientSession, list[Tab]]:
    session = aiohttp.ClientSession()
    tabs = [await Tab(session, served).open() for _ in range(count)]
    for tab in tabs:
        await tab.wait_for("Post-run stretches")
    return session, tabs


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
async def test_a_signal_ends_the_server_and_every_app(tmp_path, signum):
    with ServedApp(tmp_path) as served:
        session, _tabs = await open_tabs(served, 2)
        apps = child_pids(served.process.pid)
        try:
            assert len(apps) == 2  # one app process per tab
            code = await asyncio.to_thread(served.stop, signum)
            assert code == 0
            assert wait_until(lambda: not pids_alive(apps), timeout=5), pids_alive(apps)
        finally:
            kill_quietly(apps)
            await session.close()


def no_get_ready(home: Path) -> None:
    """Routines start straight in a hold: a start left in the first get-ready records nothing."""
    (home / "config").mkdir(parents=True, exist_ok=True)
    (home / "config" / "settings.toml").write_text("get_ready_seconds = 0\n")


async def test_ctrl_c_in_the_terminal_keeps_a_routine_in_progress(tmp_path):
    no_get_ready(tmp_path)
    with ServedApp(tmp_path) as served:
        session, (tab,) = await open_tabs(served, 1)
        apps = child_pids(served.process.pid)
        try:
            # the app is out of the server's process group: Ctrl-C reaches the server alone
            assert [os.getpgid(pid) for pid in apps] == apps
            await tab.press("\r")  # the highlighted routine: warm-up drills
            await tab.wait_for("keep moving")  # warm-up drills: GO · keep moving
            await asyncio.sleep(1.5)
            # Ctrl-C: SIGINT to the terminal's foreground process group
            code = await asyncio.to_thread(served.stop, signal.SIGINT, group=True)
            assert code == 0
            assert wait_until(lambda: not pids_alive(apps), timeout=5), pids_alive(apps)
        finally:
            kill_quietly(apps)
            await session.close()
    with Journal(tmp_path / "data" / "journal.json") as journal:
        sessions = [r for r in journal.records() if r["type"] == "session"]
    assert [(r["routine_id"], r["completed"]) for r in sessions] == [("warmup-drills", False)]


def sessions_in(home: Path) -> list[tuple[str, bool]]:
    with Journal(home / "data" / "journal.json") as journal:
        return [(r["routine_id"], r["completed"]) for r in journal.records() if r["type"] == "session"]


async def test_closing_a_tab_mid_routine_keeps_it_as_partial(tmp_path):
    """A phone that locks its screen drops the connection the same way."""
    no_get_ready(tmp_path)
    with ServedApp(tmp_path) as served:
        session, (tab,) = await open_tabs(served, 1)
        try:
            apps = child_pids(served.process.pid)
            await tab.press("\r")  # warm-up drills
            await tab.wait_for("keep moving")  # warm-up drills: GO · keep moving
            await asyncio.sleep(1.5)
            await tab.close()
            assert wait_until(lambda: not pids_alive(apps), timeout=15), pids_alive(apps)
        finally:
            await session.close()
        assert sessions_in(tmp_path) == [("warmup-drills", False)]


async def test_closing_a_tab_ends_its_app(tmp_path):
    with ServedApp(tmp_path) as served:
        session, (first, _second) = await open_tabs(served, 2)
        try:
            apps = child_pids(served.process.pid)
            await first.close()
            assert wait_until(lambda: len(pids_alive(apps)) == 1, timeout=15)
        finally:
            await session.close()


async def test_a_server_killed_at_once_takes_its_apps_with_it(tmp_path):
    """`kill -9` of serve sends its apps no word: before the parent-death
    signal, the one at home stayed for minutes (parent 1) and the one in a
    routine ended half a minute later with nothing recorded."""
    no_get_ready(tmp_path)
    with ServedApp(tmp_path) as served:
        session, (_at_home, in_routine) = await open_tabs(served, 2)
        apps = child_pids(served.process.pid)
        try:
            assert len(apps) == 2
            await in_routine.press("\r")  # warm-up drills
            await in_routine.wait_for("keep moving")
            await asyncio.sleep(1.5)
            killed = time.monotonic()
            os.kill(served.process.pid, signal.SIGKILL)
            ended = await asyncio.to_thread(wait_until, lambda: not pids_alive(apps), 5, 0.02)
            took = time.monotonic() - killed
            assert ended and took < 2.0, (pids_alive(apps), took)
        finally:
            kill_quietly(apps)
            await session.close()
    assert sessions_in(tmp_path) == [("warmup-drills", False)]

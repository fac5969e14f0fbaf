"""A served app for the tests: `recovery-tui serve` in a child process on a
free loopback port, with the tests' own user folders, and a websocket tab."""

from __future__ import annotations

import contextlib
import json
import os
import re
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import aiohttp

from tests.reliability.helpers import child_env
from tui.serve.children import child_pids

ESCAPES = re.compile(r"\x1b\[[0-9;?<>=$]*[ -/]*[@-~]|\x1b\][^\x07\x1b]*(?:\x07|\x1b\\)|\x1b[()][0-9A-Za-z]|\x1b[=>78]")


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def user_env(home: Path, **extra: str) -> dict[str, str]:
    """A child's environment with its own config and data folders."""
    return child_env(RECOVERY_TUI_DATA_DIR=str(home / "data"),
                     RECOVERY_TUI_CONFIG_DIR=str(home / "config"), **extra)


class ServedApp:
    """`python -m tui serve ARGS` until stop(); `url` is the line it printed.
    `env` adds to the user's environment (e.g. RECOVERY_TUI_NOW, an hour of the day)."""

    def __init__(self, home: Path, *args: str, env: dict[str, str] | None = None) -> None:
        self.port = free_port()
        self.process = subprocess.Popen(
            [sys.executable, "-m", "tui", "serve", "--port", str(self.port), *args],
            stdin=subprocess.DEVNULL, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            env=user_env(home, **(env or {})), text=True, start_new_session=True)
        line = self.process.stdout.readline()
        if not line.startswith("Open http://"):
            self.process.kill()
            raise AssertionError(f"serve printed {line!r}, stderr {self.process.stderr.read()!r}")
        self.url = line.split(" ", 1)[1].strip()
        self.token = self.url.split("?token=", 1)[1]
        self.prefix = "/" + self.url.split("/")[3]  # http://host:port/PREFIX/?token=...
        self.local_url = f"http://127.0.0.1:{self.port}{self.prefix}/?token={self.token}"

    def stop(self, signum: int = signal.SIGTERM, timeout: float = 20, group: bool = False) -> int:
        """Send `signum` (to its whole process group, as Ctrl-C in a terminal
        does, when `group`), wait, and keep what it printed after the URL."""
        apps = child_pids(self.process.pid)
        if self.process.poll() is None:
            if group:
                os.killpg(self.process.pid, signum)
            else:
                self.process.send_signal(signum)
        try:
            self.out, self.err = self.process.communicate(timeout=timeout)
        finally:
            if self.process.poll() is None:
                self.process.kill()
                self.out, self.err = self.process.communicate()
            kill_quietly(pids_alive(apps))  # a test that failed must leave nothing behind
        return self.process.returncode

    def __enter__(self) -> ServedApp:
        return self

    def __exit__(self, *exc) -> None:
        if self.process.returncode is None:
            self.stop()


def screen_text(raw: bytes) -> str:
    """What a terminal would show of the app's output, roughly: the text
    between the escape sequences."""
    return ESCAPES.sub("", raw.decode("utf-8", "replace"))


class Tab:
    """One browser tab, as textual-serve's page talks to the server: a
    websocket that starts an app and carries its output and our keys."""

    def __init__(self, session: aiohttp.ClientSession, served: ServedApp) -> None:
        self.session, self.port, self.token, self.prefix = session, served.port, served.token, served.prefix
        self.output = b""
        self.texts: list[str] = []  # the server's text messages (pong, routine)

    async def open(self, width: int = 100, height: int = 30) -> Tab:
        self.ws = await self.session.ws_connect(
            f"http://127.0.0.1:{self.port}{self.prefix}/ws?width={width}&height={height}",
            headers={"Cookie": f"recovery_tui_{self.port}={self.token}"})
        await self.ws.send_str(json.dumps(["resize", {"width": width, "height": height}]))
        return self

    async def wait_for(self, text: str, timeout: float = 30) -> str:
        deadline = time.monotonic() + timeout
        while text not in screen_text(self.output):
            left = deadline - time.monotonic()
            if left <= 0:
                raise AssertionError(f"{text!r} not shown; saw {screen_text(self.output)[-2000:]!r}")
            try:
                message = await self.ws.receive(timeout=left)
            except TimeoutError:
                continue
            if message.type == aiohttp.WSMsgType.BINARY:
                self.output += message.data
            elif message.type == aiohttp.WSMsgType.TEXT:
                self.texts.append(message.data)
            elif message.type in (aiohttp.WSMsgType.CLOSE, aiohttp.WSMsgType.CLOSED, aiohttp.WSMsgType.ERROR):
                raise AssertionError(f"the websocket closed before {text!r} was shown")
        return screen_text(self.output)

    def forget(self) -> None:
        """Drop what was shown so far: wait_for then sees only what comes next."""
        self.output = b""

    async def press(self, keys: str) -> None:
        await self.ws.send_str(json.dumps(["stdin", keys]))

    async def close(self) -> None:
        await self.ws.close()


def pids_alive(pids: list[int]) -> list[int]:
    alive = []
    for pid in pids:
        try:
            state = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()[0]
        except OSError:
            continue
        if state != "Z":
            alive.append(pid)
    return alive


def wait_until(predicate, timeout: float = 20, every: float = 0.1):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        value = predicate()
        if value:
            return value
        time.sleep(every)
    return predicate()


def kill_quietly(pids: list[int]) -> None:
    for pid in pids:
        with contextlib.suppress(ProcessLookupError):
            os.kill(pid, signal.SIGKILL)

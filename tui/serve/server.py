"""textual-serve's Server with this project's rules: every request needs the
token, the page works at the address the browser used (and on a phone), and
stopping the server stops every app it started."""

from __future__ import annotations

import asyncio
import re
from pathlib import Path
from typing import Any

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.server import Server, to_int

from tui.serve.children import end_children
from tui.serve.token_gate import TokenGate

PAGE_SCRIPT = Path(__file__).with_name("page.js")
VIEWPORT = '<meta name="viewport" content="width=device-width, initial-scale=1">\n'
HOST_HEADER = re.compile(r"(?:[A-Za-z0-9.-]+|\[[0-9A-Fa-f:.]+\])(?::\d{1,5})?")
STOP_GRACE = 5.0  # seconds the apps have to save and leave


class RecoveryServer(Server):
    """Serve `command` (this project's app) on host:port behind a token."""

    def __init__(self, command: str, host: str, port: int, token: str) -> None:
        super().__init__(command, host=host, port=port, title="recovery-tui")
        self.gate = TokenGate(token, port)
        self.sessions: set[asyncio.Task] = set()
        self.runner: web.AppRunner | None = None

    async def start(self) -> None:
        """Listen; returns once the socket is bound (OSError if it cannot be)."""
        self.runner = web.AppRunner(self.web_app(), access_log=None, handle_signals=False, shutdown_timeout=2.0)
        await self.runner.setup()
        try:
            await web.TCPSite(self.runner, self.host, self.port).start()
        except OSError:
            await self.runner.cleanup()
            raise

    @property
    def addresses(self) -> list:
        """The listening sockets' addresses."""
        return list(self.runner.addresses) if self.runner else []

    async def stop(self) -> None:
        """End every app with SIGTERM (each records a routine in progress as
        left part-way; SIGKILL after STOP_GRACE), then their websockets,
        then the server."""
        await end_children(grace=STOP_GRACE)
        for task in self.sessions:
            task.cancel()
        if self.sessions:
            await asyncio.wait(set(self.sessions), timeout=STOP_GRACE)
        if self.runner is not None:
            await self.runner.cleanup()

    def web_app(self) -> web.Application:
        """The page, its websocket and textual-serve's static files, all behind
        the token. Built here, from textual-serve's public handlers and folders,
        so the gate is in place from the start (aiohttp freezes an app's
        middlewares once it runs). No download route: the app offers none."""
        app = web.Application(middlewares=[self.gate.middleware])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(self.templates_path))
        app.add_routes([
            web.get("/", self.handle_index, name="index"),
            web.get("/ws", self.handle_websocket, name="websocket"),
            web.static("/static", self.statics_path, name="static"),
        ])
        return app

    async def handle_websocket(self, request: web.Request) -> web.WebSocketResponse:
        """One browser tab: one app process. Kept track of, so stop() can end it."""
        task = asyncio.current_task()
        assert task is not None  # a handler always runs in a task
        self.sessions.add(task)
        try:
            return await super().handle_websocket(request)
        finally:
            self.sessions.discard(task)

    async def handle_index(self, request: web.Request) -> web.Response:
        """textual-serve's page, with its URLs built from the address the
        browser used (its cookie belongs to that host), a viewport for phones
        and page.js (bell, font size, token out of the address bar)."""
        if not HOST_HEADER.fullmatch(request.host):
            raise web.HTTPBadRequest(text="400: bad Host header\n")
        secure = "s" if request.secure else ""  # behind an HTTPS proxy: wss and https
        context: dict[str, Any] = {
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "app_websocket_url": f"ws{secure}://{request.host}/ws",
            "config": {"static": {"url": f"http{secure}://{request.host}/static/"}},
            "application": {"name": self.title},
        }
        html = aiohttp_jinja2.render_string("app_index.html", request, context)
        extras = VIEWPORT + "<script>" + PAGE_SCRIPT.read_text(encoding="utf-8") + "</script>\n"
        html = html.replace("</head>", extras + "</head>", 1)
        return web.Response(text=html, content_type="text/html")

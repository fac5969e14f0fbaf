"""textual-serve's Server with this project's rules: every request passes the
gate (tui/serve/token_gate.py), the page loads nothing from another origin,
a tab's messages are checked (tui/serve/tab_messages.py), MAX_APPS tabs at
most run an app, and stopping the server stops every app it started."""

from __future__ import annotations

import asyncio
import logging
from pathlib import Path

import aiohttp_jinja2
import jinja2
from aiohttp import web
from textual_serve.server import Server, to_int

from tui.min_size import MIN_HEIGHT, MIN_WIDTH
from tui.serve.children import end_children
from tui.serve.pages import error_page, page_policy, secure_headers, too_many_apps
from tui.serve.tab_messages import TabService, query_size, relay
from tui.serve.token_gate import TokenGate

HERE = Path(__file__).parent
STOP_GRACE = 5.0  # seconds the apps have to save and leave
MAX_APPS = 8  # tabs running an app at once: 38 MB each
log = logging.getLogger("recovery-tui.serve")


class RecoveryServer(Server):
    """Serve `command` (this project's app) on host:port, under `prefix`, behind a token."""

    def __init__(self, command: str, host: str, port: int, token: str, prefix: str,
                 hosts: tuple[str, ...] = ()) -> None:
        super().__init__(command, host=host, port=port, title="recovery-tui")
        self.prefix = prefix
        self.gate = TokenGate(token, port, prefix, (host, *hosts))
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
        """The page, its websocket, textual-serve's static files and ours,
        all under the prefix and behind the gate (aiohttp freezes an app's
        middlewares once it runs). No download route: the app offers none."""
        app = web.Application(middlewares=[self.gate.middleware])
        aiohttp_jinja2.setup(app, loader=jinja2.FileSystemLoader(HERE / "templates"), autoescape=True)
        app.add_routes([
            web.get(self.prefix, self.handle_bare_prefix),
            web.get(self.prefix + "/", self.handle_index, name="index"),
            web.get(self.prefix + "/ws", self.tab_socket, name="websocket"),
            web.static(self.prefix + "/static", self.statics_path, name="static"),
            web.static(self.prefix + "/page", HERE / "static", name="page"),
        ])
        app.on_response_prepare.append(self.headers_for_every_response)
        return app

    async def headers_for_every_response(self, request: web.Request, response: web.StreamResponse) -> None:
        if "Content-Security-Policy" not in response.headers:
            secure_headers(response)

    async def handle_bare_prefix(self, request: web.Request) -> web.StreamResponse:
        """/prefix?token=...: the page is /prefix/, where its cookie's Path sends it."""
        raise web.HTTPFound(request.rel_url.with_path(self.prefix + "/").with_query(request.query))

    async def handle_index(self, request: web.Request) -> web.Response:
        """The page, its URLs built from the address the browser used (the
        gate has checked it is this server's), or a page that says why no
        app can start now."""
        if len(self.sessions) >= MAX_APPS:
            return too_many_apps(MAX_APPS)
        secure = "s" if request.secure else ""  # behind an HTTPS proxy: wss and https
        websocket = f"ws{secure}://{request.host}{self.prefix}/ws"
        context = {
            "title": self.title,
            "font_size": to_int(request.query.get("fontsize", "16"), 16),
            "min_columns": MIN_WIDTH,  # page.js picks a font size at which the app fits
            "min_rows": MIN_HEIGHT,
            "websocket": websocket,
            "static": f"{self.prefix}/static/",
            "own": f"{self.prefix}/page/",
        }
        response = aiohttp_jinja2.render_template("page.html", request, context)
        return secure_headers(response, page_policy(websocket))

    async def tab_socket(self, request: web.Request) -> web.StreamResponse:
        """One browser tab: one app process, kept track of so stop() can end
        it. Errors end the tab quietly: the server's terminal shows no traceback."""
        if len(self.sessions) >= MAX_APPS:
            return too_many_apps(MAX_APPS)
        websocket = web.WebSocketResponse(heartbeat=15)
        if not websocket.can_prepare(request).ok:
            return error_page(400, "This address is for the page's own connection",
                              "Open the address that <code>recovery-tui serve</code> printed.")
        task = asyncio.current_task()
        assert task is not None
        self.sessions.add(task)
        app: TabService | None = None

        async def close() -> None:
            await websocket.close()

        try:
            await websocket.prepare(request)
            app = TabService(self.command, write_bytes=websocket.send_bytes, write_str=websocket.send_str,
                             close=close, download_manager=self.download_manager)
            await app.start(*query_size(request.query))
            await relay(websocket, app)
        except asyncio.CancelledError:
            await websocket.close()
        except Exception as error:  # a tab gone mid-write, a broken pipe: that tab ends
            log.debug("a tab ended: %r", error)
        finally:
            self.sessions.discard(task)
            if app is not None:
                await app.stop()
        return websocket

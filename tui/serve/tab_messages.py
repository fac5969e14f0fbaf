"""What a browser tab may send its app, checked: a message that is not one
of textual-serve's (`stdin`, `resize`, `ping`, `focus`, `blur`) in its
shape is dropped, so no tab can crash its app with it (a routine in
progress would be lost), and a terminal size is kept within MAX_COLUMNS x
MAX_ROWS (20000 x 20000 cells took an app to 3.5 GB)."""

from __future__ import annotations

import json
import logging

from aiohttp import WSMsgType, web
from textual_serve.app_service import AppService

log = logging.getLogger("recovery-tui.serve")

MAX_COLUMNS = 400  # a 4K screen, full width, at a 16 px font: about 400 columns
MAX_ROWS = 150
DEFAULT_SIZE = (80, 24)


def terminal_size(width: object, height: object) -> tuple[int, int] | None:
    """(columns, rows) within the limits, or None for a size that is no size."""
    if type(width) is not int or type(height) is not int or width < 1 or height < 1:
        return None
    return min(width, MAX_COLUMNS), min(height, MAX_ROWS)


def query_size(query) -> tuple[int, int]:
    """The size a tab asked for in its websocket's address, within the limits."""
    try:
        size = terminal_size(int(query.get("width", "")), int(query.get("height", "")))
    except ValueError:
        size = None
    return size or DEFAULT_SIZE


def envelope(text: str) -> tuple[str, object] | None:
    """["type", payload] from a tab's text message, or None."""
    try:
        message = json.loads(text)
    except ValueError:
        return None
    if not isinstance(message, list) or not message or not isinstance(message[0], str):
        return None
    return message[0], message[1] if len(message) > 1 else None


async def relay(websocket: web.WebSocketResponse, app: AppService) -> None:
    """Pass a tab's messages to its app until the tab goes away."""
    async for message in websocket:
        if message.type != WSMsgType.TEXT:
            continue
        kind, payload = envelope(message.data) or ("", None)
        if kind == "stdin" and isinstance(payload, str):
            await app.send_bytes(payload.encode("utf-8", "replace"))
        elif kind == "resize" and isinstance(payload, dict):
            size = terminal_size(payload.get("width"), payload.get("height"))
            if size is not None:
                await app.set_terminal_size(*size)
        elif kind == "ping" and isinstance(payload, str) and len(payload) <= 64:
            await websocket.send_json(["pong", payload])
        elif kind == "blur":
            await app.blur()
        elif kind == "focus":
            await app.focus()
        else:
            log.debug("dropped a message from a tab: %.80r", message.data)


class TabService(AppService):
    """textual-serve's AppService, which also passes the app's word on a
    routine in progress to the page (see tui/serve/tab_driver.py)."""

    async def on_meta(self, data: bytes) -> None:
        meta = json.loads(data)
        if isinstance(meta, dict) and meta.get("type") == "routine":
            await self.remote_write_str(json.dumps(["routine", meta.get("running") is True]))
            return
        await super().on_meta(data)

"""The rules every request passes before anything is served:

- the Host header names this server (localhost, 127.0.0.1, [::1], --host, the
  printed address), so a page whose name was made to resolve to this
  machine (DNS rebinding) gets nothing even from a browser holding the cookie;
- the path is under the server's random prefix and carries the token, in the
  printed URL's `?token=` or in the cookie the page sets from it. The
  cookie's Path is the prefix: browsers send a `localhost` cookie to every
  port, and no other local server's paths start with this prefix;
- a websocket is opened by this server's own page (its Origin).
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable, Iterable

from aiohttp import web

from tui.serve.pages import error_page

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

LOOPBACK_HOSTS = ("localhost", "127.0.0.1", "::1")


def new_token() -> str:
    return secrets.token_urlsafe(32)


def new_prefix() -> str:
    """The path the app is served under: /<16 hex digits>."""
    return "/" + secrets.token_hex(8)


def same_secret(given: str | None, token: str) -> bool:
    """Constant-time comparison, so that timing tells nothing about the token."""
    if given is None:
        return False
    return secrets.compare_digest(given.encode("utf-8", "surrogateescape"), token.encode("utf-8"))


def host_name(header: str) -> str:
    """The name in a Host header, without its port or an IPv6 address's brackets."""
    if header.startswith("["):
        return header[1:].split("]", 1)[0].lower()
    name, colon, port = header.rpartition(":")
    return (name if colon and port.isdigit() and ":" not in name else header).lower()


class TokenGate:
    """An aiohttp middleware: 403 for any request that breaks a rule above
    (the websocket's upgrade included), and a cookie for the page's later requests."""

    def __init__(self, token: str, port: int, prefix: str, hosts: Iterable[str] = ()) -> None:
        self.token = token
        self.prefix = prefix
        self.cookie_name = f"recovery_tui_{port}"  # one name per server, whatever the path
        self.hosts = {host_name(host) for host in (*LOOPBACK_HOSTS, *hosts) if host}

    def allows(self, request: web.Request) -> bool:
        return (same_secret(request.query.get("token"), self.token)
                or same_secret(request.cookies.get(self.cookie_name), self.token))

    def under_prefix(self, path: str) -> bool:
        return path == self.prefix or path.startswith(self.prefix + "/")

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if host_name(request.host) not in self.hosts:
            return error_page(403, "This server does not answer at this address",
                              "Open the address that <code>recovery-tui serve</code> printed.")
        if not self.under_prefix(request.path) or not self.allows(request) or not same_origin(request):
            return error_page(403, "This link no longer opens recovery-tui",
                              "The server was restarted, which makes a new link, or this link is an old one. "
                              "Open the address that <code>recovery-tui serve</code> printed in its terminal, "
                              "or scan the QR code it showed.")
        response = await handler(request)
        if same_secret(request.query.get("token"), self.token) and not response.prepared:
            response.set_cookie(self.cookie_name, self.token, httponly=True,
                                samesite="Strict", path=self.prefix + "/")
        return response


def same_origin(request: web.Request) -> bool:
    """A browser says which page opened a websocket; refuse other sites' pages
    even if they somehow hold the cookie (requests without Origin are not from a page)."""
    origin = request.headers.get("Origin")
    if origin is None or not request.path.endswith("/ws"):
        return True
    return origin.split("://", 1)[-1] == request.host

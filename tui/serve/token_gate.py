"""The token that keeps the served app private: every request must carry it,
in the printed URL's `?token=` or in the cookie the page sets from it."""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable

from aiohttp import web

Handler = Callable[[web.Request], Awaitable[web.StreamResponse]]

FORBIDDEN = ("403: this address needs the token. Open the URL that "
             "`recovery-tui serve` printed, ?token=... included.\n")


def new_token() -> str:
    return secrets.token_urlsafe(32)


def same_secret(given: str | None, token: str) -> bool:
    """Constant-time comparison, so that timing tells nothing about the token."""
    if given is None:
        return False
    return secrets.compare_digest(given.encode("utf-8", "surrogateescape"), token.encode("utf-8"))


class TokenGate:
    """An aiohttp middleware: 403 for any request without the token (the
    websocket's upgrade included), and a cookie for the page's later requests."""

    def __init__(self, token: str, port: int) -> None:
        self.token = token
        # Cookies are shared by every port of a host: one name per server.
        self.cookie_name = f"recovery_tui_{port}"

    def allows(self, request: web.Request) -> bool:
        return (same_secret(request.query.get("token"), self.token)
                or same_secret(request.cookies.get(self.cookie_name), self.token))

    @web.middleware
    async def middleware(self, request: web.Request, handler: Handler) -> web.StreamResponse:
        if not self.allows(request) or not same_origin(request):
            raise web.HTTPForbidden(text=FORBIDDEN)
        response = await handler(request)
        if same_secret(request.query.get("token"), self.token) and not response.prepared:
            response.set_cookie(self.cookie_name, self.token, httponly=True,
                                samesite="Strict", path="/")
        return response


def same_origin(request: web.Request) -> bool:
    """A browser says which page opened a websocket; refuse other sites' pages
    even if they somehow hold the cookie (requests without Origin are not from a page)."""
    origin = request.headers.get("Origin")
    if origin is None or request.path != "/ws":
        return True
    return origin.split("://", 1)[-1] == request.host

"""What the server sends besides the app: the headers every response carries
(the page may talk to its own origin and its websocket, and to no one else)
and the short HTML pages for a refused request, readable on a phone."""

from __future__ import annotations

import base64
import hashlib
import html
from typing import TypeVar

from aiohttp import web

ERROR_STYLE = ("body{margin:0;background:#0c181f;color:#f2f2f2;font:18px/1.5 system-ui,sans-serif}"
               "main{max-width:34em;padding:1.5em 1.25em}h1{font-size:1.4em;line-height:1.25;margin:0 0 .75em}"
               "code{font-size:.95em;background:#1d3340;padding:.05em .3em;border-radius:.2em}")

ERROR_PAGE = """<!DOCTYPE html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>recovery-tui: {title}</title>
<style>{style}</style>
</head>
<body><main><h1>{title}</h1><p>{advice}</p></main></body>
</html>
"""


def css_hash(css: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(css.encode()).digest()).decode() + "'"


# textual.js adds one <style> of its own (empty first, then filled), with
# rules page.css has too: allowed by their hashes, so the console stays clean.
TEXTUAL_JS_STYLES = ("", "h1{color:#fff;background-color:#000}body{margin:0;padding:0}"
                         ".textual-terminal{width:100vw;height:100vh}")


def page_policy(websocket: str) -> str:
    """The app page's Content-Security-Policy: scripts, styles and the font
    from this origin; connections to it and to `websocket`."""
    styles = " ".join(css_hash(css) for css in TEXTUAL_JS_STYLES)
    return (f"default-src 'none'; script-src 'self'; style-src 'self' {styles}; font-src 'self'; img-src 'self'; "
            f"connect-src 'self' {websocket}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'")


def error_policy() -> str:
    return f"default-src 'none'; style-src {css_hash(ERROR_STYLE)}; base-uri 'none'; form-action 'none'; frame-ancestors 'none'"


Response = TypeVar("Response", bound=web.StreamResponse)


def secure_headers(response: Response, policy: str | None = None) -> Response:
    response.headers["Content-Security-Policy"] = policy or error_policy()
    response.headers["Referrer-Policy"] = "no-referrer"
    response.headers["X-Content-Type-Options"] = "nosniff"
    response.headers["Cache-Control"] = "no-store"
    return response


def error_page(status: int, title: str, advice_html: str) -> web.Response:
    """A page for a request the server refuses. `advice_html` is the
    server's own text (it may hold <code>); nothing from the request goes in."""
    body = ERROR_PAGE.format(title=html.escape(title), style=ERROR_STYLE, advice=advice_html)
    return secure_headers(web.Response(status=status, text=body, content_type="text/html"))


def too_many_apps(limit: int) -> web.Response:
    return error_page(503, f"{limit} tabs already run the app",
                      f"Each browser tab runs its own copy of recovery-tui, and this server runs {limit} at most. "
                      "Close a tab you no longer use, then reload this one.")

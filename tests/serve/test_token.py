"""Without the token nothing is served: the page, the static files and the
websocket's upgrade all answer 403, as does any path outside the server's
random prefix and any Host but this server's; with the token, a cookie
scoped to the prefix keeps reloads working. Every answer carries a policy
that lets the page talk to its own origin only, and no referrer."""

from __future__ import annotations

import hmac

import aiohttp
import pytest

from tests.serve.helpers import free_port
from tui.serve import token_gate
from tui.serve.server import RecoveryServer

TOKEN = "t0ken-for-the-tests_" + "x" * 23
PREFIX = "/0123456789abcdef"


@pytest.fixture
async def server():
    served = RecoveryServer("exec false", "localhost", free_port(), TOKEN, PREFIX, hosts=("my-laptop.local",))
    await served.start()
    yield served
    await served.stop()


def base(server) -> str:
    return f"http://127.0.0.1:{server.port}"


def cookie(server) -> dict[str, str]:
    return {"Cookie": f"recovery_tui_{server.port}={TOKEN}"}


@pytest.mark.parametrize("path", [f"{PREFIX}/", f"{PREFIX}/?token=wrong", f"{PREFIX}/?token=", f"{PREFIX}/static/js/textual.js",
                                  f"{PREFIX}/page/page.js", f"{PREFIX}/download/x", "/", f"/?token={TOKEN}",
                                  f"/static/js/textual.js?token={TOKEN}", f"/x{PREFIX}/?token={TOKEN}", f"{PREFIX}x/?token={TOKEN}"])
async def test_without_the_token_or_outside_the_prefix_every_path_is_403(server, path):
    async with aiohttp.ClientSession() as session, session.get(base(server) + path) as response:
        assert response.status == 403
        assert response.content_type == "text/html"
        page = await response.text()
        assert "recovery-tui serve" in page and "QR code" in page and 'name="viewport"' in page
        assert "Set-Cookie" not in response.headers
        assert response.headers["Referrer-Policy"] == "no-referrer"


async def test_websocket_upgrade_is_refused_without_the_token(server):
    async with aiohttp.ClientSession() as session:
        for headers in ({}, {"Cookie": f"recovery_tui_{server.port}=wrong"}):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(f"{base(server)}{PREFIX}/ws", headers=headers)
            assert refused.value.status == 403


async def test_the_token_serves_the_page_and_sets_a_strict_httponly_cookie_for_the_prefix(server):
    async with aiohttp.ClientSession() as session, session.get(f"{base(server)}{PREFIX}/?token={TOKEN}") as response:
        assert response.status == 200
        page = await response.text()
        cookie_header = response.headers["Set-Cookie"]
    assert f"recovery_tui_{server.port}={TOKEN}" in cookie_header
    assert "HttpOnly" in cookie_header and "SameSite=Strict" in cookie_header
    assert f"Path={PREFIX}/" in cookie_header  # no other server's path starts so
    # the page talks back to the address the browser used, and carries page.js
    assert f'data-session-websocket-url="ws://127.0.0.1:{server.port}{PREFIX}/ws"' in page
    assert f'src="{PREFIX}/page/page.js"' in page and 'name="viewport"' in page


async def test_the_bare_prefix_goes_to_the_page_with_its_query(server):
    async with aiohttp.ClientSession() as session, \
            session.get(f"{base(server)}{PREFIX}?token={TOKEN}", allow_redirects=False) as response:
        assert response.status == 302
        assert response.headers["Location"] == f"{PREFIX}/?token={TOKEN}"


async def test_the_page_may_load_from_its_own_origin_and_open_its_websocket_only(server):
    async with aiohttp.ClientSession() as session, \
            session.get(f"{base(server)}{PREFIX}/", headers=cookie(server)) as response:
        assert response.status == 200
        policy = dict(part.strip().split(" ", 1) for part in response.headers["Content-Security-Policy"].split(";"))
        page = await response.text()
    assert policy["default-src"] == "'none'"
    for kind in ("script-src", "font-src", "img-src"):
        assert policy[kind] == "'self'", kind
    assert policy["style-src"].startswith("'self' ") and "http" not in policy["style-src"]  # textual.js's <style>, by hash
    assert policy["connect-src"] == f"'self' ws://127.0.0.1:{server.port}{PREFIX}/ws"
    assert policy["frame-ancestors"] == "'none'"
    assert response.headers["Referrer-Policy"] == "no-referrer"
    assert "http://" not in page.replace(f"ws://127.0.0.1:{server.port}", "")  # nothing from elsewhere
    assert "<script>" not in page and "onclick" not in page.lower()  # no inline script for the policy to allow


async def test_the_font_and_its_licence_are_served_from_here(server):
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{base(server)}{PREFIX}/page/page.css", headers=cookie(server)) as response:
            css = await response.text()
        font = css.split('url("', 1)[1].split('"', 1)[0]  # relative to page.css
        assert font.startswith("../static/fonts/")
        async with session.get(f"{base(server)}{PREFIX}/page/{font}", headers=cookie(server)) as response:
            assert response.status == 200 and len(await response.read()) > 100_000
            assert response.headers["Referrer-Policy"] == "no-referrer"
        async with session.get(f"{base(server)}{PREFIX}/page/fonts-LICENSE.txt", headers=cookie(server)) as response:
            licence = await response.text()
    assert "Roboto Mono" in licence and "Apache License" in licence and "Version 2.0" in licence


@pytest.mark.parametrize("host", ["evil.example", "evil.example:8000", "localhost.evil.example", "127.0.0.2", "[::2]", ""])
async def test_another_host_is_403_even_with_the_token(server, host):
    """A page whose name was made to resolve to 127.0.0.1 (DNS rebinding) sends its own name as Host."""
    async with aiohttp.ClientSession() as session:
        async with session.get(f"{base(server)}{PREFIX}/?token={TOKEN}", headers={"Host": host}) as response:
            assert response.status == 403
            assert "Set-Cookie" not in response.headers
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect(f"{base(server)}{PREFIX}/ws", headers={**cookie(server), "Host": host})
        assert refused.value.status == 403


@pytest.mark.parametrize("host", ["localhost", "LOCALHOST:1234", "127.0.0.1", "[::1]", "[::1]:8000", "my-laptop.local"])
async def test_this_servers_own_names_are_served(server, host):
    async with aiohttp.ClientSession() as session, \
            session.get(f"{base(server)}{PREFIX}/?token={TOKEN}", headers={"Host": host}) as response:
        assert response.status == 200


async def test_the_cookie_alone_serves_reloads_and_static_files(server):
    async with aiohttp.ClientSession() as session:
        for path in ("/", "/static/js/textual.js", "/page/page.js", "/page/page.css"):
            async with session.get(base(server) + PREFIX + path, headers=cookie(server)) as response:
                assert response.status == 200, path


async def test_a_websocket_from_another_sites_page_is_refused(server):
    headers = {**cookie(server), "Origin": "http://evil.example"}
    async with aiohttp.ClientSession() as session:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect(f"{base(server)}{PREFIX}/ws", headers=headers)
    assert refused.value.status == 403


async def test_tokens_are_compared_in_constant_time(server, monkeypatch):
    compared = []

    def spy(a, b):
        compared.append((a, b))
        return hmac.compare_digest(a, b)

    monkeypatch.setattr(token_gate.secrets, "compare_digest", spy)
    async with aiohttp.ClientSession() as session, session.get(f"{base(server)}{PREFIX}/?token=guess") as response:
        assert response.status == 403
    assert (b"guess", TOKEN.encode()) in compared


def test_a_token_is_32_random_bytes_and_a_prefix_8():
    tokens = {token_gate.new_token() for _ in range(50)}
    assert len(tokens) == 50
    assert all(len(token) == 43 for token in tokens)  # 32 bytes in URL-safe base64
    prefixes = {token_gate.new_prefix() for _ in range(50)}
    assert len(prefixes) == 50 and all(len(prefix) == 17 and prefix[0] == "/" for prefix in prefixes)


def test_non_ascii_guesses_are_refused_not_crashed():
    assert token_gate.same_secret("ü" * 43, TOKEN) is False
    assert token_gate.same_secret("\udcff", TOKEN) is False
    assert token_gate.same_secret(TOKEN, TOKEN) is True


async def test_the_default_host_listens_on_loopback_only(server):
    import ipaddress

    hosts = [ipaddress.ip_address(address[0]) for address in server.addresses]
    assert hosts and all(host.is_loopback for host in hosts), hosts

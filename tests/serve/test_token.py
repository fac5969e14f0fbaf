"""Without the token nothing is served: the page, the static files and the
websocket's upgrade all answer 403; with it, a cookie keeps reloads working."""

from __future__ import annotations

import hmac

import aiohttp
import pytest

from tests.serve.helpers import free_port
from tui.serve import token_gate
from tui.serve.server import RecoveryServer

TOKEN = "t0ken-for-the-tests_" + "x" * 23


@pytest.fixture
async def server():
    served = RecoveryServer("exec false", "localhost", free_port(), TOKEN)
    await served.start()
    yield served
    await served.stop()


def base(server) -> str:
    return f"http://127.0.0.1:{server.port}"


@pytest.mark.parametrize("path", ["/", "/?token=wrong", "/?token=", "/static/js/textual.js", "/download/x"])
async def test_without_the_token_every_path_is_403(server, path):
    async with aiohttp.ClientSession() as session, session.get(base(server) + path) as response:
        assert response.status == 403
        assert "token" in await response.text()
        assert "Set-Cookie" not in response.headers


async def test_websocket_upgrade_is_refused_without_the_token(server):
    async with aiohttp.ClientSession() as session:
        for headers in ({}, {"Cookie": f"recovery_tui_{server.port}=wrong"}):
            with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
                await session.ws_connect(base(server) + "/ws", headers=headers)
            assert refused.value.status == 403


async def test_the_token_serves_the_page_and_sets_a_strict_httponly_cookie(server):
    async with aiohttp.ClientSession() as session, session.get(f"{base(server)}/?token={TOKEN}") as response:
        assert response.status == 200
        page = await response.text()
        cookie = response.headers["Set-Cookie"]
    assert f"recovery_tui_{server.port}={TOKEN}" in cookie
    assert "HttpOnly" in cookie and "SameSite=Strict" in cookie and "Path=/" in cookie
    # the page talks back to the address the browser used, and carries page.js
    assert f'data-session-websocket-url="ws://127.0.0.1:{server.port}/ws"' in page
    assert "recoveryTuiBells" in page and 'name="viewport"' in page


async def test_the_cookie_alone_serves_reloads_and_static_files(server):
    headers = {"Cookie": f"recovery_tui_{server.port}={TOKEN}"}
    async with aiohttp.ClientSession() as session:
        for path in ("/", "/static/js/textual.js"):
            async with session.get(base(server) + path, headers=headers) as response:
                assert response.status == 200, path


async def test_a_websocket_from_another_sites_page_is_refused(server):
    headers = {"Cookie": f"recovery_tui_{server.port}={TOKEN}", "Origin": "http://evil.example"}
    async with aiohttp.ClientSession() as session:
        with pytest.raises(aiohttp.WSServerHandshakeError) as refused:
            await session.ws_connect(base(server) + "/ws", headers=headers)
    assert refused.value.status == 403


async def test_tokens_are_compared_in_constant_time(server, monkeypatch):
    compared = []

    def spy(a, b):
        compared.append((a, b))
        return hmac.compare_digest(a, b)

    monkeypatch.setattr(token_gate.secrets, "compare_digest", spy)
    async with aiohttp.ClientSession() as session, session.get(f"{base(server)}/?token=guess") as response:
        assert response.status == 403
    assert (b"guess", TOKEN.encode()) in compared


def test_a_token_is_32_random_bytes():
    tokens = {token_gate.new_token() for _ in range(50)}
    assert len(tokens) == 50
    assert all(len(token) == 43 for token in tokens)  # 32 bytes in URL-safe base64


def test_non_ascii_guesses_are_refused_not_crashed():
    assert token_gate.same_secret("ü" * 43, TOKEN) is False
    assert token_gate.same_secret("\udcff", TOKEN) is False
    assert token_gate.same_secret(TOKEN, TOKEN) is True


async def test_the_default_host_listens_on_loopback_only(server):
    import ipaddress

    hosts = [ipaddress.ip_address(address[0]) for address in server.addresses]
    assert hosts and all(host.is_loopback for host in hosts), hosts

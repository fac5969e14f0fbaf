"""The `serve` command line: one clear line and a non-zero exit for what is
wrong, and the app command each tab runs."""

from __future__ import annotations

import argparse
import os
import shlex
import socket
import sys

import pytest

from tests.core.cli_support import run
from tui.serve.addresses import is_loopback, network_warning, page_host, page_url, valid_host
from tui.serve.cli import app_command


def test_without_the_extra_it_says_how_to_install_it(capsys, monkeypatch):
    monkeypatch.setitem(sys.modules, "textual_serve", None)  # import fails as if not installed
    code, out, err = run(capsys, "serve")
    assert code == 2 and out == ""
    assert err == "recovery-tui: serve needs the serve extra: in the recovery-tui folder, pip install '.[serve]'\n"


@pytest.mark.parametrize("port", ["0", "65536", "http", "-1"])
def test_a_bad_port_is_one_line_and_exit_2(capsys, port):
    code, out, err = run(capsys, "serve", "--port", port)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "--port" in err


def test_a_port_in_use_is_one_line_and_exit_1(capsys):
    with socket.socket() as taken:
        taken.bind(("127.0.0.1", 0))
        taken.listen()
        port = taken.getsockname()[1]
        code, out, err = run(capsys, "serve", "--host", "127.0.0.1", "--port", str(port))
    assert code == 1 and out == ""
    assert err.startswith(f"recovery-tui: cannot listen on 127.0.0.1:{port}: ") and err.count("\n") == 1
    assert err.endswith("(try another --port)\n")


def test_a_host_that_is_no_address_is_one_line_and_exit_1(capsys):
    code, out, err = run(capsys, "serve", "--host", "999.1.1.1", "--port", "8000")
    assert code == 1 and out == ""
    assert err.startswith("recovery-tui: cannot listen on 999.1.1.1:8000: ") and err.count("\n") == 1
    assert "--port" not in err


def test_each_tab_runs_this_app_with_the_journal_and_quiet_options(tmp_path):
    args = argparse.Namespace(journal=str(tmp_path / "my journal.json"), quiet=True)
    words = shlex.split(app_command(args))
    server = ["--server", str(os.getpid())]  # the app ends when this process does
    assert words == ["exec", sys.executable, "-m", "tui.serve.session", *server, "--journal",
                     str(tmp_path / "my journal.json"), "--quiet"]
    plain = shlex.split(app_command(argparse.Namespace(journal=None, quiet=False)))
    assert plain == ["exec", sys.executable, "-m", "tui.serve.session", *server]


@pytest.mark.parametrize("host, loopback", [
    ("localhost", True), ("127.0.0.1", True), ("127.5.0.1", True), ("::1", True),
    ("0.0.0.0", False), ("::", False), ("192.168.1.20", False), ("myhost", False),
])
def test_loopback_hosts_and_the_warning(host, loopback):
    assert is_loopback(host) is loopback
    assert (network_warning(host) is None) is loopback


def test_the_printed_url_has_an_address_a_browser_can_open():
    assert page_url(page_host("localhost"), 8123, "/f00d", "abc") == "http://localhost:8123/f00d/?token=abc"
    assert page_url(page_host("::1"), 8123, "/f00d", "abc") == "http://[::1]:8123/f00d/?token=abc"
    assert "0.0.0.0" not in page_host("0.0.0.0")


@pytest.mark.parametrize("host", ["../../etc/passwd", "..", "a..b", ".", "a-.b", "a_b", "x" * 64, "::1::", "[::1", "é.com",
                                  "\udcff", "1.2.3.4:80"])
def test_a_host_that_is_no_name_or_address_is_one_line_and_exit_2(capsys, host, tmp_path, monkeypatch):
    """Before the check, these reached the resolver, which raised a Unicode error: a crash log."""
    monkeypatch.setenv("RECOVERY_TUI_DATA_DIR", str(tmp_path))
    code, out, err = run(capsys, "serve", "--host", host)
    assert (code, out) == (2, "")
    assert err.count("\n") == 1 and "--host" in err and "not a host name or an address" in err
    assert "\x1b" not in err and "\udcff" not in err
    assert list(tmp_path.iterdir()) == []  # no crash log


@pytest.mark.parametrize("host", ["localhost", "127.0.0.1", "::1", "[::1]", "0.0.0.0", "::", "my-laptop",
                                  "my-laptop.local", "host.example.", "fe80::1%eth0"])
def test_names_and_addresses_are_valid_hosts(host):
    assert valid_host(host)


@pytest.mark.parametrize("host", ["", "local host", "\x1b[31mred", "evil\x07"])
def test_a_host_with_spaces_or_control_characters_is_refused_and_not_echoed(capsys, host):
    code, out, err = run(capsys, "serve", "--host", host)
    assert code == 2 and out == ""
    assert err.count("\n") == 1 and "--host" in err
    assert "\x1b" not in err and "\x07" not in err

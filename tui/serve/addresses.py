"""Where the server listens and the address it prints. No aiohttp here, so the
command line can check its arguments before the `serve` extra is imported."""

from __future__ import annotations

import ipaddress
import re
import socket

LOOPBACK_NAMES = {"localhost", "localhost.localdomain", "ip6-localhost"}
ALL_INTERFACES = {"0.0.0.0", "::", ""}
LABEL = re.compile(r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?")


def valid_host(host: str) -> bool:
    """An IP address (IPv6 in brackets or not) or a host name of letters,
    digits and hyphens in dot-separated labels (RFC 1123). Anything else
    never reaches the resolver, which fails on some (`..`) with a Unicode error."""
    bare = host[1:-1] if host.startswith("[") and host.endswith("]") else host
    try:
        ipaddress.ip_address(bare)
        return True
    except ValueError:
        pass
    name = host[:-1] if host.endswith(".") else host
    return 0 < len(name) <= 253 and all(LABEL.fullmatch(label) for label in name.split("."))


def is_loopback(host: str) -> bool:
    """True when only this machine can reach `host`."""
    if host.lower() in LOOPBACK_NAMES:
        return True
    try:
        return ipaddress.ip_address(host.strip("[]")).is_loopback
    except ValueError:
        return False  # a name other than localhost: it may resolve to anything


def page_host(host: str) -> str:
    """The host to put in the printed URL: the machine's network address when
    listening on every interface (0.0.0.0 is no address a phone can open)."""
    if host in ALL_INTERFACES:
        return network_address()
    if ":" in host and not host.startswith("["):
        return f"[{host}]"  # an IPv6 address in a URL
    return host


def network_address() -> str:
    """This machine's address on its local network. A UDP socket's connect()
    only asks the routing table which interface it would use: nothing is sent."""
    probe = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    try:
        probe.connect(("10.254.254.254", 1))
        return probe.getsockname()[0]
    except OSError:
        return socket.gethostname()  # no route at all: the name is the best guess
    finally:
        probe.close()


def page_url(host: str, port: int, prefix: str, token: str) -> str:
    """The address to open: `host` as page_host() prints it, the prefix, the token."""
    return f"http://{host}:{port}{prefix}/?token={token}"


def network_warning(host: str) -> str | None:
    """The warning printed when the server can be reached from other machines."""
    if is_loopback(host):
        return None
    return (f"Warning: listening on {host or 'every interface'}: anyone on the network "
            "who has this URL can open your journal and change your settings.")

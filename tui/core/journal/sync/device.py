"""This device's name, kept outside the synced folder (platformdirs' state folder).

It names what is this device's own in a synced folder (its daily backups),
so that two devices never write the same file. Made once: the host's name
(letters, digits and dashes only) and four random characters, e.g.
"laptop-k3j9". Where it cannot be kept (a read-only home), the host's name.
"""

from __future__ import annotations

import os
import re
from functools import cache
from pathlib import Path

import platformdirs

from tui.core.common.atomic import write_new
from tui.core.journal.store.folder import make_private_folder

NAME = re.compile(r"[a-z0-9][a-z0-9-]{0,39}")
FILE = "device-id"


def state_folder() -> Path:
    return platformdirs.user_state_path("recovery-tui", appauthor=False)


def device_name() -> str:
    return _device_name(state_folder())


@cache
def _device_name(folder: Path) -> str:
    path = folder / FILE
    kept = _kept(path)
    if kept:
        return kept
    import socket  # once a day at most: the first backup of the day asks

    host = re.sub(r"[^a-z0-9]+", "-", socket.gethostname().lower()).strip("-")[:30] or "device"
    name = f"{host}-{os.urandom(3).hex()[:4]}"
    try:
        make_private_folder(folder)
        write_new(path, lambda out: print(name, file=out))
    except FileExistsError:  # another copy of the app was quicker, or the file is damaged
        return _kept(path) or host
    except OSError:
        return host
    return name


def _kept(path: Path) -> str:
    try:
        kept = path.read_text(encoding="ascii").strip()
    except (OSError, UnicodeDecodeError):
        return ""
    return kept if NAME.fullmatch(kept) else ""

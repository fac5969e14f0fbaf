"""Shared helpers for the reliability tests: child processes, modes, privileges."""

from __future__ import annotations

import ctypes
import os
import shutil
import stat
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]

# Root ignores permission bits because it holds these capabilities; without
# them uid 0 is checked like any owner. (Switching to "nobody" is no option
# here: the interpreter may live in root's 0700 home folder.)
DAC_CAPS = {"dac_override": 1, "dac_read_search": 2, "fowner": 3}
PR_CAPBSET_DROP = 24


def child_env(**extra: str) -> dict[str, str]:
    """Environment for child processes: they import this checkout's tui."""
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    return {**os.environ, "PYTHONPATH": os.pathsep.join([str(REPO), *paths]),
            "PYTHONDONTWRITEBYTECODE": "1", **extra}


def mode(path: Path) -> int:
    return stat.S_IMODE(os.lstat(path).st_mode)


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp-" in p.name)


def unprivileged(argv: list[str]) -> dict:
    """Popen keyword arguments that run argv with permission bits enforced,
    also when the tests run as root (as in CI containers)."""
    if os.geteuid() != 0:
        return {"args": argv}
    setpriv = shutil.which("setpriv")
    if setpriv:
        caps = ",".join(f"-{name}" for name in DAC_CAPS)
        return {"args": [setpriv, f"--inh-caps={caps}", f"--bounding-set={caps}", *argv]}
    return {"args": argv, "preexec_fn": _drop_dac_caps}


def _drop_dac_caps() -> None:
    libc = ctypes.CDLL(None, use_errno=True)
    for cap in DAC_CAPS.values():
        if libc.prctl(PR_CAPBSET_DROP, cap, 0, 0, 0) != 0:
            raise OSError(ctypes.get_errno(), "cannot drop a capability")

"""The one import-hygiene check: the core, and every command-line command,
load neither Textual nor Rich (the UI is a layer over the core, and the
command line answers without paying for the UI's imports)."""

from __future__ import annotations

import os
import pkgutil
import subprocess
import sys
from pathlib import Path

import tui.core

ROOT = Path(__file__).resolve().parents[2]
COMMANDS = (
    ["routines", "--json"], ["validate", str(ROOT / "routines" / "cool-down-walk.toml")], ["log", "--soreness", "2", "--area", "calves=3"], ["history"],
    ["history", "--json", "--limit", "5"], ["export", "--format", "csv"], ["export", "--format", "json"],
    ["plan", "--ended", "20m"], ["did", "hydrate"], ["insights"], ["insights", "--json"], ["doctor"],
)
PROBE = """
import contextlib, io, sys
for module in sys.argv[1:]:
    __import__(module)
import tui.cli
for argv in {commands!r}:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
        code = tui.cli.main(argv)
    assert code == 0, (argv, code, err.getvalue())
print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich"))))
"""


def core_modules() -> list[str]:
    """Every module under tui/core, subpackages included."""
    return [m.name for m in pkgutil.walk_packages(tui.core.__path__, "tui.core.")]


def test_core_and_command_line_import_no_textual(tmp_path):
    modules = core_modules()
    assert {"tui.core.routines.timer", "tui.core.routines.loader", "tui.core.journal.journal", "tui.core.journal.export"} <= set(modules)
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RECOVERY_TUI_NOW": "2024-11-22T09:12:00+01:00",
           "RECOVERY_TUI_DATA_DIR": str(tmp_path / "data"), "RECOVERY_TUI_CONFIG_DIR": str(tmp_path / "config")}
    env.pop("RECOVERY_TUI_JOURNAL", None)
    done = subprocess.run([sys.executable, "-c", PROBE.format(commands=COMMANDS), *modules],
                          env=env, capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []

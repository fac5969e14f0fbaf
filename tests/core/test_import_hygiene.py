"""The one import-hygiene check: the core, and every command-line command,
load neither Textual nor Rich (the UI is a layer over the core, and the
command line answers without paying for the UI's imports); and the activity
file readers (fitdecode, tcxreader, gpxpy: the import extra) are loaded by
`import` alone, never by another command nor by the app's first frame."""

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
print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] in ("textual", "rich", *{readers!r}))))
"""
READERS = ("fitdecode", "tcxreader", "gpxpy")
FIRST_FRAME = """
import asyncio, sys
from tests.ui.helpers import make_app, settle_workers, wait_until
from tui.screens.home import HomeScreen

async def first_frame():
    app = make_app(journal_path=sys.argv[1])
    async with app.run_test(size=(100, 30)) as pilot:
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await settle_workers(app)  # home's notices read too
print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] in {readers!r})))
asyncio.run(first_frame())
print(" ".join(sorted(m for m in sys.modules if m.split(".")[0] in {readers!r})))
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
    probe = PROBE.format(commands=COMMANDS, readers=READERS)
    done = subprocess.run([sys.executable, "-c", probe, *[m for m in modules if not m.startswith("tui.core.watch.")]],
                          env=env, capture_output=True, text=True, cwd=tmp_path)
    assert done.returncode == 0, done.stderr
    assert done.stdout.split() == []


def test_the_watch_readers_are_not_loaded_by_the_core_package_nor_the_apps_first_frame(tmp_path):
    """tui.core.watch's own modules import their reader only inside the reading function."""
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RECOVERY_TUI_DATA_DIR": str(tmp_path / "data"),
           "RECOVERY_TUI_CONFIG_DIR": str(tmp_path / "config")}
    watch = [m for m in core_modules() if m.startswith("tui.core.watch.")]
    assert "tui.core.watch.fit" in watch
    imported = subprocess.run([sys.executable, "-c", "import sys\nfor m in sys.argv[1:]: __import__(m)\n"
                               f"print(' '.join(m for m in sys.modules if m.split('.')[0] in {READERS!r}))", *watch],
                              env=env, capture_output=True, text=True, cwd=tmp_path)
    assert imported.returncode == 0, imported.stderr
    assert imported.stdout.split() == []
    done = subprocess.run([sys.executable, "-c", FIRST_FRAME.format(readers=READERS), str(tmp_path / "j.json")],
                          env=env, capture_output=True, text=True, cwd=ROOT, timeout=120)
    assert done.returncode == 0, done.stderr
    assert done.stdout.splitlines() == ["", ""]

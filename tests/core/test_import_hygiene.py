"""The core and the command-line path must never load Textual or Rich."""

from __future__ import annotations

import pkgutil
import subprocess
import sys

import tui.core


def core_modules() -> list[str]:
    return [f"tui.core.{m.name}" for m in pkgutil.iter_modules(tui.core.__path__)]


def loaded_after(code: str) -> set[str]:
    probe = code + "\nimport sys\nprint(' '.join(sorted(m for m in sys.modules if m.split('.')[0] in ('textual', 'rich'))))"
    result = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True, check=True)
    return set(result.stdout.split())


def test_core_imports_no_textual():
    modules = core_modules()
    assert "tui.core.timer" in modules and "tui.core.loader" in modules
    assert loaded_after("\n".join(f"import {m}" for m in modules)) == set()


def test_routines_command_imports_no_textual():
    code = "import contextlib, io, tui.cli\nwith contextlib.redirect_stdout(io.StringIO()):\n    tui.cli.main(['routines', '--json'])"
    assert loaded_after(code) == set()

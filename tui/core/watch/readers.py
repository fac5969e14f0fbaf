"""One entry point for every activity file: the reader for its kind, and
whether the libraries the readers need are installed (the `import` extra)."""

from __future__ import annotations

import importlib.util
from collections.abc import Callable

from tui.core.watch.activity import DAMAGED, Activity, ActivityProblem

LIBRARIES = {".fit": "fitdecode", ".tcx": "tcxreader", ".gpx": "gpxpy"}
INSTALL_HINT = "import needs the import extra: in the recovery-tui folder, pip install '.[import]'"


def missing_libraries() -> list[str]:
    """The readers' libraries that are not installed (found without importing them)."""
    return [name for name in LIBRARIES.values() if importlib.util.find_spec(name) is None]


def file_kind(name: str) -> str | None:
    """".fit", ".tcx" or ".gpx" for an activity file's name (compressed or not), else None."""
    lowered = name.lower().removesuffix(".gz")
    return next((kind for kind in LIBRARIES if lowered.endswith(kind)), None)


def reader(kind: str) -> Callable[[bytes], Activity]:
    if kind == ".fit":
        from tui.core.watch.fit import read_fit

        return read_fit
    if kind == ".tcx":
        from tui.core.watch.tcx import read_tcx

        return read_tcx
    from tui.core.watch.gpx import read_gpx

    return read_gpx


def read_activity(name: str, data: bytes) -> Activity:
    """The run in one file's bytes (already uncompressed); ActivityProblem if none."""
    kind = file_kind(name)
    if kind is None:
        raise ActivityProblem(DAMAGED, "not a .fit, .tcx or .gpx file")
    try:
        return reader(kind)(data)
    except RecursionError:
        raise ActivityProblem(DAMAGED, "it is nested too deeply to read") from None

"""The routine library every command reads: the shipped routines and the user's own.

Light to import (the loader and the paths only): `plan` imports it but reads
the routines only for a plan of the user's own (see plan.py)."""

from __future__ import annotations

from tui.core.common.paths import builtin_routine_files, user_routines_dir
from tui.core.routines.loader import Library, load_library


def load_all() -> Library:
    """The built-in routines and the user's own."""
    return load_library(builtin_routine_files(), user_routines_dir())

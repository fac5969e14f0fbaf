"""The routine library every command reads: the shipped routines and the user's own.

Light to import (the loader and the paths only): `plan` imports it but reads
the routines only for a plan of the user's own (see plan.py)."""

from __future__ import annotations

from typing import TYPE_CHECKING

from tui.core.common.paths import builtin_routine_files, user_routines_dir
from tui.core.routines.loader import Library, load_library

if TYPE_CHECKING:
    from tui.core.plan.practices import PracticeNames


def load_all() -> Library:
    """The built-in routines and the user's own."""
    return load_library(builtin_routine_files(), user_routines_dir())


def practice_names() -> PracticeNames:
    """The names the plan in use shows for what runs record ("hydrate" is
    "Drink"), with the routines' names; imported and read only when called."""
    from tui.core.plan.practices import load_practice_names

    return load_practice_names(load_all().routines)


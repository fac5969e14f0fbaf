"""The shipped routine files. This module only locates them, so the same code
finds them in a checkout and in an installed wheel."""

from pathlib import Path

ROUTINES_DIR = Path(__file__).resolve().parent


def builtin_routine_files() -> list[Path]:
    """Every shipped routine file, sorted by name."""
    return sorted(ROUTINES_DIR.glob("*.toml"))

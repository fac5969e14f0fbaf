"""The shipped routine files. This module only locates them, so the same code
finds them in a checkout and in an installed wheel."""

from pathlib import Path

ROUTINES_DIR = Path(__file__).resolve().parent
PLAN_FILE = ROUTINES_DIR / "plan.toml"  # the default after-run plan, not a routine
EVIDENCE_FILE = ROUTINES_DIR / "evidence.toml"  # what reviews found, per practice: not a routine


def builtin_routine_files() -> list[Path]:
    """Every shipped routine file, sorted by name."""
    return sorted(p for p in ROUTINES_DIR.glob("*.toml") if p.name not in (PLAN_FILE.name, EVIDENCE_FILE.name))

"""Every path the app uses, in one place. platformdirs honours XDG_*_HOME;
arguments and RECOVERY_TUI_* variables override it (tests rely on that)."""

from __future__ import annotations

import os
from pathlib import Path

from platformdirs import user_config_path, user_data_path

APP_NAME = "recovery-tui"
JOURNAL_VARIABLE = "RECOVERY_TUI_JOURNAL"


def _builtin_routines_dir() -> Path:
    """The shipped routine files: tui/routines/ in a built wheel (hatch puts
    the top-level routines/ folder there), routines/ beside tui/ in a checkout
    (plain source or an editable install). The wheel's place is tried first:
    next to an installed tui/ sits site-packages, where a `routines` folder
    would be another project's."""
    package = Path(__file__).resolve().parents[2]
    inside = package / "routines"
    return inside if inside.is_dir() else package.parent / "routines"


BUILTIN_ROUTINES_DIR = _builtin_routines_dir()
PLAN_FILE = BUILTIN_ROUTINES_DIR / "plan.toml"  # the shipped after-run plan, not a routine
EVIDENCE_FILE = BUILTIN_ROUTINES_DIR / "evidence.toml"  # what reviews found, per practice: not a routine


def builtin_routine_files() -> list[Path]:
    """Every shipped routine file, sorted by name."""
    return sorted(p for p in BUILTIN_ROUTINES_DIR.glob("*.toml") if p.name not in (PLAN_FILE.name, EVIDENCE_FILE.name))


def config_dir() -> Path:
    override = os.environ.get("RECOVERY_TUI_CONFIG_DIR")
    if override:
        return Path(override)
    return user_config_path(APP_NAME, appauthor=False)


def data_dir() -> Path:
    override = os.environ.get("RECOVERY_TUI_DATA_DIR")
    if override:
        return Path(override)
    return user_data_path(APP_NAME, appauthor=False)


def user_routines_dir() -> Path:
    return config_dir() / "routines"


def journal_path(explicit: str | os.PathLike | None = None) -> Path:
    if explicit:
        return Path(explicit).expanduser()
    override = os.environ.get(JOURNAL_VARIABLE)
    if override:
        return Path(override).expanduser()
    return data_dir() / "journal.json"


def settings_path() -> Path:
    return config_dir() / "settings.toml"


def user_plan_path() -> Path:
    """The user's own after-run plan; it replaces the shipped one."""
    return config_dir() / "plan.toml"


OWN_FOLDER_SUFFIX = ".d"


def own_files_folder(journal: Path) -> Path:
    """Where the app keeps its own files for `journal` (lock, backups/, archive/).

    In the data folder, which is the app's, they sit beside the journal. A
    journal anywhere else (`--journal ~/Documents/recovery.json`) lives among
    the runner's own files: there they go in one folder of their own named
    after it, "recovery.json.d", so her folder gets one entry and no mode change."""
    folder = journal.parent
    if _same_folder(os.fspath(folder), os.fspath(data_dir())):
        return folder
    return folder / f"{journal.name}{OWN_FOLDER_SUFFIX}"


def _same_folder(one: str, other: str) -> bool:
    return one == other or os.path.realpath(one) == os.path.realpath(other)

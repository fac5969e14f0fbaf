"""Every path the app uses, in one place. platformdirs honours XDG_*_HOME;
arguments and RECOVERY_TUI_* variables override it (tests rely on that)."""

from __future__ import annotations

import os
import re
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
OLD_LAYOUT_FOLDERS = ("archive", "backups")  # archive.FOLDER_NAME, daily_backup.FOLDER_NAME


def own_files_folder(journal: Path) -> Path:
    """Where the app keeps its own files for `journal` (lock, backups/, archive/).

    Decided by the files beside the journal alone, never by the data folder a
    process believes in, so that every process opening it takes the same lock:
    "journal.json.d/" beside it, unless the journal has the layout from before
    (no such folder, but its lock or its archive/backups files beside it), which
    stays where it is. Her folder gets one entry and no mode change."""
    beside = journal.parent
    own = beside / f"{journal.name}{OWN_FOLDER_SUFFIX}"
    if os.path.lexists(own) or not _has_old_layout(journal):
        return own
    return beside


def _has_old_layout(journal: Path) -> bool:
    beside = journal.parent
    if os.path.lexists(beside / f"{journal.name}.lock"):
        return True
    return any(_names_a_file_of(journal, beside / folder) for folder in OLD_LAYOUT_FOLDERS)


def _names_a_file_of(journal: Path, folder: Path) -> bool:
    """Whether `folder` holds an archive month or a backup of `journal` ("journal-2024-11...json")."""
    try:
        names = os.listdir(folder)
    except OSError:
        return False
    ours = re.compile(rf"{re.escape(journal.stem)}-\d{{4}}-\d{{2}}.*{re.escape(journal.suffix)}")
    return any(ours.fullmatch(name) for name in names)


def is_data_folder(folder: Path) -> bool:
    """Whether `folder` is this process's data folder. Only for its mode (it is
    the app's: 0700); never for where a journal's own files go (above)."""
    one, other = os.fspath(folder), os.fspath(data_dir())
    return one == other or os.path.realpath(one) == os.path.realpath(other)

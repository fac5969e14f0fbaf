"""The data folder's permission policy: 0700 for a folder of our own, 0600
for the journal; shared folders (/tmp-like, home, root, not ours) are never
chmod-ed, nor is the folder of a journal kept outside the data folder. The
app's files for a journal go in a folder of their own (paths.own_files_folder)."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
from pathlib import Path

from tui.core.common.atomic import DIR_MODE, LOOSE_BITS
from tui.core.common.paths import is_data_folder, own_files_folder
from tui.core.journal.store.errors import JournalAccessError, reason
from tui.core.journal.store.links import require_real_folder


def is_shared_folder(folder: Path, st: os.stat_result) -> bool:
    """Folders we must never chmod: /tmp-like (sticky), home, filesystem root, not ours."""
    if st.st_mode & stat.S_ISVTX or st.st_uid != os.geteuid():
        return True
    if folder.parent == folder:
        return True
    try:
        return folder == Path.home().resolve()
    except RuntimeError:  # no home directory known
        return False


def tighten(path: Path, st: os.stat_result, mode: int, notices: list[str]) -> None:
    """chmod path to mode; `notices` hears what happened."""
    old = stat.S_IMODE(st.st_mode)
    try:
        os.chmod(path, mode)
    except OSError as exc:
        notices.append(f"Could not tighten permissions of {path} (now {old:04o}): {reason(exc)}.")
        return
    notices.append(f"Tightened permissions of {path} to {mode:04o} (was {old:04o}).")


def prepare_folder(journal: Path, create_dirs: bool, notices: list[str]) -> None:
    """Make sure the journal's folder exists (only with create_dirs) and is private."""
    folder = journal.parent
    try:
        st = os.stat(folder)
    except FileNotFoundError:
        if not create_dirs:
            raise JournalAccessError(
                journal, f"The folder for the journal at {journal} does not exist."
            ) from None
        try:
            os.makedirs(folder, mode=DIR_MODE, exist_ok=True)
            os.chmod(folder, DIR_MODE)
        except OSError as exc:
            raise JournalAccessError(
                journal, f"Cannot create the folder for the journal at {journal}: {reason(exc)}."
            ) from None
        if own_files_folder(journal) != folder:
            _make_own_folder(journal, own_files_folder(journal))
        return
    except OSError as exc:
        raise JournalAccessError(
            journal, f"Cannot open the folder of the journal at {journal}: {reason(exc)}."
        ) from None
    if not stat.S_ISDIR(st.st_mode):
        raise JournalAccessError(
            journal, f"The journal at {journal} cannot be used: {folder} is not a folder."
        )
    own = own_files_folder(journal)
    if own != folder:
        _make_own_folder(journal, own)
    if is_data_folder(folder) and st.st_mode & LOOSE_BITS and not is_shared_folder(folder, st):
        tighten(folder, st, DIR_MODE, notices)


def _make_own_folder(journal: Path, own: Path) -> None:
    """The app's folder beside a journal among the runner's files. Where it
    cannot be made (a read-only folder) the journal can still be read: the
    lock finds no folder and is read-only (store/lock.py)."""
    try:
        require_real_folder(own)
        make_private_folder(own)
    except OSError as exc:
        if exc.errno in (errno.EROFS, errno.EACCES, errno.EPERM):
            return
        raise JournalAccessError(
            journal, f"Cannot create the folder {own} for the journal at {journal}: {reason(exc)}."
        ) from None


def make_private_folder(folder: Path) -> None:
    """Create `folder` 0700 if missing (and any missing folder above it, each
    0700) and make it 0700 if it is not. Raises OSError."""
    missing = []
    top = folder
    while not os.path.lexists(top) and top.parent != top:
        missing.append(top)
        top = top.parent
    for created in reversed(missing):
        with contextlib.suppress(FileExistsError):
            os.mkdir(created, DIR_MODE)
    if stat.S_IMODE(os.stat(folder).st_mode) != DIR_MODE:
        os.chmod(folder, DIR_MODE)


def list_names(folder: Path, about: Path, what: str) -> list[str]:
    """The names in a folder, [] if it does not exist; JournalAccessError
    (about `about`, calling the folder's content `what`) if it cannot be listed
    or is a symbolic link (never followed, see links.py)."""
    try:
        require_real_folder(folder)
        return os.listdir(folder)
    except FileNotFoundError:
        return []
    except OSError as exc:
        raise JournalAccessError(about, f"Cannot list {what} in {folder}: {reason(exc)}.") from None

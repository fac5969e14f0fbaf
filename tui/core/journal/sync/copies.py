"""The conflict copies sync engines leave beside a file, and where they go once merged.

When two devices change a file between two syncs, the engine keeps one
version under the file's name and the other beside it:
- Syncthing: journal.sync-conflict-20261206-123456-ABCDEFG.json
- Dropbox: journal (Ana's conflicted copy 2026-12-06).json
- Nextcloud, ownCloud: journal (conflicted copy 2026-12-06 123456).json
The same goes for archive months and the parts of a crowded month
("journal-2026-09.part-0003.sync-conflict-….json").
Once merged, a copy is moved into merged/ beside it (never deleted), so
that it is read once and can still be looked at.
"""

from __future__ import annotations

import os
import re
from pathlib import Path
from typing import NamedTuple

from tui.core.journal.store.folder import list_names, make_private_folder
from tui.core.journal.store.links import is_link

MERGED = "merged"


class Copy(NamedTuple):  # not a dataclass: every open makes these, and `log` loads no dataclasses
    path: Path
    original: str  # the name of the file it is a copy of
    engine: str


def _patterns(stem: str, suffix: str) -> list[tuple[str, re.Pattern[str]]]:
    return [
        ("Syncthing", re.compile(rf"({stem})\.sync-conflict-\d{{8}}-\d{{6}}-[A-Z0-9]{{7}}{suffix}")),
        ("Dropbox, Nextcloud or ownCloud", re.compile(rf"({stem}) \(.*conflicted copy.*\){suffix}")),
    ]


def find_copies(folder: Path, stem_pattern: str, suffix: str, about: Path) -> list[Copy]:
    """Conflict copies in `folder` of files named <stem><suffix>, `stem_pattern`
    a regular expression; sorted by name so every device merges them alike."""
    found = []
    names = list_names(folder, about, "the conflict copies")
    for name in sorted(names):
        if "conflict" not in name:
            continue  # nearly every name: no pattern is tried
        for engine, pattern in _patterns(stem_pattern, re.escape(suffix)):
            match = pattern.fullmatch(name)
            if match and not is_link(folder / name):
                found.append(Copy(folder / name, match.group(1) + suffix, engine))
                break
    return found


def journal_copies(journal: Path) -> list[Copy]:
    return find_copies(journal.parent, re.escape(journal.stem), journal.suffix, journal)


def archive_copies(journal: Path, archive_folder: Path) -> list[Copy]:
    """Copies of archive months and of their parts ("journal-2026-09.part-0003.json", rotation.py)."""
    month = rf"{re.escape(journal.stem)}-\d{{4}}-\d{{2}}(?:\.part-\d{{4}})?"
    return find_copies(archive_folder, month, journal.suffix, journal)


def merged_copies(folder: Path, about: Path) -> list[Path]:
    """The copies already merged, in `folder`/merged/."""
    where = folder / MERGED
    return [where / name for name in sorted(list_names(where, about, "the merged copies"))]


def move_to_merged(copy: Path, folder: Path) -> Path:
    """Move a merged copy into `folder`/merged/ (the app's folder for the
    journal, or the archive), never over another; OSError if it cannot."""
    where = folder / MERGED
    make_private_folder(where)
    for n in range(10_000):
        target = where / (copy.name if n == 0 else f"{copy.name}.{n}")
        try:
            os.link(copy, target)  # fails if target exists
        except FileExistsError:
            continue
        except OSError:
            if os.path.lexists(target):
                continue
            os.rename(copy, target)
            return target
        os.unlink(copy)
        return target
    raise FileExistsError(f"too many merged copies of {copy.name}")

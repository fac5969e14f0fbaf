"""Ids are never given out twice: the highest id kept beside the journal.

A record's id stays with it when it moves to an archive month, into a backup,
or aside with a replaced or damaged journal. A journal that starts afresh (after
"Move aside") or comes back from a backup (after a restore) may know of lower
ids than those, so before such a journal gives out an id, these files are read
(once: the result is kept in the journal's meta table).
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

from tui.core.common.paths import own_files_folder
from tui.core.journal.store.errors import JournalError
from tui.core.journal.store.json_tables import read_tables
from tui.core.journal.store.links import is_link
from tui.core.journal.store.meta import last_id

FOLDERS = ("archive", "backups")
ASIDE = (".replaced-", ".corrupt-")


def kept_files(journal: Path) -> Iterator[Path]:
    """Archive months, backups and journals moved aside, of the journal at `journal`."""
    for folder in FOLDERS:
        where = own_files_folder(journal) / folder
        if is_link(where):
            continue  # never followed (see links.py)
        for name in _names(where):
            if name.startswith(f"{journal.stem}-") and name.endswith(journal.suffix):
                yield where / name
    for name in _names(journal.parent):
        if any(name.startswith(journal.name + mark) for mark in ASIDE):
            yield journal.parent / name


def highest_id_beside(journal: Path, table: str) -> int:
    """The highest id of `table` in the readable files kept beside the journal
    (0 if none). Unreadable ones are skipped: `doctor` reports them."""
    highest = 0
    for path in kept_files(journal):
        if is_link(path):
            continue
        try:
            highest = max(highest, last_id(read_tables(path), table))
        except JournalError:
            continue
    return highest


def _names(folder: Path) -> list[str]:
    try:
        return os.listdir(folder)
    except OSError:
        return []

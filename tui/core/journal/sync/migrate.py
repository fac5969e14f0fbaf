"""The one-time gift of uids to a journal saved before records had them.

On the first open, with a copy of every file it changes kept first in
backups/before-ids/: each archive month, then the journal, each rewritten
atomically with a uid in every record, and last the journal's meta says it
is done. Cut off anywhere, the next open does the rest: a file already
rewritten is skipped, a copy already kept is not replaced (it is the one
from before), and the uids are derived from the records (identity.py), so
doing it twice, or on two devices, gives the same uids.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tui.core.common.atomic import write_atomically
from tui.core.journal import archive
from tui.core.journal.daily_backup import backup_folder
from tui.core.journal.records import TABLE
from tui.core.journal.storage import SafeJSONStorage
from tui.core.journal.store.errors import JournalError
from tui.core.journal.store.folder import make_private_folder
from tui.core.journal.store.json_tables import encode_tables, read_bytes, read_tables
from tui.core.journal.store.links import require_real_folder
from tui.core.journal.store.meta import meta, with_meta
from tui.core.journal.sync.identity import MIGRATED, UID, with_uid

Tables = dict[str, dict[str, Any]]
KEPT = "before-ids"  # in backups/


def needs_migration(tables: Tables) -> bool:
    return meta(tables).get(MIGRATED) != 1


def migration_due(journal: Path, tables: Tables) -> bool:
    """Whether `migrate` may have something to do (no file is read to say)."""
    if not needs_migration(tables):
        return False
    return any(not isinstance(doc.get(UID), str) for doc in tables.get(TABLE, {}).values()) or bool(
        archive.archive_months(journal))


def with_uids(tables: Tables) -> Tables:
    return {**tables, TABLE: {key: with_uid(key, doc) for key, doc in tables.get(TABLE, {}).items()}}


def migrate(storage: SafeJSONStorage, tables: Tables) -> Tables:
    """Give every record of the journal and its archive a uid; call under the
    journal's lock. OSError or JournalError if a file cannot be written. A
    journal whose records all have one is left as it is (a new journal, say)."""
    journal = storage.path
    months = [month for month in archive.archive_months(journal) if _month_lacks_uids(journal, month)]
    legacy = any(not isinstance(doc.get(UID), str) for doc in tables.get(TABLE, {}).values())
    if not legacy and not months:
        return tables  # nothing to do; no write (the archive's first move marks it done)
    kept = backup_folder(journal) / KEPT
    require_real_folder(kept.parent)
    make_private_folder(kept.parent)
    make_private_folder(kept)
    _keep(journal, kept / journal.name)
    for month in months:
        path = archive.archive_path(journal, month)
        _keep(path, kept / path.name)
        write_atomically(path, encode_tables(with_uids(read_tables(path, "archive file") or {})))
    done = with_meta(with_uids(tables), **{MIGRATED: 1})
    storage.write(done)
    return done


def _month_lacks_uids(journal: Path, month: str) -> bool:
    try:
        month_tables = read_tables(archive.archive_path(journal, month), "archive file") or {}
    except JournalError:
        return False  # doctor reports it; its records get their uids when read
    return not all(isinstance(doc.get(UID), str) for doc in month_tables.get(TABLE, {}).values())


def _keep(path: Path, copy: Path) -> None:
    """A copy of `path` as it is now, unless one was kept already."""
    if os.path.lexists(copy):
        return
    raw = read_bytes(path)
    if raw is not None:
        write_atomically(copy, raw)

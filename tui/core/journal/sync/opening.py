"""What every open of the journal does for a synced folder, under its lock:
give uids to an older journal (migrate.py), then merge the conflict copies
of the journal and of its archive months (merge.py) and move them into
merged/. One notice says what was merged."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui.core.common.atomic import write_atomically
from tui.core.common.paths import own_files_folder
from tui.core.journal import archive
from tui.core.journal.records import TABLE
from tui.core.journal.storage import SafeJSONStorage
from tui.core.journal.store.errors import JournalError, reason
from tui.core.journal.store.json_tables import encode_tables, read_tables
from tui.core.journal.sync.copies import Copy, archive_copies, journal_copies, move_to_merged
from tui.core.journal.sync.identity import uid_of
from tui.core.journal.sync.merge import merge_records, merge_tables
from tui.core.journal.sync.migrate import migrate, migration_due, needs_migration

Tables = dict[str, dict[str, Any]]
MERGED_NOTICE = "Merged "  # how the one line about merged copies begins


def settle(storage: SafeJSONStorage) -> None:
    """Migrate and merge; what happened, or could not, goes to storage.notices."""
    journal = storage.path
    copies = conflict_copies(journal)
    hint, storage.first_read = storage.first_read, None
    if not copies and (hint is None or not migration_due(journal, hint)):
        return  # the usual open: nothing read again
    if storage.read_only:
        if copies:
            storage.notices.append(f"{len(copies)} conflict copy(ies) beside {journal} were not merged: "
                                   "the folder is read-only.")
        return
    with storage.locked():
        tables = storage.read()
        if tables is None:
            return
        try:
            if needs_migration(tables):
                tables = migrate(storage, tables)
        except (OSError, JournalError) as error:
            why = reason(error) if isinstance(error, OSError) else str(error)
            storage.notices.append(f"Records could not be given their lasting ids yet ({why}); nothing was lost.")
        copies = conflict_copies(journal)  # again, under the lock: another copy of the app may have merged them
        if copies:
            _merge_all(storage, tables, copies)


def _merge_all(storage: SafeJSONStorage, tables: Tables, copies: list[Copy]) -> None:
    records = done = 0
    for copy in copies:
        try:
            incoming = read_tables(copy.path, "conflict copy") or {}
            if copy.original == storage.path.name:
                tables, report = merge_tables(tables, incoming)
                storage.write(tables)
                records += report.records
            else:
                tables, count = _merge_month(storage, tables, copy, incoming)
                records += count
            is_journal = copy.original == storage.path.name
            move_to_merged(copy.path, own_files_folder(storage.path) if is_journal else copy.path.parent)
        except JournalError as error:
            storage.notices.append(f"{error} The copy was left where it is, not merged.")
            continue
        except OSError as error:
            storage.notices.append(f"The conflict copy {copy.path} could not be merged: {reason(error)}.")
            continue
        done += 1
    if done:
        where = "a copy" if done == 1 else f"{done} copies"
        storage.notices.append(f"{MERGED_NOTICE}{records} record(s) from {where} made on another device "
                               f"(kept in merged/).")


def _merge_month(storage: SafeJSONStorage, tables: Tables, copy: Copy, incoming: Tables) -> tuple[Tables, int]:
    """Records of the month's copy: those the month holds are merged there, the
    others join the journal (the next save moves them to their month)."""
    path = copy.path.parent / copy.original
    month_tables = read_tables(path, "archive file") or {}
    held = month_tables.get(TABLE, {})
    where = {uid_of(key, doc): key for key, doc in held.items()}
    changed, rest = {}, {}
    for key, doc in incoming.get(TABLE, {}).items():
        uid = uid_of(key, doc)
        if uid in where:
            merged = merge_records(held[where[uid]], doc, uid)
            if merged != held[where[uid]]:
                changed[where[uid]] = merged
        else:
            rest[key] = doc
    if changed:
        write_atomically(path, encode_tables({**month_tables, TABLE: {**held, **changed}}))
    if not rest:
        return tables, len(changed)
    tables, report = merge_tables(tables, {TABLE: rest})
    storage.write(tables)
    return tables, len(changed) + report.records


def conflict_copies(journal: Path) -> list[Copy]:
    """Copies waiting to be merged (for doctor)."""
    return journal_copies(journal) + archive_copies(journal, archive.archive_folder(journal))

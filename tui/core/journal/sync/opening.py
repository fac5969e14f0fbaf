"""What every open of the journal does for a synced folder, under its lock:
give uids to an older journal (migrate.py), then merge the conflict copies
of the journal, of its archive months and of their parts (merge.py, each
record where it is kept: archived.py) and move them into merged/; then give
new numbers to records of archive files that arrived whole under numbers
this device uses (arrivals.py). One notice says what was merged, one what
was renumbered."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui.core.common.paths import own_files_folder
from tui.core.journal import archive, rotation
from tui.core.journal.records import TABLE, TIME_FIELD, checks_out
from tui.core.journal.storage import SafeJSONStorage
from tui.core.journal.store.errors import JournalError, reason
from tui.core.journal.store.json_tables import read_tables
from tui.core.journal.sync.archived import merge_into_archive
from tui.core.journal.sync.arrivals import arrivals_due, renumber_arrivals
from tui.core.journal.sync.copies import Copy, archive_copies, journal_copies, move_to_merged
from tui.core.journal.sync.identity import uid_of
from tui.core.journal.sync.merge import merge_tables
from tui.core.journal.sync.migrate import migrate, migration_due, needs_migration

Tables = dict[str, dict[str, Any]]
MERGED_NOTICE = "Merged "  # how the one line about merged copies begins


def settle(storage: SafeJSONStorage) -> None:
    """Migrate and merge; what happened, or could not, goes to storage.notices."""
    journal = storage.path
    copies = conflict_copies(journal)
    hint, storage.first_read = storage.first_read, None
    if not copies and (hint is None or not migration_due(journal, hint)):
        _check_arrivals(storage)
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
    _check_arrivals(storage)


def _check_arrivals(storage: SafeJSONStorage) -> None:
    """Archive files that arrived whole: no number shown for two records (arrivals.py)."""
    try:
        if storage.read_only or not arrivals_due(storage.path):
            return
        with storage.locked():
            renumber_arrivals(storage)
    except JournalError as error:
        storage.notices.append(f"{error} Records that arrived from another device were not checked for "
                               "numbers this device uses; nothing was lost.")
    except OSError as error:
        storage.notices.append(f"Records that arrived from another device could not be renumbered: "
                               f"{reason(error)}; nothing was lost.")


def _merge_all(storage: SafeJSONStorage, tables: Tables, copies: list[Copy]) -> None:
    records = done = 0
    for copy in copies:
        is_journal = copy.original == storage.path.name
        try:
            incoming = read_tables(copy.path, "conflict copy") or {}
            tables, count = _merge_copy(storage, tables, incoming if is_journal else {TABLE: incoming.get(TABLE, {})})
            records += count
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
        _rotate(storage)


def _merge_copy(storage: SafeJSONStorage, tables: Tables, incoming: Tables) -> tuple[Tables, int]:
    """A copy's records: those the journal holds are merged there, those an
    archive file of their month holds there (archived.py), the others join
    the journal; how many records changed or were added."""
    held = {uid_of(key, doc) for key, doc in tables.get(TABLE, {}).items()}
    theirs = incoming.get(TABLE, {})
    outside = {key: doc for key, doc in theirs.items() if uid_of(key, doc) not in held}
    taken, changed, count = merge_into_archive(storage.path, outside)
    rest = {key: doc for key, doc in theirs.items() if key not in taken}
    tables, report = merge_tables(tables, {**incoming, TABLE: rest})
    if changed & (rotation.part_newest(tables).keys() | rotation.part_kinds(tables).keys()):
        tables = rotation.forgotten(tables, changed)  # a run's time may be later now
    storage.write(tables)
    return tables, count + report.records


def _rotate(storage: SafeJSONStorage) -> None:
    """Records a copy added may take the journal past rotation's limit: it
    rotates now, by its own rules, as a save would."""
    try:
        rotation.finish_pending(storage, TIME_FIELD)
        rotation.rotate(storage, TIME_FIELD, checks_out)
    except JournalError as error:
        storage.notices.append(f"{error} Older records stay in the journal for now; nothing was lost.")


def conflict_copies(journal: Path) -> list[Copy]:
    """Copies waiting to be merged (for doctor)."""
    return journal_copies(journal) + archive_copies(journal, archive.archive_folder(journal))

"""Monthly archive files, so that the journal a save rewrites stays small.

TinyDB rewrites its whole file on every save. After ten years of daily use
that file would hold ~9,000 records (1.9 MB), and every save and every read
would pay for all of them. So the records of months before last move, once a
month, to "archive/<journal stem>-YYYY-MM<suffix>" in the app's folder for the journal
(e.g. archive/journal-2019-04.json; see paths.own_files_folder), in the journal's own format. The
journal keeps this month and last (a plan of the 31st can still be ticked
on the 1st), so what a save costs does not grow with the years.

The move is safe at every step: each archive file is written atomically and
only then are the records taken out of the journal (one more atomic save).
An archive month is a TinyDB database like the journal, and records go into it
through TinyDB's Table API (see write_month).
A crash in between leaves a record in both places; readers take the
journal's copy, and the next move merges it again. Journal, archives and
the move share the journal's lock. A merge never replaces an archived record
with a different one (same id, another kind or moment): that is an error, and
both stay where they are.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

from tinydb import Storage, TinyDB
from tinydb.table import Document

from tui.core.common.atomic import remove_temp_files, write_atomically
from tui.core.common.paths import own_files_folder
from tui.core.journal.records import TABLE
from tui.core.journal.storage import SafeJSONStorage
from tui.core.journal.store.errors import JournalAccessError, JournalCorruptError, reason
from tui.core.journal.store.folder import list_names, make_private_folder
from tui.core.journal.store.json_tables import encode_tables, read_tables
from tui.core.journal.store.links import require_real_folder
from tui.core.journal.store.meta import last_id, meta, with_last_id, with_meta
from tui.core.journal.sync.checked import remember_write
from tui.core.journal.sync.identity import MIGRATED, uid_of
from tui.core.journal.sync.merge import merge_records

FOLDER_NAME = "archive"
PART = ".part-"  # "2024-11.part-0002": the second part of a crowded month (rotation.py)
CREATED = {"session": "started", "soreness": "time"}  # what never changes in a record of that type


def archive_folder(journal_path: Path) -> Path:
    return own_files_folder(journal_path) / FOLDER_NAME


def archive_path(journal_path: Path, month: str) -> Path:
    """The file of one month ("2024-11")."""
    return archive_folder(journal_path) / archive_name(journal_path, month)


def archive_name(journal_path: Path, month: str) -> str:
    """The name of one month's file: "journal-2024-11.json" beside "journal.json"."""
    return f"{journal_path.stem}-{month}{journal_path.suffix}"


def month_of(moment: datetime) -> str:
    return f"{moment.year:04d}-{moment.month:02d}"


def month_before(month: str) -> str:
    year, number = int(month[:4]), int(month[5:])
    return f"{year - 1:04d}-12" if number == 1 else f"{year:04d}-{number - 1:02d}"


def archive_months(journal_path: Path, earliest: str = "") -> list[str]:
    """The archive's files by month ("2024-11") or part of a month
    ("2024-11.part-0002", see rotation.py), newest first: a month's own file,
    then its parts from the last; with `earliest`, only that month and later
    ones (a save at 100 years looks at two of some 1,200 files, and checks no more than those)."""
    prefix, suffix = f"{journal_path.stem}-", journal_path.suffix
    names = list_names(archive_folder(journal_path), journal_path, "the archive")
    months = (name[len(prefix):len(name) - len(suffix)] for name in names
              if name.startswith(prefix) and name.endswith(suffix))
    return sorted((key for key in months if key[:7] >= earliest and is_archive_key(key)),
                  key=_newest_first, reverse=True)


def part_key(month: str, number: int) -> str:
    """The archive key of a month's part ("2024-11", 2 -> "2024-11.part-0002")."""
    return f"{month}{PART}{number:04d}"


def part_number(key: str) -> int:
    """2 for "2024-11.part-0002"; 0 for a month's own file ("2024-11")."""
    _, _, number = key.partition(PART)
    return int(number) if number else 0


def is_archive_key(text: str) -> bool:
    """A month ("2024-11") or one of its parts ("2024-11.part-0002")."""
    month, mark, number = text.partition(PART)
    return is_month(month) and (not mark or (len(number) == 4 and number.isascii()
                                             and number.isdigit() and int(number) > 0))


def _newest_first(key: str) -> tuple[str, int]:
    """Parts hold a month's older records (the oldest are moved first), its own file the rest."""
    return key[:7], part_number(key) or 10_000


def is_month(text: str) -> bool:
    """"2024-11": four digits, a dash, a month from 01 to 12."""
    return (len(text) == 7 and text[4] == "-" and text[:4].isdigit() and text[5:].isdigit()
            and text.isascii() and 1 <= int(text[5:]) <= 12)


def months_since(journal_path: Path, since: datetime | None) -> list[str]:
    """Archive months that may hold records from `since` on (all if None), newest first.
    A record's month is the one of its stored local time: allow a day either side."""
    if since is None:
        return archive_months(journal_path)
    return archive_months(journal_path, earliest=month_of(since - timedelta(days=1)))


def read_archive(journal_path: Path, month: str) -> dict[str, dict[str, Any]]:
    """The records of one archive month, keyed by doc id; JournalError names a bad file."""
    tables = read_tables(archive_path(journal_path, month), "archive file") or {}
    return tables.get(TABLE, {})


def stored_month(doc: dict, time_field: dict[str, str]) -> str | None:
    """The month of a record's stored time ("2024-11-22T07:30:00+01:00" -> "2024-11")."""
    try:
        text = doc[time_field[doc["type"]]]
    except (KeyError, TypeError):
        return None
    month = text[:7] if isinstance(text, str) else ""
    return month if is_month(month) else None


class MonthStorage(Storage):
    """TinyDB storage of one archive month: the strict reader and the atomic,
    private write of the journal's own files. It has no lock of its own: the
    journal's lock is held around every use (see write_month)."""

    def __init__(self, path: Path) -> None:
        super().__init__()
        self.path = path

    def read(self) -> dict[str, dict[str, Any]] | None:
        return read_tables(self.path, "archive file")

    def write(self, data: dict[str, dict[str, Any]]) -> None:
        write_atomically(self.path, encode_tables(data))


def write_month(journal_path: Path, month: str, moving: dict[str, dict[str, Any]]) -> int:
    """Merge records into their month's archive file and return how many it
    holds; the caller holds the journal's lock. JournalError names the file
    that failed. New records go in with their ids as TinyDB Documents, in one
    save; one already there (a move cut short, a run changed) is replaced in
    a save of its own, so the file always holds every record once."""
    target = archive_path(journal_path, month)
    try:
        require_real_folder(target.parent)
    except OSError as exc:
        raise JournalAccessError(target, f"Cannot write the archive file {target}: {reason(exc)}.") from None
    remove_temp_files(target.parent)  # of a killed move; the caller holds the journal's lock
    try:
        before: os.stat_result | None = os.stat(target)
    except OSError:
        before = None
    with TinyDB(target, storage=MonthStorage) as month_db:
        table = month_db.table(TABLE, cache_size=0)
        archived = {str(doc.doc_id): doc for doc in table.all()}
        moving = _under_their_numbers(moving, archived)
        for key, doc in moving.items():
            if key in archived and not same_record(archived[key], doc):
                raise JournalCorruptError(
                    target, f"Record #{key} cannot move to the archive file {target}: that file already holds "
                            "a different record with the same id. Both were kept where they are.")
        try:
            make_private_folder(target.parent)
            for key in moving.keys() & archived.keys():
                table.update(replaced_by(moving[key]), doc_ids=[int(key)])
            new = [Document(doc, int(key)) for key, doc in moving.items() if key not in archived]
            if new:
                table.insert_multiple(new)
        except OSError as exc:
            raise JournalAccessError(target, f"Cannot write the archive file {target}: {reason(exc)}.") from None
        remember_write(journal_path, month, before, target, [*archived, *moving])  # its numbers: checked here
        return len(table)  # reads it back before anything leaves the journal


def _under_their_numbers(moving: dict[str, dict[str, Any]], archived: dict[str, Any]) -> dict[str, dict[str, Any]]:
    """A record the month holds under another number (another device's, before
    a merge renumbered it here) joins that one, merged (sync/merge.py), not a second copy."""
    where = {uid_of(key, doc): key for key, doc in archived.items()}
    placed = {}
    for key, doc in moving.items():
        theirs = where.get(uid_of(key, doc), key)
        placed[theirs] = doc if theirs == key else merge_records(dict(archived[theirs]), doc, uid_of(key, doc))
    return placed


def replaced_by(doc: dict[str, Any]) -> Callable[[dict[str, Any]], None]:
    """For Table.update: the stored document becomes `doc` (no old field stays)."""
    def replace(stored: dict[str, Any]) -> None:
        stored.clear()
        stored.update(doc)
    return replace


def same_record(old: dict, new: dict) -> bool:
    """Whether `new` can be a later version of `old`: same type and the same
    moment of creation (a run's time may be changed, so any run is)."""
    kind = old.get("type")
    created = CREATED.get(kind, "type") if isinstance(kind, str) else "type"
    return kind == new.get("type") and old.get(created) == new.get(created)


def archived_session_days(tables: dict[str, dict[str, Any]] | None) -> dict[str, int]:
    """Per archive month, the days with a session as a bit mask (bit d: day d),
    so a streak can run back through the archive without reading it."""
    masks = meta(tables).get("session_days", {})
    if not isinstance(masks, dict):
        return {}
    return {month: mask for month, mask in masks.items()
            if is_month(month) and isinstance(mask, int) and not isinstance(mask, bool) and mask >= 0}


def find(journal_path: Path, key: str) -> tuple[str, dict[str, Any]] | None:
    """(month, doc) of an archived record, newest month first; None if not archived."""
    for month in archive_months(journal_path):
        doc = read_archive(journal_path, month).get(key)
        if doc is not None:
            return month, doc
    return None


def archived_counts(tables: dict[str, dict[str, Any]] | None) -> dict[str, int]:
    """Records per archive month, as the journal's meta table last saw them."""
    counts = meta(tables).get("archived", {})
    if not isinstance(counts, dict):
        return {}
    return {month: n for month, n in counts.items()
            if isinstance(n, int) and not isinstance(n, bool) and n >= 0}


def move_old_records(
    storage: SafeJSONStorage, before_month: str, time_field: dict[str, str], checks_out: Callable[[str, dict], bool],
    held: Callable[[dict[str, dict[str, Any]]], dict[str, str]] | None = None,
) -> int:
    """Move the journal's good records from months before `before_month` to their
    archive files; return how many moved. Records that do not check out stay;
    those `held` finds in a part of their month (another device's, by uid:
    rotation.held_in_archive) join that part, so that no record is kept twice.
    Call under ``storage.locked()``; JournalError if an archive file cannot be
    written (then nothing has left the journal)."""
    tables = storage.read() or {}
    records = tables.get(TABLE, {})
    by_month: dict[str, dict[str, dict[str, Any]]] = {}
    for key, doc in records.items():
        month = stored_month(doc, time_field)
        if month is not None and month < before_month and checks_out(key, doc):
            by_month.setdefault(month, {})[key] = doc
    if not by_month:
        return 0
    counts, days = archived_counts(tables), archived_session_days(tables)
    where = held({key: doc for docs in by_month.values() for key, doc in docs.items()}) if held else {}
    by_file: dict[str, dict[str, dict[str, Any]]] = {}
    for month, docs in by_month.items():
        for key, doc in docs.items():
            by_file.setdefault(where.get(key, month), {})[key] = doc
    for target, moving in sorted(by_file.items()):
        counts[target] = write_month(storage.path, target, moving)
        for doc in moving.values():
            if doc.get("type") == "session":
                days[target[:7]] = days.get(target[:7], 0) | 1 << int(doc[time_field["session"]][8:10])
    # The journal's side is one storage write of the records left and the meta
    # table, not Table.remove and a meta update: TinyDB's Table API saves one
    # table at a time, and a crash between the two saves would leave the
    # archive's counts wrong, or (removing first) the highest id unrecorded,
    # so that it could be given out again.
    moved = {key for moving in by_month.values() for key in moving}
    kept = {key: doc for key, doc in records.items() if key not in moved}
    kept_tables = with_last_id({**tables, TABLE: kept}, TABLE, last_id(tables, TABLE))
    # what a journal opened by this version moves has uids (sync/migrate.py gave them to older ones)
    storage.write(with_meta(kept_tables, archived=dict(sorted(counts.items())),
                            session_days=dict(sorted(days.items())), **{MIGRATED: 1}))
    return len(moved)


def damaged_month_line(month: str, problem: str) -> str:
    """One line for an archive month left out of what is shown (see Journal.damaged_months)."""
    return (f"Archive month {month} is damaged and left out; everything else is shown. {problem} "
            "To repair it: `recovery-tui doctor` (a copy of that month is in a backup made "
            "before it was archived, if one is still kept).")

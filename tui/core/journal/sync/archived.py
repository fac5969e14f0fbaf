"""Merging records another device sent into the archive files that hold them.

A record lives in one file: the journal, or one archive file of its month
(the month's own file or one of its parts, rotation.py), and which part
can differ between devices: each rotates its own journal. So a record of a
conflict copy (of the journal, a month or a part) is looked for by uid in
every file of its month and merged where it is; only records no file holds
join the journal (merge.py), from where rotation moves them on by its own
rules, so that no part ever grows past its size."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from tui.core.common.atomic import write_atomically
from tui.core.journal import archive
from tui.core.journal.records import TABLE, TIME_FIELD
from tui.core.journal.store.errors import JournalCorruptError
from tui.core.journal.store.json_tables import encode_tables, read_tables
from tui.core.journal.sync.identity import uid_of
from tui.core.journal.sync.merge import merge_records

Docs = dict[str, dict[str, Any]]


def merge_into_archive(journal: Path, docs: Docs) -> tuple[set[str], set[str], int]:
    """Merge each of `docs` that an archive file of its month holds (by uid)
    into that file; (the keys of `docs` it took, the archive keys of the
    files it changed, how many records changed). Call under the journal's
    lock; OSError if a file cannot be written (those written so far hold
    their merged records: merging the copy again changes nothing more)."""
    by_month: dict[str, Docs] = {}
    for key, doc in docs.items():
        month = archive.stored_month(doc, TIME_FIELD) if isinstance(doc, dict) else None
        if month is not None:
            by_month.setdefault(month, {})[key] = doc
    taken: set[str] = set()
    changed: set[str] = set()
    count = 0
    for month, group in sorted(by_month.items()):
        files = _month_files(journal, month)
        where = {uid_of(key, doc): (file, key) for file, held in files.items() for key, doc in held.items()}
        changes: dict[str, Docs] = {}
        for key, doc in group.items():
            uid = uid_of(key, doc)
            if uid not in where:
                continue
            file, held_key = where[uid]
            held = changes.get(file, {}).get(held_key, files[file][held_key])
            merged = merge_records(held, doc, uid)
            if merged != held:
                changes.setdefault(file, {})[held_key] = merged
                count += 1
            taken.add(key)
        for file, merged_docs in sorted(changes.items()):
            path = archive.archive_path(journal, file)
            tables = read_tables(path, "archive file") or {}
            write_atomically(path, encode_tables({**tables, TABLE: {**tables.get(TABLE, {}), **merged_docs}}))
            changed.add(file)
    return taken, changed, count


def _month_files(journal: Path, month: str) -> dict[str, Docs]:
    """The records of every readable archive file of `month`, by archive key
    (a damaged one holds nothing that can be merged into: doctor names it)."""
    files = {}
    for key in archive.archive_months(journal, earliest=month):
        if key[:7] != month:
            continue
        try:
            files[key] = archive.read_archive(journal, key)
        except JournalCorruptError:
            continue
    return files

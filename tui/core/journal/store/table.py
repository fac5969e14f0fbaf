"""The journal's TinyDB table: shared safely with other processes, ids never reused.

Nothing here touches a file: the table reads and writes through its storage.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from typing import Any

from tinydb import Storage
from tinydb.table import Table

from tui.core.journal.store.id_floor import highest_id_beside
from tui.core.journal.store.meta import last_id, meta, with_last_id


class JournalTable(Table):
    """A TinyDB table safe to share with other processes, whose ids are never reused.

    Stock tables remember the next document id and query results; once another
    process has written, inserts then fail with "Document with ID n already
    exists" and searches return stale lists. This table caches neither, and
    gives each new document its id itself (as a TinyDB ``Document``, the
    public way to insert with a chosen id), under the storage's lock: one past
    the highest id the table has ever given out, counting the ids of records
    moved to the archive, into backups or aside (see store/id_floor.py).
    """

    def __init__(self, storage: Storage, name: str, cache_size: int = 0, **kwargs: Any) -> None:
        super().__init__(storage, name, cache_size=0, **kwargs)  # any cache goes stale

    def insert(self, document: Mapping) -> int:
        if isinstance(document, self.document_class) or not isinstance(document, Mapping):
            return super().insert(document)  # a chosen id, or TinyDB's own error
        with self.storage.locked():  # type: ignore[attr-defined]  # a SafeJSONStorage (JournalDB)
            (doc_id,) = self._new_ids(1)
            return super().insert(self.document_class(document, doc_id))

    def insert_multiple(self, documents: Iterable[Mapping]) -> list[int]:
        documents = list(documents)
        with self.storage.locked():  # type: ignore[attr-defined]  # a SafeJSONStorage (JournalDB)
            chosen = [d.doc_id for d in documents if isinstance(d, self.document_class)]
            fresh = iter(self._new_ids(len(documents) - len(chosen), above=max(chosen, default=0)))
            return super().insert_multiple([
                d if isinstance(d, self.document_class) or not isinstance(d, Mapping)
                else self.document_class(d, next(fresh)) for d in documents
            ])

    def _new_ids(self, count: int, above: int = 0) -> range:
        """`count` ids never given out before (call under the storage's lock).
        A journal that does not yet record its last id (new, restored from an
        old copy, or started afresh) looks at the files kept beside it first,
        and records what it found."""
        tables = self.storage.read() or {}
        floor = max(above, last_id(tables, self.name))
        given = meta(tables).get("last_id")
        if not (isinstance(given, dict) and self.name in given):
            beside = highest_id_beside(self.storage.path, self.name)  # type: ignore[attr-defined]
            if beside > floor:
                self.storage.write(with_last_id(tables, self.name, beside))
                floor = beside
        return range(floor + 1, floor + 1 + count)

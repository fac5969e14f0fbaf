"""Every record, newest first, read one file at a time (`history` at 100 years).

Journal.records() holds every record of the journal before it gives the
first; this gives the same records in the same order, with the same skipped
ones in `problems` in the same order, while holding only what one file
(a month, or a part of a crowded month) and its overlap with the next hold.

Files are read newest first: the journal file, then the archive's months
and parts (archive.archive_months). Each has a newest time it may hold a
record at: for a part, the one the meta table keeps (window.bounds_of); for
a month's own file, or a part it says nothing of, the end of its month and
two days more (a record's month is that of its stored local time, in any
zone). A record read is given out once no file still to read may hold a
newer one. Records are checked as they are given out, as RecordVetter.vet
checks them in time order, so that `problems` reads as records()'s does.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Iterator
from datetime import UTC, datetime, timedelta
from heapq import merge
from typing import Any, NamedTuple

from tui.core.journal import rotation
from tui.core.journal.records import TIME_FIELD
from tui.core.journal.vetting import RecordVetter, by_time
from tui.core.journal.window import FAR, NONE, bounds_of

MARGIN = timedelta(days=2)  # a stored local time's month, in UTC, and a run re-timed within its day
Timed = tuple[datetime, int, dict]


class File(NamedTuple):
    """One file to read: the newest time its records may have, and its docs."""

    newest: datetime
    docs: Callable[[], Iterable[tuple[str, dict]]]
    remember: bool  # RecordVetter: keep its checks (the journal file's only)


def month_end(key: str) -> datetime:
    """The newest time a record of archive month (or part) `key` may have."""
    year, month = int(key[:4]), int(key[5:7])
    try:
        return datetime(year + month // 12, month % 12 + 1, 1, tzinfo=UTC) + MARGIN
    except (ValueError, OverflowError):  # past the year 9999, or before the year 1
        return FAR


def newest_times(tables: dict[str, dict[str, Any]]) -> Callable[[str], datetime]:
    """For the journal's tables: the newest time archive file `key` may hold a record at."""
    held, newest = rotation.part_kinds(tables), rotation.part_newest(tables)

    def newest_of(key: str) -> datetime:
        bounds = [bound for bound in bounds_of(key, held, newest, TIME_FIELD).values() if bound is not None]
        return max(bounds) if bounds else month_end(key)
    return newest_of


class RecordStream:
    """Iterate to get the good records newest first; `problems` is complete
    once the iteration has ended."""

    def __init__(self, files: list[File], vetter: RecordVetter) -> None:
        self.files = files
        self.vetter = vetter
        self.problems: list[str] = []

    def __iter__(self) -> Iterator[dict]:
        later = [NONE] * (len(self.files) + 1)  # later[i]: the newest time files i, i+1, ... may hold
        for i in range(len(self.files) - 1, -1, -1):
            later[i] = max(later[i + 1], self.files[i].newest)
        untimed: list[str] = []
        timed: list[str] = []
        pending: list[tuple[Timed, bool]] = []  # read, not given out yet: newest first
        try:
            for i, file in enumerate(self.files):
                ordered, damaged = by_time(file.docs())
                for key, doc in damaged:  # vet names these before any record with a time
                    self.vetter.check(int(key), doc, untimed, file.remember)
                pending = list(merge(pending, ((entry, file.remember) for entry in ordered),
                                     key=lambda item: item[0][:2], reverse=True))
                ready = next((n for n, (entry, _) in enumerate(pending) if entry[0] <= later[i + 1]), len(pending))
                out, pending = pending[:ready], pending[ready:]
                yield from self._checked(out, timed)
        finally:
            self.problems = untimed + timed

    def _checked(self, entries: list[tuple[Timed, bool]], problems: list[str]) -> Iterator[dict]:
        for (_, doc_id, doc), remember in entries:
            if self.vetter.check(doc_id, doc, problems, remember):
                yield {**doc, "id": doc_id}

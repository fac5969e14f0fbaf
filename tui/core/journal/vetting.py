"""Which stored docs are good records, newest first.

A journal of years is read often (home, History, `log`); a doc that checked
out once and has not changed is not checked again.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime
from pathlib import Path

from tui.core.common.when import parse_stored
from tui.core.journal.records import TIME_FIELD, FieldError, check_record


class RecordVetter:
    """Checks the docs of one journal (and its archive), remembering the good ones."""

    def __init__(self, path: Path) -> None:
        self.path = path  # named in problems
        self._valid: dict[int, dict] = {}  # doc id -> the doc as it checked out

    def vet(self, docs: Iterable[tuple[str, dict]], since: datetime | None = None,
            limit: int | None = None, remember: bool = True,
            each: int | None = None) -> tuple[list[tuple[datetime, dict]], list[str]]:
        """(time, record) of the good records, newest first, and what was skipped.

        Records are sorted on their time alone, then checked newest first: with
        `limit`, only as many as needed; with `each`, as many of each type;
        with `since`, none from before it.
        `remember=False` checks without keeping the docs (an archive month read
        once for a page or an export: keeping every month would hold the whole
        archive in memory).
        """
        timed, damaged = by_time(docs, since)
        good: list[tuple[datetime, dict]] = []
        problems: list[str] = []
        for key, doc in damaged:
            self.check(int(key), doc, problems, remember)
        counts: dict[str, int] = {}
        for moment, doc_id, doc in timed:
            if limit is not None and len(good) >= limit:
                break
            if each is not None and counts.get(doc["type"], 0) >= each:
                continue  # enough of its type (an unknown type is checked, and named)
            if self.check(doc_id, doc, problems, remember):
                good.append((moment, {**doc, "id": doc_id}))
                counts[doc["type"]] = counts.get(doc["type"], 0) + 1
        return good, problems

    def check(self, doc_id: int, doc: dict, problems: list[str], remember: bool = True) -> bool:
        """Whether the doc is a good record; if not, why is added to `problems`."""
        known = self._valid.get(doc_id)
        if known is not None and known == doc:
            return True
        try:
            check_record({**doc, "id": doc_id})
        except FieldError as error:
            problems.append(
                f"Record #{doc_id} in {self.path} was skipped: field '{error.field}' {error.reason}."
            )
            return False
        if remember:
            self._valid[doc_id] = dict(doc)  # a copy: TinyDB may edit the doc in place
        return True


def by_time(docs: Iterable[tuple[str, dict]],
            since: datetime | None = None) -> tuple[list[tuple[datetime, int, dict]], list[tuple[str, dict]]]:
    """(moment, id, doc) of the docs from `since` on, newest first (by time, then
    id; docs of the same time and id in the order given), and the docs whose
    time cannot be read at all, which the caller checks to name them."""
    timed, damaged = [], []
    for key, doc in docs:
        try:
            moment = parse_stored(doc[TIME_FIELD[doc["type"]]])
        except (KeyError, TypeError, ValueError):
            damaged.append((key, doc))  # check_record says how
            continue
        if since is None or moment >= since:
            timed.append((moment, int(key), doc))
    timed.sort(key=lambda entry: entry[:2], reverse=True)
    return timed, damaged

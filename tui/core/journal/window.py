"""Reading a window of time, newest first, opening no more files than it needs.

A rule over the last days wants some types of record (the pain check its
ratings, linking its sessions) and, in a crowded month, no more than the
newest WINDOW_LIMIT of each: a script that logs 100,000 ratings in a month
must not make every `log` read them all (see docs/data.md). The journal's
meta table says which types each part of a month holds, and the newest time
of each (rotation.part_kinds): a file is opened only while it may hold a record of
a wanted type that would be among the newest; the others are never parsed,
and what is not read is not vetted.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from datetime import UTC, datetime
from typing import Any, NamedTuple

from tui.core.common.when import parse_stored
from tui.core.journal import archive
from tui.core.journal.records import TIME_FIELD
from tui.core.journal.vetting import RecordVetter

WINDOW_LIMIT = 1_000  # records of one type a rule over a window of time looks at, the newest
FAR = datetime.max.replace(tzinfo=UTC)  # a file whose records' times are not known may hold any
NONE = datetime.min.replace(tzinfo=UTC)  # a file holds no record of the type
Docs = Iterable[tuple[str, dict]]
Bound = datetime | None  # the newest time a file may hold a type at; None: not known


class Source(NamedTuple):
    """A file to read: the newest time it may hold each wanted type at, and its docs."""

    bounds: Mapping[str, Bound]
    docs: Callable[[], Docs]


def bounds_of(key: str, held: Mapping[str, dict[str, str]], newest: Mapping[str, str],
              kinds: Collection[str]) -> dict[str, Bound]:
    """What the meta table says archive file `key` may hold of each of `kinds`
    (`held`: rotation.part_kinds, `newest`: rotation.part_newest): a part's
    newest time per type, else its newest time; None for a month's own file
    and for a part it says nothing of (another device's, or one changed)."""
    if not archive.part_number(key):
        return dict.fromkeys(kinds)
    try:
        if key in held:
            return {kind: parse_stored(held[key][kind]) if kind in held[key] else NONE for kind in kinds}
        return dict.fromkeys(kinds, parse_stored(newest[key]) if key in newest else None)
    except ValueError:
        return dict.fromkeys(kinds)


def newest_first(sources: list[Source], vetter: RecordVetter, since: datetime | None, kinds: Collection[str],
                 each: int | None) -> tuple[list[tuple[datetime, dict]], list[str]]:
    """(time, record) of the good records of `kinds` from `since` on, newest first,
    at most `each` of each type, and what was skipped. Files are read newest
    first; one is opened only if, for a type, it may hold a record from `since`
    on that is newer than the `each`-th one found so far. A doc of a type no
    record has is checked wherever a file is read (so that it is named)."""
    found: dict[str, list[tuple[datetime, dict]]] = {kind: [] for kind in kinds}  # newest first
    problems: list[str] = []
    for source in sorted(sources, key=lambda s: max((b or FAR for b in s.bounds.values()), default=FAR),
                         reverse=True):
        wanted = {kind for kind in kinds if _open(source.bounds.get(kind), found[kind], since, each)}
        if not wanted:
            continue
        docs = ((key, doc) for key, doc in source.docs() if _kind(doc) in wanted or _kind(doc) not in TIME_FIELD)
        more, skipped = vetter.vet(docs, since, each=each)
        problems += skipped
        for kind in {record["type"] for _, record in more}:
            found[kind] = _newest([*found[kind], *((t, r) for t, r in more if r["type"] == kind)], each)
    return _newest([pair for pairs in found.values() for pair in pairs], None), problems


def _kind(doc: Any) -> Any:
    return doc.get("type") if isinstance(doc, dict) else None


def _open(bound: Bound, found: list[tuple[datetime, dict]], since: datetime | None, each: int | None) -> bool:
    """Whether a file whose newest record of a type is at `bound` may add one
    of the newest `each` of it (`found`: those found so far, newest first)."""
    if bound is not None and (bound == NONE or (since is not None and bound < since)):
        return False
    return each is None or bound is None or len(found) < each or bound >= found[each - 1][0]


def _newest(good: list[tuple[datetime, dict]], each: int | None) -> list[tuple[datetime, dict]]:
    """Newest first (by time, then id), the first `each` (all if None)."""
    good.sort(key=lambda pair: (pair[0], pair[1]["id"]), reverse=True)
    return good if each is None else good[:each]

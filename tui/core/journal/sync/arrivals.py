"""Archive files that arrive whole from another device, and their numbers.

A part or month file another device wrote (rotation.py, archive.py) can
arrive as it is, not as a conflict copy. Its records carry that device's
numbers, and this device may have given the same number to a record of its
own in the meantime: reads would hide one of the two behind the other, and
once both sit in archive files, show both as the same #5. So on open, under
the lock, each archive file that is new or changed since this device last
looked is checked: a record whose number a different record (another uid)
holds here gets the next free number, in the file that arrived.

Why the file that arrived: the record this device already holds is one its
runner has seen under that number here (in a list, in `log --session 5`);
the arriving one has never been shown here. A rating in that file keeps
its link to a session renumbered with it.

What this device has looked at is kept outside the synced folder (the
state folder, like the device's name; checked.py): per archive file, its
inode, size, times and lowest and highest number, also after this device
writes the file itself (archive.write_month). Another device's record of what it
checked says nothing about what arrived here, and the journal file stays
small. An open reads only the new or changed files and those whose numbers
overlap theirs: a 100-year archive is listed and stat'ed, not read.
"""

from __future__ import annotations

import os
from pathlib import Path
from typing import Any

from tui.core.common.atomic import write_atomically
from tui.core.journal import archive, rotation
from tui.core.journal.records import TABLE
from tui.core.journal.storage import SafeJSONStorage
from tui.core.journal.store.errors import JournalAccessError, JournalError, reason
from tui.core.journal.store.json_tables import encode_tables, read_tables
from tui.core.journal.store.links import require_real_folder
from tui.core.journal.store.meta import last_id, with_last_id
from tui.core.journal.sync.checked import Seen, fingerprint, load, save
from tui.core.journal.sync.identity import uid_of

RENUMBERED_NOTICE = "Renumbered "  # how the one line about renumbered records begins
Docs = dict[str, dict[str, Any]]


def arrivals_due(journal: Path) -> bool:
    """Whether an archive file is new or changed since this device last looked
    (a listing and a stat of each file: cheap enough for every open)."""
    seen, stats = load(journal), _stats(journal)
    return seen.keys() != stats.keys() or any(seen[key][:4] != stat for key, stat in stats.items())


def renumber_arrivals(storage: SafeJSONStorage) -> None:
    """Check the archive files new or changed since the last open (see the
    module's docstring). Call under the journal's lock."""
    journal = storage.path
    seen = load(journal)
    stats = _stats(journal)
    fresh = sorted(key for key, stat in stats.items() if seen.get(key, [])[:4] != stat)
    if not fresh:
        if seen.keys() != stats.keys():
            save(journal, {key: seen[key] for key in stats})
        return
    tables = storage.read() or {}
    changed = {key for key in fresh if key in seen}  # not a file first seen here (a new state folder)
    if changed & (rotation.part_newest(tables).keys() | rotation.part_kinds(tables).keys()):
        tables = rotation.forgotten(tables, changed)  # what it holds now is not what this device wrote
        storage.write(tables)
    active = tables.get(TABLE, {})
    docs = {key: _read(journal, key) for key in fresh}
    spans = [_span(found) for found in docs.values() if found]
    others = {key: _read(journal, key) for key, kept in seen.items()
              if key in stats and key not in docs and any(_overlaps(kept[4:], span) for span in spans)}
    held_uids = {uid_of(key, doc) for key, doc in active.items()}
    taken = {key: (uid_of(key, doc), doc.get("type")) for key, doc in active.items()}
    for found in others.values():
        taken |= {key: (uid_of(key, doc), doc.get("type")) for key, doc in found.items()}
    floor = max([last_id(tables, TABLE), *(kept[5] for kept in seen.values() if len(kept) == 6),
                 *(int(key) for found in docs.values() for key in found)])
    moves: list[tuple[str, str]] = []
    sessions: dict[str, str] = {}  # old number -> new, of renumbered sessions
    for file in fresh:
        numbers: dict[str, str] = {}
        for key, doc in sorted(docs[file].items(), key=lambda item: int(item[0])):
            uid = uid_of(key, doc)
            if uid in held_uids:
                continue  # the journal's copy is the one shown (archive.py)
            if key in taken and taken[key][0] != uid:
                floor += 1
                numbers[key] = str(floor)
                if doc.get("type") == "session":
                    sessions[key] = str(floor)
            taken[numbers.get(key, key)] = (uid, doc.get("type"))
        if numbers:
            docs[file] = {numbers.get(key, key): doc for key, doc in docs[file].items()}
            moves += sorted(numbers.items(), key=lambda move: int(move[0]))
    if not moves:
        _remember(journal, seen, docs, others)
        return
    links = {old: new for old, new in sessions.items() if taken.get(old, ("", None))[1] != "session"}
    # the numbers given are recorded as given first: a crash before the files are written gives none twice
    tables = storage.read() or {}
    relinked = {key: _relinked(doc, links) for key, doc in tables.get(TABLE, {}).items()}
    storage.write(with_last_id({**tables, TABLE: relinked}, TABLE, max(floor, last_id(tables, TABLE))))
    for file in fresh:
        if docs[file]:
            docs[file] = {key: _relinked(doc, links) for key, doc in docs[file].items()}
            _write(journal, file, docs[file])
    lowest = min((int(old) for old in links), default=None)
    for file, known in seen.items():  # a rating comes after its session: only files of later numbers
        if lowest is not None and file in stats and file not in docs and len(known) == 6 and known[5] > lowest:
            found = _read(journal, file)
            if found:
                others[file] = {key: _relinked(doc, links) for key, doc in found.items()}
                _write(journal, file, others[file])
    shown = ", ".join(f"#{old} is now #{new}" for old, new in moves[:3]) + (", …" if len(moves) > 3 else "")
    storage.notices.append(f"{RENUMBERED_NOTICE}{len(moves)} record(s) from another device ({shown}): "
                           "this device had given those numbers to other records.")
    _remember(journal, seen, docs, others)


def _remember(journal: Path, seen: Seen, docs: dict[str, Docs], others: dict[str, Docs]) -> None:
    """What this device has now looked at: each file as it is now, with its numbers' span."""
    stats = _stats(journal)
    save(journal, {key: [*stats[key], *_span(docs[key] if key in docs else others.get(key, {}),
                                              seen.get(key, [])[4:])]
                    for key in stats if key in docs or key in seen})


def _relinked(doc: dict[str, Any], links: dict[str, str]) -> dict[str, Any]:
    """A rating's link to a session that was renumbered (where the number it
    named is no session here now: it named the session in the other device's numbers)."""
    session = doc.get("session")
    if doc.get("type") == "soreness" and type(session) is int and str(session) in links:
        return {**doc, "session": int(links[str(session)])}
    return doc


def _write(journal: Path, file: str, docs: Docs) -> None:
    path = archive.archive_path(journal, file)
    tables = read_tables(path, "archive file") or {}
    if tables.get(TABLE, {}) != docs:
        write_atomically(path, encode_tables({**tables, TABLE: docs}))


def _read(journal: Path, key: str) -> Docs:
    try:
        return archive.read_archive(journal, key)
    except JournalError:
        return {}  # damaged or gone: nothing in it is shown (doctor names it)


def _span(docs: Docs, before: list[int] | None = None) -> list[int]:
    """[lowest, highest] number of `docs` ([] if none)."""
    keys = [int(key) for key in docs]
    return [min(keys), max(keys)] if keys else list(before or [])


def _overlaps(kept: list[int], span: list[int]) -> bool:
    return len(kept) == 2 and kept[0] <= span[1] and span[0] <= kept[1]


def _stats(journal: Path) -> dict[str, list[int]]:
    """[inode, size, mtime_ns, ctime_ns] of each archive file, from one scan
    of the folder (a 100-year archive has some 1,200 files)."""
    folder = archive.archive_folder(journal)
    prefix, suffix = f"{journal.stem}-", journal.suffix
    found = {}
    try:
        require_real_folder(folder)
        with os.scandir(folder) as entries:
            for entry in entries:
                key = entry.name[len(prefix):len(entry.name) - len(suffix)]
                if entry.name.startswith(prefix) and entry.name.endswith(suffix) and archive.is_archive_key(key):
                    st = entry.stat(follow_symlinks=False)
                    found[key] = fingerprint(st)
    except FileNotFoundError:
        return {}
    except OSError as exc:
        raise JournalAccessError(journal, f"Cannot list the archive in {folder}: {reason(exc)}.") from None
    return found

"""The journal: the repository of sessions, soreness ratings and runs.

No Textual and no rich here: `recovery-tui log/history/export` ride on this.
What a record is lives in records.py, how records link in linking.py, and
the file itself in storage.py. Records that do not check out (hand-edited,
older bugs) are skipped, and `problems` says why.
"""

from __future__ import annotations

import threading
from collections.abc import Callable, Collection, Iterable, Iterator, Mapping
from contextlib import AbstractContextManager, nullcontext
from datetime import UTC, date, datetime, timedelta
from functools import partial
from itertools import chain
from pathlib import Path
from types import EllipsisType
from typing import Any, cast

from tinydb.table import Table

from tui.core.common.when import in_zone_of, local_now
from tui.core.journal import archive, rotation
from tui.core.journal.housekeeping import DailyBackups, archive_old_months
from tui.core.journal.linking import CURRENT_RUN, LINK_WINDOW, linked_session, nearest_run
from tui.core.journal.records import (
    TABLE,
    TIME_FIELD,
    FieldError,
    check_ids,
    check_moment,
    check_record,
    check_run,
    check_run_kind,
    new_rating,
    new_run,
    new_session,
    record_time,
    reopened,
    skipped,
    ticked,
)
from tui.core.journal.run_details import only_details
from tui.core.journal.stats import SessionDays
from tui.core.journal.storage import JournalDB, SafeJSONStorage
from tui.core.journal.store.errors import JournalCorruptError
from tui.core.journal.store.table import JournalTable
from tui.core.journal.stream import File, RecordStream, newest_times
from tui.core.journal.sync.arrivals import RENUMBERED_NOTICE
from tui.core.journal.sync.identity import UID, new_uid, stamped, uid_of
from tui.core.journal.sync.missing import await_journal
from tui.core.journal.sync.opening import MERGED_NOTICE, settle
from tui.core.journal.vetting import RecordVetter
from tui.core.journal.window import FAR, Source, bounds_of, newest_first

# -- the journal ------------------------------------------------------------------


class Journal:
    """Records in one TinyDB file. The file is opened on first use."""

    def __init__(self, path: Path, now: Callable[[], datetime] = local_now) -> None:
        self.path = Path(path)
        self.now = now
        self.problems: list[str] = []
        self.damaged_months: dict[str, str] = {}  # archive month -> what is wrong with its file, as last read
        self._db: JournalDB | None = None  # opened on first use
        self._open_lock = threading.Lock()
        self._vetter = RecordVetter(self.path)
        self._backups = DailyBackups(self.path)
        self._news_taken = 0
        self._active_uids: tuple[Mapping[str, dict] | None, set[str]] = (None, set())

    def _open(self) -> JournalDB:
        with self._open_lock:
            if self._db is None:
                await_journal(self.path)  # a briefly missing journal is not a new one
                db = self._db = JournalDB(self.path, create_dirs=True)
                settle(cast(SafeJSONStorage, db.storage))  # uids, and the copies a sync engine left (sync/)
            return self._db

    def _table(self) -> Table:
        return self._open().table(TABLE)

    def _storage(self) -> SafeJSONStorage:
        return cast(SafeJSONStorage, self._open().storage)  # JournalDB's default storage

    def _absent(self) -> bool:
        """Whether there is no journal to read (and none was ever here: see sync/missing.py)."""
        if self._db is not None or self.path.exists():
            return False
        await_journal(self.path)
        return not self.path.exists()

    def other_table(self, name: str) -> JournalTable:
        """Another table of the journal's file (the experiments): the same
        file, lock, atomic saves and never-reused ids as the records."""
        return JournalTable(self._table().storage, name)

    @property
    def notices(self) -> list[str]:
        """What storage did on its own (tightened modes, removed temp files)."""
        return list(self._storage().notices) if self._db is not None else []

    def sync_news(self) -> list[str]:
        """What merging a sync engine's conflict copies, and renumbering what
        arrived whole, did: not yet taken (each line once)."""
        merged = [notice for notice in self.notices if notice.startswith((MERGED_NOTICE, RENUMBERED_NOTICE))]
        news, self._news_taken = merged[self._news_taken:], len(merged)
        return news

    def locked(self) -> AbstractContextManager[object]:
        """Hold the journal's lock: reads inside parse the file once."""
        return self._storage().locked()

    def close(self) -> None:
        self._news_taken = 0  # the next open's notices start afresh
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- reading

    def _tables(self) -> dict[str, dict[str, Any]]:
        if self._absent():
            return {}  # nothing to read; do not create folder or lock file
        return self._storage().read() or {}

    def _active_docs(self) -> dict[str, dict]:
        return self._tables().get(TABLE, {})

    def _archived_docs(self, months: Iterable[str], active: Mapping[str, dict]) -> Iterator[tuple[str, dict]]:
        """Archived docs of `months`; the journal's own copy wins (see archive.py),
        also when a merge gave it another number (the same uid). A damaged month
        is left out and named in `damaged_months`: it hides nothing else."""
        uids = self._uids(active)
        for month in months:
            try:
                docs = archive.read_archive(self.path, month)
            except JournalCorruptError as error:
                self.damaged_months[month] = str(error)
                continue
            self.damaged_months.pop(month, None)
            for key, doc in docs.items():
                if key not in active and uid_of(key, doc) not in uids:
                    yield key, doc

    def _uids(self, active: Mapping[str, dict]) -> set[str]:
        held, uids = self._active_uids
        if held is not active:
            uids = {uid_of(key, doc) for key, doc in active.items()}
            self._active_uids = (active, uids)
        return uids

    def _read(self, docs: Iterable[tuple[str, dict]], since: datetime | None = None,
              remember: bool = True) -> list[dict]:
        good, self.problems = self._vetter.vet(docs, since, remember=remember)
        return [record for _, record in good]

    def records(self, since: datetime | None = None, kinds: Collection[str] | None = None,
                each: int | None = None) -> list[dict]:
        """Every good record, newest first; `problems` lists the skipped ones.
        With `since`, only records from then on are checked and returned, and
        only the archive months that may hold them are read; with `kinds`, only
        records of those types; with `each`, only the newest `each` of each
        type. Of a crowded month's parts, only those that may hold what is
        asked for are read (window.py)."""
        with self.reading():
            tables = self._tables()
            active = tables.get(TABLE, {})
            months = archive.months_since(self.path, since)
            if since is None and kinds is None and each is None:
                return self._read(chain(active.items(), self._archived_docs(months, active)))
            wanted = tuple(TIME_FIELD if kinds is None else kinds)
            held, newest = rotation.part_kinds(tables), rotation.part_newest(tables)
            sources = [Source(dict.fromkeys(wanted), active.items)] + [
                Source(bounds_of(month, held, newest, wanted), partial(self._archived_docs, [month], active))
                for month in months]
            good, self.problems = newest_first(sources, self._vetter, since, wanted, each)
            return [record for _, record in good]

    def recent(self) -> list[dict]:
        """The records in the journal file itself (this month and last), newest first."""
        with self.reading():
            return self._read(self._active_docs().items())

    def count(self) -> int:
        """How many good records there are, archived ones included, without
        reading the archive: its months' counts are kept in the journal file."""
        with self.reading():
            active = self._active_docs()
            counted = archive.archived_counts(self._db.storage.read() if self._db is not None else None)
            return len(self._read(active.items())) + sum(counted.values())

    def session_days(self, now: datetime) -> SessionDays:
        """Days with a session: from the journal file's records (in `now`'s zone)
        and the archive's day masks (in each session's own stored zone)."""
        with self.reading():
            active = self._active_docs()
            sessions = [r for r in self._read(active.items()) if r["type"] == "session"]
            masks = archive.archived_session_days(self._db.storage.read() if self._db is not None else None)
        return SessionDays({in_zone_of(record_time(r), now).date() for r in sessions}, masks)

    def archive_months(self) -> list[str]:
        """Months moved to archive files ("2024-11"), newest first."""
        return archive.archive_months(self.path)

    def archived(self, month: str) -> list[dict]:
        """The good records of one archive month (not also in the journal), newest
        first. Their checks are not remembered: a month is read once per page or
        export, and remembering every month would hold the whole archive in memory."""
        with self.reading():
            return self._read(self._archived_docs([month], self._active_docs()), remember=False)

    def streamed(self) -> Iterator[dict]:
        """Every good record, newest first, exactly as `records()` gives them
        (and `problems` as it leaves them, once the last is taken), holding
        no more than a file of the archive at a time (stream.py). The lock is
        held while a file is read, not while the caller uses its records:
        `history | less` does not stop the app's saves. A record that moves
        to the archive meanwhile is the journal file's, read first, and is
        not read again."""
        with self.reading():
            tables = self._tables()
            active = tables.get(TABLE, {})
            keys = archive.archive_months(self.path)
        newest = newest_times(tables)
        files = [File(FAR, active.items, remember=True), *(
            File(newest(key), partial(self._archive_file, key, active), remember=False) for key in keys)]
        records = RecordStream(files, self._vetter)
        try:
            yield from records
        finally:
            self.problems = records.problems

    def _archive_file(self, key: str, active: Mapping[str, dict]) -> list[tuple[str, dict]]:
        with self.reading():
            return list(self._archived_docs([key], active))

    def month_records(self, month: str) -> list[dict]:
        """The good records of one archive month, newest first, with those the
        journal file holds as well (unlike `archived`): what a summary of the
        month's file is made from."""
        with self.reading():
            return self._read(archive.read_archive(self.path, month).items())

    def recent_ids(self) -> set[int]:
        """The ids of every record in the journal file, good or not: the
        archive's copies of these are not read (see archive.py)."""
        with self.reading():
            return {int(key) for key in self._active_docs()}

    def latest(self, n: int) -> list[dict]:
        """The newest n records, checking and reading no more than needed: the
        archive is not even listed when the journal file holds n (at 100 years,
        listing and sorting its 1,200 file names took longer than the rest)."""
        with self.reading():
            active = self._active_docs()
            good, problems = self._vetter.vet(active.items(), limit=n)
            for month in archive.archive_months(self.path) if len(good) < n else ():
                if len(good) >= n:
                    break
                older, more = self._vetter.vet(self._archived_docs([month], active), limit=n - len(good))
                good, problems = good + older, problems + more
            good.sort(key=lambda pair: (pair[0], pair[1]["id"]), reverse=True)
            self.problems = problems
            return [record for _, record in good[:n]]

    def reading(self) -> AbstractContextManager[object]:
        """Hold the lock for a group of reads: journal and archive are read
        together (a move to the archive cannot happen half-way) and the
        journal file is parsed once. Creates nothing if there is no journal."""
        if self._absent():
            return nullcontext()
        return self.locked()

    # -- writing

    def _insert(self, record: dict) -> dict:
        table = self._table()
        with self._storage().locked():
            return self._insert_locked(table, record)

    def _insert_locked(self, table: Table, record: dict) -> dict:
        self._backups.make(self.now().date(), self._storage().notices)
        record = {**record, UID: new_uid()}
        doc_id = table.insert(record)
        self.archive_old_months()  # after the insert, so a back-dated record moves at once
        return {**record, "id": doc_id}

    def archive_old_months(self) -> int:
        """Move records from before last month to the archive; how many moved
        (see housekeeping.py). Each save does this after its insert."""
        return archive_old_months(self._storage(), self.now())

    def add_session(
        self,
        routine_id: str,
        routine_name: str,
        started: datetime,
        ended: datetime,
        completed: bool,
        exercises_done: int,
        exercises_skipped: int,
        exercises_total: int,
        seconds: float,
    ) -> dict:
        return self._insert(new_session(
            routine_id, routine_name, started, ended, completed,
            exercises_done, exercises_skipped, exercises_total, seconds,
        ))

    def add_soreness(
        self,
        overall: int,
        areas: Mapping[str, int] | None = None,
        pain: Iterable[str] = (),
        note: str = "",
        when: datetime | None = None,
        session_id: int | None = None,
        sessions: list[dict] | None = None,
    ) -> dict:
        """Save a rating. Without `session_id` it is linked to the latest session
        that ended within 72 h before `when` (default: now), if any: of
        `sessions` if given (read by the caller, under the journal's lock, from
        at least 72 h before `when`), else of the journal's."""
        when = self.now() if when is None else when
        record = new_rating(overall, areas, pain, note, when, session_id)
        table = self._table()
        with self._storage().locked():
            if sessions is None or session_id is not None:
                since = when - LINK_WINDOW if session_id is None else None
                sessions = self.records(since, kinds=("session",))
            if session_id is None:
                linked = linked_session(sessions, when)
                record["session"] = linked["id"] if linked else None
            elif not any(s["id"] == session_id for s in sessions):
                raise FieldError("session_id", f"{session_id} is not a session in {self.path}")
            return self._insert_locked(table, record)

    # -- runs (the after-run plan's state)

    def add_run(self, ended: datetime, run_kind: str | None = None, details: Mapping | None = None) -> dict:
        """A new run record; its plan day is the day the run ended (in `ended`'s
        zone). `details`: those of a run from a watch file (run_details.py)."""
        return self._insert(new_run(ended, run_kind, details))

    def runs_on(self, day: date) -> list[dict]:
        """The runs whose plan day is `day`, newest first."""
        since = datetime.combine(day - timedelta(days=2), datetime.min.time(), UTC)  # any zone
        return [r for r in self.records(since, kinds=("run",)) if r["plan_date"] == day.isoformat()]

    def run_for_day(self, day: date) -> dict | None:
        """The latest run whose plan day is `day`."""
        return next(iter(self.runs_on(day)), None)

    def current_run(self, now: datetime) -> dict | None:
        """The run to go on with at `now`: the latest that ended in the 12 hours
        before (last night's, just after midnight), else the latest of `now`'s day."""
        recent = [r for r in self.records(now - CURRENT_RUN, kinds=("run",)) if record_time(r) <= now]
        return recent[0] if recent else self.run_for_day(now.date())

    def run(self, run_id: int) -> dict:
        """One run record, from the journal file or its archive month
        (FieldError if there is no such run or it does not check out)."""
        with self.locked():
            _, doc = self._run_doc(run_id)
            record = {**doc, "id": run_id}
            try:
                check_record(record)
            except FieldError as error:
                raise FieldError(error.field, f"{error.reason} (run #{run_id} in {self.path})") from None
            return record

    def start_run(self, ended: datetime, run_kind: str | None = None) -> tuple[dict, bool]:
        """The current run at `ended` (see current_run), created if there is none: (record, created)."""
        check_moment(ended, "ended")
        with self._storage().locked():
            existing = self.current_run(ended)
            return (existing, False) if existing else (self.add_run(ended, run_kind), True)

    def near_run(self, ended: datetime) -> dict | None:
        """The run of `ended`'s day that ended within two hours of it, the nearest if several."""
        return nearest_run(self.runs_on(ended.date()), ended)

    def place_run(self, ended: datetime, run_kind: str | None = None) -> tuple[dict, bool]:
        """A run said to have ended at `ended`: (record, created).

        A run of that day that ended within two hours of it is the same run
        and is corrected (its end, and its kind if one is given); otherwise
        it is another run of the day and gets its own record.
        """
        ended = check_moment(ended, "ended")
        with self._storage().locked():
            run = self.near_run(ended)
            if run is None:
                return self.add_run(ended, run_kind), True
            kind = ... if run_kind is None else run_kind
            return self.update_run(run["id"], ended=ended, run_kind=kind), False

    def update_run(self, run_id: int, *, practices: Iterable[str] | None = None,
                   skipped: Iterable[str] | None = None, ended: datetime | None = None,
                   run_kind: str | EllipsisType | None = ..., details: Mapping | None = None) -> dict:
        """Replace the given fields of a run (`...` leaves run_kind as it is);
        `details` are those of a run from a watch file (run_details.py)."""
        changes: dict[str, Any] = dict(only_details(details or {}))
        if practices is not None:
            changes["practices"] = check_ids(practices, "practices")
        if skipped is not None:
            changes["skipped"] = check_ids(skipped, "skipped")
        if ended is not None:
            ended = check_moment(ended, "ended")
            changes.update(time=ended.isoformat(), plan_date=ended.date().isoformat())
        if run_kind is not ...:
            changes["run_kind"] = check_run_kind(run_kind)
        return self._change_run(run_id, lambda record: changes)

    def record_practices(self, run_id: int, ids: Iterable[str]) -> dict:
        """Tick practices done (and no longer skipped)."""
        return self._change_run(run_id, lambda run: ticked(run, ids))

    def skip_steps(self, run_id: int, ids: Iterable[str], undone: Iterable[str] | None = None) -> dict:
        """Mark plan steps skipped and no longer done (see records.skipped)."""
        return self._change_run(run_id, lambda run: skipped(run, ids, undone))

    def reopen_steps(self, run_id: int, ids: Iterable[str]) -> dict:
        """Undo: the steps are neither done nor skipped any more."""
        return self._change_run(run_id, lambda run: reopened(run, ids))

    def _run_doc(self, run_id: int) -> tuple[str | None, Mapping[str, Any]]:
        """(archive month or None, stored doc) of a run; FieldError if there is none."""
        table = self._table()
        valid_id = isinstance(run_id, int) and not isinstance(run_id, bool)
        doc: Mapping[str, Any] | None = table.get(doc_id=run_id) if valid_id else None
        month = None
        if doc is None and valid_id:
            month, doc = archive.find(self.path, str(run_id)) or (None, None)
        if doc is None or doc.get("type") != "run":
            raise FieldError("run_id", f"{run_id!r} is not a run in {self.path}")
        return month, doc

    def _change_run(self, run_id: int, change: Callable[[dict], dict]) -> dict:
        """Change a run where it is kept: the journal file or its archive month."""
        table = self._table()
        with self._storage().locked():
            month, doc = self._run_doc(run_id)
            record = stamped(doc, {**doc, **change(dict(doc))}, self.now())
            check_run(record)
            if month is None:
                table.update(record, doc_ids=[run_id])
            else:
                archive.write_month(self.path, month, {str(run_id): record})
                rotation.forget_newest(self._storage(), month)  # its time may be later now
            return {**record, "id": run_id}

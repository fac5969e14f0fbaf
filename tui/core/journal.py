"""The journal's records: sessions, soreness ratings and runs on top of storage.py.

No Textual and no rich here: `recovery-tui log/history/export` ride on this.
A record is the stored dict plus its TinyDB doc id as "id". Records that do
not check out (hand-edited, older bugs) are skipped, and `problems` says why.
"""

from __future__ import annotations

import _thread  # what threading.Lock/RLock/get_ident are, without importing threading (`log` starts faster)
from itertools import chain
from collections.abc import Callable, Iterable, Iterator, Mapping
from contextlib import nullcontext
from datetime import date, datetime, timedelta, timezone
from pathlib import Path
from types import EllipsisType
from typing import Any

from tui.core.ids import AREAS, ID_PATTERN, RUN_KINDS
from tui.core.when import local_now, parse_stored

SCHEMA_VERSION = 1
TABLE = "records"
LINK_WINDOW = timedelta(hours=72)
CURRENT_RUN = timedelta(hours=12)  # `plan` and `did` go back to a run this recent
SAME_RUN = timedelta(hours=2)  # a run said to end this close to one of the same day is that run
TIME_FIELD = {"session": "ended", "soreness": "time", "run": "time"}  # the moment a record sorts by
PUBLIC_KEYS = (
    "id", "type", "time", "routine", "completed", "exercises_done", "exercises_total",
    "seconds", "soreness", "areas", "pain", "note", "session", "practices", "run_kind",
)
CSV_COLUMNS = (*PUBLIC_KEYS[:9], *AREAS, "pain", "note", "session", "practices", "run_kind")


class FieldError(ValueError):
    """A bad value for one field; str() reads "<field> <reason>"."""

    def __init__(self, field: str, reason: str) -> None:
        self.field = field
        self.reason = reason
        super().__init__(f"{field} {reason}")


# -- checks shared by new input, stored records and the command line ---------


def check_rating(value: Any, field: str = "overall") -> int:
    if isinstance(value, bool) or not isinstance(value, int) or not 0 <= value <= 10:
        raise FieldError(field, f"must be a whole number from 0 to 10, got {value!r}")
    return value


def area_name(name: Any, field: str = "area") -> str:
    """A known area, case-insensitively, in its canonical spelling."""
    canonical = name.strip().lower() if isinstance(name, str) else name
    if canonical not in AREAS:
        raise FieldError(field, f"names an unknown area {name!r} (known: {', '.join(AREAS)})")
    return canonical


def check_areas(areas: Any) -> dict[str, int]:
    """Area ratings in AREAS order."""
    if not isinstance(areas, Mapping):
        raise FieldError("areas", f"must map areas to ratings, got {areas!r}")
    rated = {area_name(name, "areas"): value for name, value in areas.items()}
    if len(rated) != len(areas):
        raise FieldError("areas", "rates the same area twice")
    for name, value in rated.items():
        check_rating(value, f"areas.{name}")
    return {area: rated[area] for area in AREAS if area in rated}


def check_pain(pain: Any) -> list[str]:
    """Pain-flagged areas, without repeats, in AREAS order."""
    if isinstance(pain, str) or not isinstance(pain, Iterable):
        raise FieldError("pain", f"must be a list of areas, got {pain!r}")
    flagged = {area_name(name, "pain") for name in pain}
    return [area for area in AREAS if area in flagged]


def check_note(note: Any) -> str:
    if not isinstance(note, str):
        raise FieldError("note", f"must be text, got {note!r}")
    return note.strip()


def check_moment(moment: Any, field: str) -> datetime:
    if not isinstance(moment, datetime) or moment.tzinfo is None:
        raise FieldError(field, f"must be a datetime with a UTC offset, got {moment!r}")
    return moment


# -- reading stored records ----------------------------------------------------


def _count(doc: dict, field: str) -> int:
    value = doc.get(field)
    if isinstance(value, bool) or not isinstance(value, int) or value < 0:
        raise FieldError(field, f"must be a whole number of 0 or more, got {value!r}")
    return value


def _time(doc: dict, field: str) -> datetime:
    try:
        return parse_stored(doc.get(field))
    except ValueError as error:
        raise FieldError(field, str(error)) from None


def _check_session(doc: dict) -> None:
    for field in ("routine_id", "routine_name"):
        if not isinstance(doc.get(field), str):
            raise FieldError(field, f"must be text, got {doc.get(field)!r}")
    if _time(doc, "ended") < _time(doc, "started"):
        raise FieldError("ended", "is before 'started'")
    if not isinstance(doc.get("completed"), bool):
        raise FieldError("completed", f"must be true or false, got {doc.get('completed')!r}")
    for field in ("exercises_done", "exercises_skipped", "exercises_total"):
        _count(doc, field)
    seconds = doc.get("seconds")
    if isinstance(seconds, bool) or not isinstance(seconds, (int, float)) or not seconds >= 0:
        raise FieldError("seconds", f"must be a number of 0 or more, got {seconds!r}")


def _check_soreness(doc: dict) -> None:
    _time(doc, "time")
    check_rating(doc.get("overall"))
    check_areas(doc.get("areas"))
    check_pain(doc.get("pain"))
    check_note(doc.get("note"))
    session = doc.get("session")
    if session is not None and (isinstance(session, bool) or not isinstance(session, int)):
        raise FieldError("session", f"must be a record id or null, got {session!r}")


def check_ids(ids: Any, field: str) -> list[str]:
    """Practice ids (plan step ids, routine ids), without repeats, in order."""
    if isinstance(ids, str) or not isinstance(ids, Iterable):
        raise FieldError(field, f"must be a list of ids, got {ids!r}")
    ids = list(ids)
    for entry in ids:
        if not isinstance(entry, str) or not ID_PATTERN.match(entry):
            raise FieldError(field, f"holds {entry!r}, which is not an id")
    return list(dict.fromkeys(ids))


def check_run_kind(kind: Any) -> str | None:
    if kind is not None and kind not in RUN_KINDS:
        raise FieldError("run_kind", f"must be one of {', '.join(RUN_KINDS)} or null, got {kind!r}")
    return kind


def _check_run(doc: dict) -> None:
    _time(doc, "time")
    check_run_kind(doc.get("run_kind"))
    check_ids(doc.get("practices"), "practices")
    check_ids(doc.get("skipped"), "skipped")
    try:
        date.fromisoformat(doc.get("plan_date"))
    except (TypeError, ValueError):
        raise FieldError("plan_date", f"must be a date like 2024-11-22, got {doc.get('plan_date')!r}") from None


CHECKS: dict[str, Callable[[dict], None]] = {
    "session": _check_session, "soreness": _check_soreness, "run": _check_run,
}


def check_record(record: dict) -> datetime:
    """The time a stored record sorts by; FieldError if it does not check out."""
    version = record.get("v")
    if isinstance(version, bool) or not isinstance(version, int):
        raise FieldError("v", f"must be a schema version number, got {version!r}")
    if version > SCHEMA_VERSION:
        raise FieldError("v", f"is {version}, newer than this version of recovery-tui reads")
    kind = record.get("type")
    if kind not in CHECKS:
        raise FieldError("type", f"is {kind!r}, not one of: {', '.join(CHECKS)}")
    CHECKS[kind](record)
    return record_time(record)


def record_time(record: dict) -> datetime:
    """When a record happened: a session's end, a rating's time, a run's end."""
    return parse_stored(record[TIME_FIELD[record["type"]]])


class SessionDays:
    """The days with a session, without building ten years of dates: recent
    days as a set, archived months as bit masks (bit d: day d)."""

    def __init__(self, recent: set[date], masks: dict[str, int]) -> None:
        self.recent = recent
        self.masks = {(int(month[:4]), int(month[5:])): mask for month, mask in masks.items()}

    def __contains__(self, day: object) -> bool:
        if not isinstance(day, date):
            return False
        return day in self.recent or bool(self.masks.get((day.year, day.month), 0) >> day.day & 1)

    def run_back_from(self, day: date) -> int:
        """How many days in a row, `day` and back, had a session; an archived
        month with a session every day counts in one step."""
        count = 0
        while True:
            if day in self.recent:
                count, day = count + 1, day - timedelta(days=1)
                continue
            mask = self.masks.get((day.year, day.month), 0)
            if not mask >> day.day & 1:
                return count
            whole = (1 << (day.day + 1)) - 2  # days 1 to day.day
            if mask & whole == whole:
                count, day = count + day.day, day.replace(day=1) - timedelta(days=1)
            else:
                count, day = count + 1, day - timedelta(days=1)


def _archive():
    """core/archive.py, imported on first use: it brings TinyDB, which the
    app's first frame does not need."""
    from tui.core import archive

    return archive


# -- the journal ------------------------------------------------------------------


class Journal:
    """Records in one TinyDB file. The file is opened on first use."""

    def __init__(self, path: Path, now: Callable[[], datetime] = local_now) -> None:
        self.path = Path(path)
        self.now = now
        self.problems: list[str] = []
        self._db = None
        self._open_lock = _thread.allocate_lock()
        self._valid: dict[int, dict] = {}  # doc id -> the doc as it checked out
        self._backed_up: date | None = None  # the day this object last made sure of a backup

    def _table(self):
        with self._open_lock:
            if self._db is None:
                from tui.core.storage import JournalDB

                self._db = JournalDB(self.path, create_dirs=True)
        return self._db.table(TABLE)

    @property
    def notices(self) -> list[str]:
        """What storage did on its own (tightened modes, removed temp files)."""
        return list(self._db.storage.notices) if self._db is not None else []

    def locked(self):
        """Hold the journal's lock: reads inside parse the file once."""
        self._table()
        return self._db.storage.locked()

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None

    def __enter__(self) -> Journal:
        return self

    def __exit__(self, *exc_info: object) -> None:
        self.close()

    # -- reading

    def _active_docs(self) -> dict[str, dict]:
        if self._db is None and not self.path.exists():
            return {}  # nothing to read; do not create folder or lock file
        self._table()
        return (self._db.storage.read() or {}).get(TABLE, {})

    def _archived_docs(self, months: Iterable[str], active: Mapping[str, dict]) -> Iterator[tuple[str, dict]]:
        """Archived docs of `months`; the journal's own copy wins (see archive.py)."""
        for month in months:
            for key, doc in _archive().read_archive(self.path, month).items():
                if key not in active:
                    yield key, doc

    def _checked(self, docs: Iterable[tuple[str, dict]], since: datetime | None = None,
                 limit: int | None = None, remember: bool = True) -> tuple[list[tuple[datetime, dict]], list[str]]:
        """(time, record) of the good records, newest first, and what was skipped.

        Records are sorted on their time alone, then checked newest first: with
        `limit`, only as many as needed; with `since`, none from before it.
        """
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
        good, problems = [], []
        for key, doc in damaged:
            self._check(int(key), doc, problems, remember)
        for moment, doc_id, doc in timed:
            if limit is not None and len(good) >= limit:
                break
            if self._check(doc_id, doc, problems, remember):
                good.append((moment, {**doc, "id": doc_id}))
        return good, problems

    def _check(self, doc_id: int, doc: dict, problems: list[str], remember: bool = True) -> bool:
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

    def _read(self, docs: Iterable[tuple[str, dict]], since: datetime | None = None,
              remember: bool = True) -> list[dict]:
        good, self.problems = self._checked(docs, since, remember=remember)
        return [record for _, record in good]

    def records(self, since: datetime | None = None) -> list[dict]:
        """Every good record, newest first; `problems` lists the skipped ones.
        With `since`, only records from then on are checked and returned, and
        only the archive months that may hold them are read."""
        with self.reading():
            active = self._active_docs()
            months = _archive().months_since(self.path, since)
            return self._read(chain(active.items(), self._archived_docs(months, active)), since)

    def recent(self) -> list[dict]:
        """The records in the journal file itself (this month and last), newest first."""
        with self.reading():
            return self._read(self._active_docs().items())

    def count(self) -> int:
        """How many good records there are, archived ones included, without
        reading the archive: its months' counts are kept in the journal file."""
        with self.reading():
            active = self._active_docs()
            counted = _archive().archived_counts(self._db.storage.read() if self._db is not None else None)
            return len(self._read(active.items())) + sum(counted.values())

    def session_days(self, now: datetime) -> SessionDays:
        """Days with a session: from the journal file's records (in `now`'s zone)
        and the archive's day masks (in each session's own stored zone)."""
        with self.reading():
            active = self._active_docs()
            sessions = [r for r in self._read(active.items()) if r["type"] == "session"]
            masks = _archive().archived_session_days(self._db.storage.read() if self._db is not None else None)
        return SessionDays({record_time(r).astimezone(now.tzinfo).date() for r in sessions}, masks)

    def archive_months(self) -> list[str]:
        """Months moved to archive files ("2024-11"), newest first."""
        return _archive().archive_months(self.path)

    def archived(self, month: str) -> list[dict]:
        """The good records of one archive month (not also in the journal), newest
        first. Their checks are not remembered: a month is read once per page or
        export, and remembering every month would hold the whole archive in memory."""
        with self.reading():
            return self._read(self._archived_docs([month], self._active_docs()), remember=False)

    def month_records(self, month: str) -> list[dict]:
        """The good records of one archive month, newest first, with those the
        journal file holds as well (unlike `archived`): what a summary of the
        month's file is made from."""
        with self.reading():
            return self._read(_archive().read_archive(self.path, month).items())

    def recent_ids(self) -> set[int]:
        """The ids of every record in the journal file, good or not: the
        archive's copies of these are not read (see archive.py)."""
        with self.reading():
            return {int(key) for key in self._active_docs()}

    def latest(self, n: int) -> list[dict]:
        """The newest n records, checking and reading no more than needed."""
        with self.reading():
            active = self._active_docs()
            good, problems = self._checked(active.items(), limit=n)
            for month in _archive().archive_months(self.path):
                if len(good) >= n:
                    break
                older, more = self._checked(self._archived_docs([month], active), limit=n - len(good))
                good, problems = good + older, problems + more
            good.sort(key=lambda pair: (pair[0], pair[1]["id"]), reverse=True)
            self.problems = problems
            return [record for _, record in good[:n]]

    def reading(self):
        """Hold the lock for a group of reads: journal and archive are read
        together (a move to the archive cannot happen half-way) and the
        journal file is parsed once. Creates nothing if there is no journal."""
        if self._db is None and not self.path.exists():
            return nullcontext()
        return self.locked()

    def get(self, record_id: int) -> dict | None:
        return next((r for r in self.records() if r["id"] == record_id), None)

    # -- writing

    def _insert(self, record: dict) -> dict:
        table = self._table()
        with self._db.storage.locked():
            return self._insert_locked(table, record)

    def _insert_locked(self, table, record: dict) -> dict:
        self._daily_backup()
        doc_id = table.insert(record)
        self.archive_old_months()  # after the insert, so a back-dated record moves at once
        return {**record, "id": doc_id}

    def archive_old_months(self) -> int:
        """Move records from before last month to the archive (see archive.py);
        return how many moved. Each save does this first. It is housekeeping
        only: if it fails, the save goes on, and `notices` says why."""
        from tui.core.storage import JournalError

        def checks_out(key: str, doc: dict) -> bool:
            try:
                check_record({**doc, "id": int(key)})
            except FieldError:
                return False
            return True

        self._table()
        try:
            with self._db.storage.locked():
                before = _archive().month_before(_archive().month_of(self.now()))
                return _archive().move_old_records(self._db.storage, before, TIME_FIELD, checks_out)
        except JournalError as error:
            self._db.storage.notices.append(
                f"{error} Older records stay in the journal for now; nothing was lost."
            )
            return 0

    def _daily_backup(self) -> None:
        """The day's first write backs up the journal as it stood (the last 7 days
        are kept). A failed backup never stops the save; it becomes a notice."""
        from tui.core.backups import make_daily_backup
        from tui.core.storage import JournalError

        today = self.now().date()
        if self._backed_up == today:
            return  # saves after the first of the day need not read the backup again
        try:
            made = make_daily_backup(self.path, today)
        except JournalError as error:
            self._db.storage.notices.append(str(error))
        else:
            if made is not None or self.path.exists():  # None and no journal: nothing to back up yet
                self._backed_up = today

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
        record = {
            "v": SCHEMA_VERSION,
            "type": "session",
            "routine_id": routine_id,
            "routine_name": routine_name,
            "started": check_moment(started, "started").isoformat(),
            "ended": check_moment(ended, "ended").isoformat(),
            "completed": completed,
            "exercises_done": exercises_done,
            "exercises_skipped": exercises_skipped,
            "exercises_total": exercises_total,
            "seconds": seconds,
        }
        _check_session(record)
        return self._insert(record)

    def add_soreness(
        self,
        overall: int,
        areas: Mapping[str, int] | None = None,
        pain: Iterable[str] = (),
        note: str = "",
        when: datetime | None = None,
        session_id: int | None = None,
    ) -> dict:
        """Save a rating. Without `session_id` it is linked to the latest session
        that ended within 72 h before `when` (default: now), if any."""
        if session_id is not None and (isinstance(session_id, bool) or not isinstance(session_id, int)):
            raise FieldError("session_id", f"must be a record id, got {session_id!r}")
        when = check_moment(self.now() if when is None else when, "when")
        record = {
            "v": SCHEMA_VERSION,
            "type": "soreness",
            "time": when.isoformat(),
            "overall": check_rating(overall),
            "areas": check_areas({} if areas is None else areas),
            "pain": check_pain(pain),
            "note": check_note(note),
            "session": session_id,
        }
        table = self._table()
        with self._db.storage.locked():
            since = when - LINK_WINDOW if session_id is None else None
            sessions = [r for r in self.records(since) if r["type"] == "session"]
            if session_id is None:
                linked = linked_session(sessions, when)
                record["session"] = linked["id"] if linked else None
            elif not any(s["id"] == session_id for s in sessions):
                raise FieldError("session_id", f"{session_id} is not a session in {self.path}")
            return self._insert_locked(table, record)

    # -- runs (the after-run plan's state)

    def add_run(self, ended: datetime, run_kind: str | None = None) -> dict:
        """A new run record; its plan day is the day the run ended (in `ended`'s zone)."""
        ended = check_moment(ended, "ended")
        record = {
            "v": SCHEMA_VERSION, "type": "run", "time": ended.isoformat(),
            "run_kind": check_run_kind(run_kind), "practices": [], "skipped": [],
            "plan_date": ended.date().isoformat(),
        }
        return self._insert(record)

    def runs_on(self, day: date) -> list[dict]:
        """The runs whose plan day is `day`, newest first."""
        since = datetime.combine(day - timedelta(days=2), datetime.min.time(), timezone.utc)  # any zone
        return [r for r in self.records(since) if r["type"] == "run" and r["plan_date"] == day.isoformat()]

    def run_for_day(self, day: date) -> dict | None:
        """The latest run whose plan day is `day`."""
        return next(iter(self.runs_on(day)), None)

    def current_run(self, now: datetime) -> dict | None:
        """The run to go on with at `now`: the latest that ended in the 12 hours
        before (last night's, just after midnight), else the latest of `now`'s day."""
        recent = [r for r in self.records(now - CURRENT_RUN) if r["type"] == "run" and record_time(r) <= now]
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
        self._table()
        with self._db.storage.locked():
            existing = self.current_run(ended)
            return (existing, False) if existing else (self.add_run(ended, run_kind), True)

    def near_run(self, ended: datetime) -> dict | None:
        """The run of `ended`'s day that ended within two hours of it, the nearest if several."""
        gaps = [(abs(record_time(r) - ended), r) for r in self.runs_on(ended.date())]
        near = [(gap, r) for gap, r in gaps if gap <= SAME_RUN]
        return min(near, key=lambda pair: pair[0])[1] if near else None

    def place_run(self, ended: datetime, run_kind: str | None = None) -> tuple[dict, bool]:
        """A run said to have ended at `ended`: (record, created).

        A run of that day that ended within two hours of it is the same run
        and is corrected (its end, and its kind if one is given); otherwise
        it is another run of the day and gets its own record.
        """
        ended = check_moment(ended, "ended")
        self._table()
        with self._db.storage.locked():
            run = self.near_run(ended)
            if run is None:
                return self.add_run(ended, run_kind), True
            kind = ... if run_kind is None else run_kind
            return self.update_run(run["id"], ended=ended, run_kind=kind), False

    def update_run(self, run_id: int, *, practices: Iterable[str] | None = None,
                   skipped: Iterable[str] | None = None, ended: datetime | None = None,
                   run_kind: str | None | EllipsisType = ...) -> dict:
        """Replace the given fields of a run (`...` leaves run_kind as it is)."""
        changes: dict[str, Any] = {}
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
        ids = check_ids(ids, "practices")
        return self._change_run(run_id, lambda r: {
            "practices": list(dict.fromkeys([*r["practices"], *ids])),
            "skipped": [i for i in r["skipped"] if i not in ids]})

    def skip_steps(self, run_id: int, ids: Iterable[str]) -> dict:
        """Mark plan steps skipped (and no longer done)."""
        ids = check_ids(ids, "skipped")
        return self._change_run(run_id, lambda r: {
            "skipped": list(dict.fromkeys([*r["skipped"], *ids])),
            "practices": [i for i in r["practices"] if i not in ids]})

    def reopen_steps(self, run_id: int, ids: Iterable[str]) -> dict:
        """Undo: the steps are neither done nor skipped any more."""
        ids = check_ids(ids, "practices")
        return self._change_run(run_id, lambda r: {
            "practices": [i for i in r["practices"] if i not in ids],
            "skipped": [i for i in r["skipped"] if i not in ids]})

    def _run_doc(self, run_id: int) -> tuple[str | None, dict]:
        """(archive month or None, stored doc) of a run; FieldError if there is none."""
        table = self._table()
        valid_id = isinstance(run_id, int) and not isinstance(run_id, bool)
        doc = table.get(doc_id=run_id) if valid_id else None
        month = None
        if doc is None and valid_id:
            month, doc = _archive().find(self.path, str(run_id)) or (None, None)
        if doc is None or doc.get("type") != "run":
            raise FieldError("run_id", f"{run_id!r} is not a run in {self.path}")
        return month, doc

    def _change_run(self, run_id: int, change: Callable[[dict], dict]) -> dict:
        """Change a run where it is kept: the journal file or its archive month."""
        table = self._table()
        with self._db.storage.locked():
            month, doc = self._run_doc(run_id)
            record = {**doc, **change(dict(doc))}
            _check_run(record)
            if month is None:
                table.update(record, doc_ids=[run_id])
            else:
                _archive().write_month(self.path, month, {str(run_id): record})
            return {**record, "id": run_id}


def linked_session(sessions: Iterable[dict], when: datetime) -> dict | None:
    """The latest session that ended within 72 h before `when`."""
    candidates = [
        (ended, s["id"], s)
        for s in sessions
        if s["type"] == "session" and when - LINK_WINDOW <= (ended := record_time(s)) <= when
    ]
    return max(candidates, key=lambda c: c[:2])[2] if candidates else None


# -- public shape (tui/core/export.py writes it out) --------------------------------------------------------


def to_public(record: dict) -> dict:
    """The history/export JSON shape: PUBLIC_KEYS, null where a field does not apply."""
    public = dict.fromkeys(PUBLIC_KEYS)
    public.update(id=record["id"], type=record["type"], time=record[TIME_FIELD[record["type"]]])
    if record["type"] == "session":
        public.update(
            routine=record["routine_id"],
            completed=record["completed"],
            exercises_done=record["exercises_done"],
            exercises_total=record["exercises_total"],
            seconds=record["seconds"],
        )
    elif record["type"] == "soreness":
        public.update(
            soreness=record["overall"],
            areas=dict(record["areas"]),
            pain=list(record["pain"]),
            note=record["note"],
            session=record["session"],
        )
    elif record["type"] == "run":
        public.update(practices=list(record["practices"]), run_kind=record["run_kind"])
    return public

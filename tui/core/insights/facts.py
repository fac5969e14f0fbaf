"""What insights need from the journal, and a summary of it beside each archive month.

Insights use a few fields of three kinds of record: runs (end, kind, what was
done, plan day), finished sessions (day, routine) and soreness ratings (time,
overall, four areas). Times are kept as POSIX seconds, so that pairing runs
with ratings compares numbers.

Reading ten years of archive files and checking every record costs more than
the whole comparison, so each archive month gets a summary of those facts,
"<archive file>.insights", written the first time insights read the month.
It carries the size, modification and change times and inode of the month's
file: when the file changes (a record in it edited, more records moved in),
the summary no longer matches and is made again from the file. A summary that cannot be read is
made again; one that cannot be written is simply not kept.
"""

from __future__ import annotations

import contextlib
import json
import math
import os
from collections.abc import Iterable, Sequence
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field
from itertools import repeat
from operator import itemgetter
from pathlib import Path

from tui.core.common.atomic import write_atomically
from tui.core.common.ids import AREAS
from tui.core.journal.archive import archive_folder, archive_name
from tui.core.journal.journal import Journal
from tui.core.journal.records import record_time
from tui.core.journal.store.errors import JournalCorruptError

# A routine that ended up to this long before its run's recorded end still follows the
# run: a watch a few minutes off the laptop, an end typed to the minute.
SESSION_LEEWAY = 10 * 60
SUMMARY_VERSION = 7  # 2: rows oldest first; 3: the stamp has the change time and inode; 4: whole seconds as ints
# 5: a rating's areas are every area, MAIN_AREAS first; 6: a run's UTC offset and load; 7: a run's routines
# only those finished after it (after_run)
MAIN_AREAS = ("calves", "quads", "hamstrings", "hips")  # always shown; the others once rated
INSIGHT_AREAS = (*MAIN_AREAS, *(area for area in AREAS if area not in MAIN_AREAS))


# Facts are plain rows, read by the named indexes below: a summary stores them
# as JSON lists, used as they are read back. Making each an object instead
# (a frozen dataclass) costs ~70 ms for the 54,000 facts of a 100-year journal.
#
# A run: id, ended (POSIX seconds), kind (or None), practices (as recorded,
# with the routines finished on its plan day), offset (seconds east of UTC of
# its stored time: its wall clock, for the night after it) and load (the
# watch's training load, a number, or None).
RUN_COLUMNS = ("id", "ended", "kind", "practices", "offset", "load")
RUN_ID, RUN_ENDED, RUN_KIND, RUN_PRACTICES, RUN_OFFSET, RUN_LOAD = range(len(RUN_COLUMNS))
# A rating: id, time (POSIX seconds), overall, areas (in INSIGHT_AREAS order,
# None where not rated).
RATING_COLUMNS = ("id", "time", "overall", "areas")
RATING_ID, RATING_TIME, RATING_OVERALL, RATING_AREAS = range(len(RATING_COLUMNS))
FACT_ID = 0  # RUN_ID and RATING_ID alike

RunFact = Sequence  # a tuple when made here, a list when read from a summary
RatingFact = Sequence


@dataclass
class Facts:
    """Runs and ratings as rows in RUN_COLUMNS and RATING_COLUMNS order
    (tuples, or the lists a summary stores them as)."""

    runs: list[RunFact] = field(default_factory=list)
    ratings: list[RatingFact] = field(default_factory=list)
    problems: list[str] = field(default_factory=list)  # records the journal skipped
    damaged_months: dict[str, str] = field(default_factory=dict)  # archive months left out, and why

    def extend(self, other: Facts, leave_out: AbstractSet[int] = frozenset()) -> None:
        """Add the facts of `other`, but none whose record id is in `leave_out`."""
        for mine, theirs in ((self.runs, other.runs), (self.ratings, other.ratings)):
            if leave_out.isdisjoint(map(itemgetter(FACT_ID), theirs)):
                mine += theirs  # the common case, checked without a Python loop
            else:
                mine += [row for row in theirs if row[FACT_ID] not in leave_out]
        self.problems += other.problems
        self.damaged_months.update(other.damaged_months)


def facts_of(records: Iterable[dict], problems: Iterable[str] = ()) -> Facts:
    """The facts of checked journal records (as Journal.records returns them).

    A run's plan day is a local date, and so is the day a session ended (as
    stored, in the zone of the moment): a routine finished that day joins the
    run's practices if it ended after the run (SESSION_LEEWAY allowed) and
    before the day's next run, so that morning yoga is not a practice of the
    evening's run. A month's records are read together, and a run and the
    sessions of its plan day are in the same month.
    """
    records = list(records)[::-1]  # oldest first (records come newest first), so insights sort little
    finished: dict[str, list[tuple[float, str]]] = {}  # plan day -> (when it ended, routine), oldest first
    ends: dict[str, list[float]] = {}  # plan day -> its runs' ends, oldest first
    for record in records:
        if record["type"] == "session" and record["completed"]:
            finished.setdefault(record["ended"][:10], []).append((_seconds(record), record["routine_id"]))
        elif record["type"] == "run":
            ends.setdefault(record["plan_date"], []).append(_seconds(record))
    facts = Facts(problems=list(problems))
    for record in records:
        kind = record["type"]
        if kind == "run":
            done = [*record["practices"], *after_run(record, finished, ends)]
            offset = int(record_time(record).utcoffset().total_seconds())  # type: ignore[union-attr]  # stored times are aware
            facts.runs.append((record["id"], _seconds(record), record["run_kind"], done, offset,
                               load_of(record)))
        elif kind == "soreness":
            areas = [record["areas"].get(area) for area in INSIGHT_AREAS]
            facts.ratings.append((record["id"], _seconds(record), record["overall"], areas))
    return facts


def after_run(run: dict, finished: dict[str, list[tuple[float, str]]], ends: dict[str, list[float]]) -> list[str]:
    """The routines of the run's plan day finished after it and before the next run of that day."""
    ended, day = _seconds(run), run["plan_date"]
    later = [end for end in sorted(ends.get(day, ())) if end > ended]
    until = later[0] - SESSION_LEEWAY if later else math.inf
    return [routine for when, routine in finished.get(day, ()) if ended - SESSION_LEEWAY <= when < until]


def load_of(record: dict) -> float | None:
    """A run's `load` (imported from a watch) if it is a finite number of at least 0, else None."""
    load = record.get("load")
    if isinstance(load, bool) or not isinstance(load, int | float) or not math.isfinite(load) or load < 0:
        return None
    return load


def _seconds(record: dict) -> int | float:
    """POSIX seconds of a record's time; whole seconds as an int, shorter to store and read."""
    seconds = record_time(record).timestamp()
    return int(seconds) if seconds.is_integer() else seconds


def summary_path(archive_file: str | os.PathLike) -> str:
    return os.fspath(archive_file) + ".insights"


def _stamp(path: str) -> list[int]:
    """What changes whenever a month's file is written again: a save replaces
    the file (a new inode and change time) and has its own modification time.
    lstat: a link in the archive is refused when the month is read, never summarised."""
    status = os.lstat(path)
    return [status.st_size, status.st_mtime_ns, status.st_ctime_ns, status.st_ino]


def _rows(rows: object, width: int) -> list:
    """Rows of a summary as stored: lists of `width` columns."""
    if not isinstance(rows, list) or not all(map(isinstance, rows, repeat(list))) \
            or any(length != width for length in set(map(len, rows))):
        raise ValueError("not a summary's rows")
    return rows


def _load_summary(path: str, stamp: list[int]) -> Facts | None:
    """The summary at `path` if it matches `stamp`; None if missing, stale or unreadable."""
    try:
        with open(os.open(path, os.O_RDONLY | os.O_NOFOLLOW | os.O_CLOEXEC), "rb") as file:
            data = json.loads(file.read())  # a link in its place is not followed, but made again
        if data.get("v") != SUMMARY_VERSION or data.get("stamp") != stamp:
            return None
        return Facts(_rows(data["runs"], len(RUN_COLUMNS)), _rows(data["ratings"], len(RATING_COLUMNS)),
                     [str(p) for p in data["problems"]])
    except (OSError, ValueError, TypeError, KeyError, AttributeError):
        return None  # made again from the month's file


def _save_summary(path: str, stamp: list[int], facts: Facts) -> None:
    data = {"v": SUMMARY_VERSION, "stamp": stamp, "runs": facts.runs, "ratings": facts.ratings,
            "problems": facts.problems}
    # A read-only folder or a full disk: insights still work, the next read makes it again.
    with contextlib.suppress(OSError):  # a cache: no fsync, as a summary a crash spoils is made again
        write_atomically(Path(path), json.dumps(data, separators=(",", ":")).encode(), durable=False)


def month_facts(journal: Journal, folder: str, month: str) -> Facts:
    """The facts of one archive month (its file in `folder`), from its summary
    or, if that does not match the month's file, from the file (and a new
    summary is kept). Paths are strings: this runs for every month."""
    archive_file = os.path.join(folder, archive_name(journal.path, month))
    path = summary_path(archive_file)
    try:
        stamp = _stamp(archive_file)
    except OSError:
        stamp = None  # reading the month itself says what is wrong with it
    facts = _load_summary(path, stamp) if stamp else None
    if facts is None:
        try:
            facts = facts_of(journal.month_records(month), journal.problems)
        except JournalCorruptError as error:  # left out and named: it hides nothing else
            return Facts(damaged_months={month: str(error)})
        if stamp:
            _save_summary(path, stamp, facts)
    return facts


def read_facts(journal: Journal) -> Facts:
    """Every fact in the journal and its archive, each archive month read once
    (as a summary when it has a matching one). A damaged month is left out
    and named in `damaged_months`; JournalError if the journal cannot be read."""
    with journal.reading():
        recent = facts_of(journal.recent(), journal.problems)
        in_journal = journal.recent_ids()  # the journal's copy of a record wins
        facts = Facts()
        folder = os.fspath(archive_folder(journal.path))
        for month in reversed(journal.archive_months()):  # oldest first, as in each month
            facts.extend(month_facts(journal, folder, month), in_journal)
        facts.extend(recent)
    return facts

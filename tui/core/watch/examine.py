"""One activity file, examined: what it says, whether it is new, the kind and
load it would get, and what it would do to the journal. Nothing is written
here (see recording.py); `import --dry-run` stops at this."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

from tui.core.common.when import in_zone_of
from tui.core.journal.journal import Journal
from tui.core.journal.linking import SAME_RUN
from tui.core.journal.records import record_time
from tui.core.watch.activity import NO_CLOCK, Activity, ActivityProblem
from tui.core.watch.kinds import Kind, Usual, classify
from tui.core.watch.load import training_load
from tui.core.watch.readers import read_activity
from tui.core.watch.sources import ActivityFile, SourceProblem, digest
from tui.core.watch.summary import summary_line

NEW, DUPLICATE, DAMAGED_STATUS = "new", "duplicate", "damaged"
WATCH_AHEAD = timedelta(minutes=10)  # a watch clock this far ahead of the computer's is taken as now


@dataclass
class Examined:
    name: str
    status: str
    reason: str | None = None
    activity: Activity | None = None
    sha256: str | None = None
    start: datetime | None = None  # in the run's local zone
    end: datetime | None = None
    kind: Kind | None = None
    load: float | None = None
    load_formula: str | None = None
    typed_run: dict | None = None  # the typed run this completes
    existing: dict | None = None  # the run already imported from this file (a duplicate)
    notes: list[str] = field(default_factory=list)

    def summary(self, now: datetime, units: str = "metric") -> str:
        if self.activity is None or self.end is None or self.kind is None:
            return f"{self.status}: {self.reason}"
        a = self.activity
        line = summary_line(self.end, now, a.moving_s, a.distance_m, a.speed, a.avg_hr, a.max_hr,
                            self.kind.kind, self.kind.reasons, units)
        extra = [f"{self.status}: {self.reason}"] if self.status != NEW else []
        return " · ".join([line, *self.notes, *extra])

    def as_json(self) -> dict:
        a = self.activity

        def iso(moment: datetime | None) -> str | None:
            return moment.isoformat() if moment else None

        return {
            "file": self.name, "status": self.status, "reason": self.reason,
            "sport": a.sport if a else None, "start": iso(self.start), "end": iso(self.end),
            "duration_s": a.elapsed_s if a else None, "moving_s": a.moving_s if a else None,
            "distance_m": a.distance_m if a else None, "avg_hr": a.avg_hr if a else None,
            "max_hr": a.max_hr if a else None, "load": self.load,
            "kind": self.kind.kind if self.kind else None,
            "kind_reasons": list(self.kind.reasons) if self.kind else [],
            "completes": self.typed_run["id"] if self.typed_run else None,
        }


def local_zone(activity: Activity, now: datetime) -> Callable[[datetime], datetime]:
    """The zone of the run's times: the watch's own offset where the file has
    one, else this computer's zone (as `plan --ended` reads a typed time)."""
    offset = activity.local_offset
    if offset is not None:
        return lambda moment: moment.astimezone(timezone(offset))
    return lambda moment: in_zone_of(moment, now)


def examine(file: ActivityFile, journal: Journal, usual: Usual, now: datetime,
            kind: str | None = None, units: str = "metric") -> Examined:
    try:
        data = file.data()
        activity = read_activity(file.name, data)
    except SourceProblem as problem:
        return Examined(file.name, DAMAGED_STATUS, str(problem))
    except ActivityProblem as problem:
        return Examined(file.name, problem.status, problem.reason)
    zone = local_zone(activity, now)
    start, end = zone(activity.start), zone(activity.end).replace(microsecond=0)
    notes = [f"truncated ({activity.truncated}): kept what decoded"] if activity.truncated else []
    if end > now:
        if end - now > WATCH_AHEAD:
            return Examined(file.name, NO_CLOCK, f"it ends at {end:%Y-%m-%d %H:%M}, after this computer's "
                                                 "clock: the watch's clock is wrong")
        notes.append(f"the watch's clock is {round((end - now).total_seconds() / 60)} min ahead: ended now")
        end = now
    examined = Examined(file.name, NEW, None, activity, digest(data), start, end, notes=notes)
    duplicate = find_duplicate(journal, examined)
    if duplicate is not None:
        examined.status, examined.reason = DUPLICATE, f"already in the journal as run #{duplicate['id']}"
        examined.existing = duplicate
    else:
        examined.typed_run = typed_run(journal, examined)
    examined.kind = _kind(activity, usual, kind, examined.typed_run, units)
    examined.load, examined.load_formula = training_load(activity, usual.speed)
    return examined


def _kind(activity: Activity, usual: Usual, asked: str | None, typed: dict | None, units: str) -> Kind:
    if asked:
        return Kind(asked, ["as you said (--kind)"])
    if typed and typed.get("run_kind"):
        return Kind(typed["run_kind"], [f"as you recorded it with run #{typed['id']}"])
    return classify(activity, usual, units)


def _runs_near(journal: Journal, moment: datetime) -> list[dict]:
    since = moment - timedelta(days=2)
    return journal.records(since, kinds=("run",))


def find_duplicate(journal: Journal, examined: Examined) -> dict | None:
    """A run already imported from this file (SHA-256) or from another file of
    the same run (the same start time)."""
    assert examined.start is not None
    for run in _runs_near(journal, examined.start):
        if run.get("sha256") == examined.sha256:
            return run
        if run.get("started") and datetime.fromisoformat(run["started"]) == examined.start:
            return run
    return None


def typed_run(journal: Journal, examined: Examined) -> dict | None:
    """The run typed for this one (with `r` or `plan --ended`), which the file
    completes: a run of the same plan day with no file, whose typed end is at
    most two hours before the file's end (a plan opened later, even hours
    after the run, is the same run); the nearest if several."""
    assert examined.end is not None
    end = examined.end
    day = end.date().isoformat()
    typed = [r for r in _runs_near(journal, end)
             if r["plan_date"] == day and not r.get("sha256") and record_time(r) >= end - SAME_RUN]
    return min(typed, key=lambda r: abs(record_time(r) - end)) if typed else None

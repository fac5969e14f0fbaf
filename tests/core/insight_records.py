"""Journal records for insights tests, made as the journal stores them (no
journal file: a few hundred runs in milliseconds). Every run ends at 21:30 in
Berlin and is rated at 07:30 the next morning, unless told otherwise."""

from __future__ import annotations

from datetime import date, datetime, time, timedelta

from tests.core.evening_runner import BERLIN

FIRST = date(2026, 9, 1)


class Records:
    def __init__(self) -> None:
        self.records: list[dict] = []

    def _add(self, record: dict) -> dict:
        record["id"] = len(self.records) + 1
        record["v"] = 1
        self.records.insert(0, record)  # newest first, as Journal.records returns them
        return record

    def run(self, night: int, practices, kind: str | None = None, load: float | None = None,
            ended: time = time(21, 30)) -> dict:
        moment = datetime.combine(FIRST + timedelta(days=night), ended, BERLIN)
        record = {"type": "run", "time": moment.isoformat(), "run_kind": kind, "practices": list(practices),
                  "skipped": [], "plan_date": moment.date().isoformat()}
        if load is not None:
            record["load"] = load  # as the watch import writes it
        return self._add(record)

    def rating(self, night: int, overall: int, areas: dict | None = None, at: time = time(7, 30),
               next_day: bool = True) -> dict:
        moment = datetime.combine(FIRST + timedelta(days=night + next_day), at, BERLIN)
        return self._add({"type": "soreness", "time": moment.isoformat(), "overall": overall,
                          "areas": dict(areas or {}), "pain": [], "note": "", "session": None})

    def rated_run(self, night: int, practices, overall: int, areas: dict | None = None,
                  kind: str | None = None, load: float | None = None, before: int | None = None) -> None:
        """A run, a rating right after it if `before` is given, and the morning-after rating."""
        self.run(night, practices, kind, load)
        if before is not None:
            self.rating(night, before, at=time(21, 55), next_day=False)
        self.rating(night, overall, areas)

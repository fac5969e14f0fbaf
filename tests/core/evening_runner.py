"""The evening runner of issue 24, as a journal: runs ending 20:30-21:45,
bed 22:30-23:00, a rating at breakfast, sometimes a second short run.

Foam rolling every other night: 3 the morning after, 5 otherwise. The
journal's clock is a fake wall clock that moves through her evenings, in
Europe/Berlin, across a change of summer time."""

from __future__ import annotations

import random
from datetime import date, datetime, time, timedelta
from zoneinfo import ZoneInfo

from tui.core.journal.journal import Journal

BERLIN = ZoneInfo("Europe/Berlin")
BEDTIME = time(22, 30)


class WallClock:
    """A wall clock that moves only when set."""

    def __init__(self, start: datetime) -> None:
        self.now = start

    def __call__(self) -> datetime:
        return self.now


def at(day: date, hour: int, minute: int, zone=BERLIN) -> datetime:
    return datetime.combine(day, time(hour, minute), zone)


def evening_runner(path, first: date, nights: int, rated_at: time = time(7, 30), seed: int = 24,
                   sore_before: bool = False, zone=BERLIN) -> Journal:
    """`nights` evenings from `first`, each with a run (and every fifth a
    second short one before it); foam rolling on every other night, on the
    night's last run; stretching every third. With `sore_before`, a rating
    right after most runs (random, 3-6)."""
    rng = random.Random(seed)
    clock = WallClock(at(first, 18, 0, zone))
    journal = Journal(path, now=clock)
    for night in range(nights):
        day = first + timedelta(days=night)
        foam = night % 2 == 0
        if night % 5 == 3:  # a second short run: the first ends before it
            clock.now = at(day, 19, rng.randrange(45, 60), zone)
            journal.add_run(clock.now, "easy")
        clock.now = at(day, 20 + rng.randrange(2), rng.choice((30, 40, 45)), zone)
        run = journal.add_run(clock.now, rng.choice(("easy", "long", "tempo")))
        journal.record_practices(run["id"], ["hydrate", "foam-roll"] if foam else ["hydrate"])
        if night % 3 == 1:
            journal.record_practices(run["id"], ["stretch"])
        if sore_before and rng.random() < 0.7:
            clock.now += timedelta(minutes=20)
            journal.add_soreness(rng.randint(3, 6), when=clock.now)
        clock.now = datetime.combine(day + timedelta(days=1), rated_at, zone)
        journal.add_soreness(3 if foam else 5, {"calves": 2 if foam else 4}, when=clock.now)
    return journal

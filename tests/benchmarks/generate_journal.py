"""A realistic 10-year journal: ~3,650 sessions, 3,650 soreness ratings and
1,800 runs with practices (~9,100 records), with notes. Deterministic for a
seed and an end date.

The records have the shapes Journal.add_session/add_soreness/add_run/
record_practices store; the dict is built directly and written once through
SafeJSONStorage (one atomic write instead of 9,000 rewrites). Then, as the
app's saves would have done over the years, the months before last move to
the archive files (Journal.archive_old_months).

    python -m tests.benchmarks.generate_journal PATH [--years 10] [--seed 2024]
"""

from __future__ import annotations

import argparse
import random
import tempfile
from datetime import date, datetime, time, timedelta
from pathlib import Path

from tui.core.common.ids import AREAS, RUN_KINDS
from tui.core.journal.journal import Journal
from tui.core.journal.records import SCHEMA_VERSION, TABLE
from tui.core.journal.storage import SafeJSONStorage
from tui.core.journal.sync.identity import with_uid
from tui.core.plan.definition import STEP_IDS

ROUTINES = {
    "post-run-stretches": ("Post-run stretches", 8, 765),
    "foam-rolling": ("Foam rolling", 5, 540),
    "runner-yoga": ("Yoga for runners", 6, 450),
    "evening-wind-down": ("Evening wind-down", 6, 495),
    "legs-up-the-wall": ("Legs up the wall", 2, 300),
    "cool-down-walk": ("Cool-down walk", 3, 300),
    "warmup-drills": ("Warm-up drills", 7, 300),
}
NOTES = (
    "Tight after the long run, loosened up by lunch.",
    "Calves grumbling on the stairs.",
    "Felt fresh, easy day tomorrow.",
    "Slept badly, legs heavy.",
    "Hamstrings stiff after intervals on the track.",
    "Hills yesterday; quads know about it.",
    "Nothing much, a little stiffness in the morning.",
    "Rolled the feet with a ball, much better.",
    "Race week taper — legs feel springy.",
    "Rainy 10k, shins a bit sore on the left.",
)
RUN_DAYS = 0.493  # ~1,800 runs in 3,650 days


def _at(day: date, hour: int, minute: int) -> datetime:
    """An aware local time, as the app stores it."""
    return datetime.combine(day, time(hour, minute)).astimezone()


def generate(years: int = 10, seed: int = 2024, end: date | None = None, pain_due: bool = False) -> dict:
    """The journal as SafeJSONStorage stores it: {"records": {"1": {...}, ...}}.
    With `pain_due`, the last rating flags pain in the calves, so home shows
    the pain notice for the week after `end`."""
    rng = random.Random(seed)
    end = end or date.today() - timedelta(days=1)
    start = end - timedelta(days=round(365 * years) - 1)
    docs: list[dict] = []
    last_session: tuple[int, datetime] | None = None
    day = start
    while day <= end:
        ran = rng.random() < RUN_DAYS
        if ran:  # morning run, with the plan state the app keeps
            run_end = _at(day, rng.randint(6, 8), rng.randrange(60))
            done = rng.sample(STEP_IDS, rng.randint(1, 6))
            done += rng.sample(list(ROUTINES), rng.randint(0, 1))
            skipped = [s for s in rng.sample(STEP_IDS, 2) if s not in done]
            docs.append({
                "v": SCHEMA_VERSION, "type": "run", "time": run_end.isoformat(),
                "run_kind": rng.choice((*RUN_KINDS, None)), "practices": done,
                "skipped": skipped, "plan_date": day.isoformat(),
            })
        # one routine a day
        routine_id = rng.choice(list(ROUTINES))
        name, total, seconds = ROUTINES[routine_id]
        completed = rng.random() < 0.85
        done_count = total if completed else rng.randint(0, total - 1)
        started = _at(day, 9 if ran else rng.randint(12, 19), rng.randrange(60))
        spent = seconds if completed else round(seconds * done_count / total + rng.uniform(0, 20), 1)
        ended = started + timedelta(seconds=spent)
        docs.append({
            "v": SCHEMA_VERSION, "type": "session", "routine_id": routine_id,
            "routine_name": name, "started": started.isoformat(), "ended": ended.isoformat(),
            "completed": completed, "exercises_done": done_count,
            "exercises_skipped": total - done_count, "exercises_total": total, "seconds": spent,
        })
        last_session = (len(docs), ended)
        # one soreness rating a day, in the evening, linked like add_soreness does
        when = _at(day, rng.randint(20, 22), rng.randrange(60))
        rated = sorted(rng.sample(range(len(AREAS)), rng.randint(0, 4)))
        areas = {AREAS[i]: rng.randint(0, 8) for i in rated}
        overall = max(areas.values(), default=rng.randint(0, 4))
        pain = [AREAS[rated[0]]] if rated and rng.random() < 0.03 else []
        if pain_due and day == end:
            areas["calves"] = max(areas.get("calves", 0), 6)
            overall, pain = max(overall, 6), ["calves"]
        linked = last_session[0] if last_session and when - last_session[1] <= timedelta(hours=72) else None
        docs.append({
            "v": SCHEMA_VERSION, "type": "soreness", "time": when.isoformat(),
            "overall": overall, "areas": areas, "pain": pain,
            "note": rng.choice(NOTES) if rng.random() < 0.4 else "", "session": linked,
        })
        day += timedelta(days=1)
    # as the app stores them: each with its uid, the journal marked as having them (journal/sync/)
    return {TABLE: {str(i): with_uid(i, doc) for i, doc in enumerate(docs, start=1)}, "meta": {"1": {"uids": 1}}}


def write_journal(path: Path, years: int = 10, seed: int = 2024, end: date | None = None,
                  pain_due: bool = False) -> int:
    """Write the journal to `path` (atomically, 0600); return the record count."""
    data = generate(years, seed, end, pain_due)
    storage = SafeJSONStorage(path, create_dirs=True)
    try:
        storage.write(data)
    finally:
        storage.close()
    last_day = end or date.today() - timedelta(days=1)
    at_end = datetime.combine(last_day, time(22, 0)).astimezone()
    with Journal(path, now=lambda: at_end) as journal:
        journal.archive_old_months()
    return len(data[TABLE])


def kept_journal(years: int) -> Path:
    """A journal of `years` ending yesterday, written on first use and kept in
    the temp folder (rtui-journal-<years>y-<end date>-uids/): 99 years (about 90,000
    records in 1,187 archive months) take about 20 s to write."""
    end = date.today() - timedelta(days=1)
    folder = Path(tempfile.gettempdir()) / f"rtui-journal-{years}y-{end.isoformat()}-uids"
    journal, done = folder / "journal.json", folder / "complete"
    if not done.exists():
        write_journal(journal, years=years, end=end)
        done.touch()
    return journal


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("path", type=Path)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--seed", type=int, default=2024)
    args = parser.parse_args()
    count = write_journal(args.path, args.years, args.seed)
    print(f"{count} records, {args.path.stat().st_size / 1e6:.2f} MB: {args.path}")


if __name__ == "__main__":
    main()

"""A routine counts as a practice of a run only when it was finished after
that run (and before the day's next run): morning yoga is not a practice of
the evening's run, and a second run of the day gets only what followed it."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

from tui.core.insights.facts import RUN_PRACTICES, SESSION_LEEWAY, facts_of
from tui.core.journal.journal import Journal

TZ = timezone(timedelta(hours=1))


def at(hour: int, minute: int = 0) -> datetime:
    return datetime(2026, 11, 10, hour, minute, tzinfo=TZ)


def yoga(journal: Journal, ended: datetime) -> None:
    journal.add_session("runner-yoga", "Yoga for runners", ended - timedelta(minutes=15), ended, True, 6, 0, 6, 900.0)


def practices_by_run(path) -> list[list[str]]:
    with Journal(path, now=lambda: at(23, 59)) as journal:
        return [list(run[RUN_PRACTICES]) for run in facts_of(journal.records()).runs]


def test_morning_yoga_is_not_a_practice_of_the_evening_run(tmp_path):
    path = tmp_path / "journal.json"
    with Journal(path, now=lambda: at(23, 59)) as journal:
        yoga(journal, at(7, 30))
        journal.add_run(at(21, 30))
    assert practices_by_run(path) == [[]]


def test_yoga_after_the_run_is_its_practice_even_a_little_before_its_recorded_end(tmp_path):
    path = tmp_path / "journal.json"
    with Journal(path, now=lambda: at(23, 59)) as journal:
        journal.add_run(at(21, 30))
        yoga(journal, at(21, 30) - timedelta(seconds=SESSION_LEEWAY - 60))  # the watch a few minutes off
    assert practices_by_run(path) == [["runner-yoga"]]


def test_two_runs_in_a_day_each_get_what_followed_it(tmp_path):
    path = tmp_path / "journal.json"
    with Journal(path, now=lambda: at(23, 59)) as journal:
        journal.add_run(at(7, 0))
        yoga(journal, at(8, 0))
        journal.add_run(at(18, 0))
        journal.add_session("foam-rolling", "Foam rolling", at(18, 10), at(18, 20), True, 5, 0, 5, 600.0)
    assert practices_by_run(path) == [["runner-yoga"], ["foam-rolling"]]

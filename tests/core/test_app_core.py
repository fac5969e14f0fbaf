"""The headless parts of the app's flows: the write path, the session and
rating changes, repairs of a damaged journal, and a run's plan and heading."""

from __future__ import annotations

import json
from datetime import datetime, time, timedelta, timezone

import pytest

from tui.core.common.paths import PLAN_FILE, builtin_routine_files
from tui.core.journal.journal import Journal
from tui.core.journal.repair import move_damaged_aside, newest_good_backup
from tui.core.journal.store.errors import JournalAccessError, JournalError
from tui.core.journal.writer import JournalWriter, NoJournal, pain_notice, rating_change, session_change
from tui.core.plan.run_plan import PlanSource, run_plan
from tui.core.plan.view import plan_heading
from tui.core.routines.loader import load_library
from tui.core.routines.timer import Report
from tui.core.routines.voice import LazyVoice

ZONE = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 22, 21, 50, tzinfo=ZONE)


def routine(routine_id: str):
    return load_library(builtin_routine_files(), None).get(routine_id)


def test_a_failed_write_is_raised_remembered_and_the_next_write_tries_again(tmp_path):
    writer = JournalWriter(Journal(tmp_path / "journal.json", now=lambda: NOW))

    def refused(journal):
        raise JournalAccessError(journal.path, "The disk is full.")

    with pytest.raises(JournalError):
        writer.write(refused)
    assert isinstance(writer.failed, JournalAccessError)
    record = writer.write(rating_change(3, {"calves": 4}, [], "", when=NOW))
    assert record["overall"] == 3 and writer.failed is None
    assert [r["overall"] for r in writer.journal.records()] == [3]


def test_no_journal_is_said_as_such():
    with pytest.raises(NoJournal):
        JournalWriter(None).write(lambda journal: journal.records())


def test_a_finished_recovery_session_ticks_the_days_run_and_drills_do_not(tmp_path):
    journal = Journal(tmp_path / "journal.json", now=lambda: NOW)
    run = journal.add_run(NOW - timedelta(minutes=30), "easy")
    writer = JournalWriter(journal)
    report = Report(done=(0, 1), skipped=(), seconds_spent=300.0, completed=True,
                    held_seconds=300.0, planned_hold_seconds=300.0)
    for routine_id in ("warmup-drills", "legs-up-the-wall"):
        session = writer.write(session_change(routine(routine_id), report, NOW - timedelta(minutes=5), NOW))
        assert session["routine_id"] == routine_id and session["completed"] is True
    assert journal.run(run["id"])["practices"] == ["legs-up-the-wall"]


def test_a_left_session_is_recorded_as_not_finished_and_ticks_nothing(tmp_path):
    journal = Journal(tmp_path / "journal.json", now=lambda: NOW)
    run = journal.add_run(NOW - timedelta(minutes=30), "easy")
    report = Report(done=(0,), skipped=(), seconds_spent=60.0, completed=False, held_seconds=60.0,
                    planned_hold_seconds=300.0, left=True)
    session = JournalWriter(journal).write(session_change(routine("legs-up-the-wall"), report, NOW, NOW))
    assert session["completed"] is False
    assert journal.run(run["id"])["practices"] == []


def test_pain_in_a_rating_gives_the_guard_notice(tmp_path):
    journal = Journal(tmp_path / "journal.json", now=lambda: NOW)
    assert pain_notice(journal, NOW) == ""
    JournalWriter(journal).write(rating_change(8, {"shins": 8}, ["shins"], "", when=NOW))
    assert "shin" in pain_notice(journal, NOW).lower()


def test_a_damaged_journal_is_moved_aside_with_its_bytes(tmp_path):
    path = tmp_path / "journal.json"
    path.write_text("{ not json")
    writer = JournalWriter(Journal(path, now=lambda: NOW))
    assert newest_good_backup(path, path, NOW.date()) is None  # there is none
    assert newest_good_backup(path, tmp_path / "archive-2025-01.json", NOW.date()) is None  # not the journal
    moved = move_damaged_aside(writer, path, NOW)
    assert moved.read_text() == "{ not json" and not path.exists()
    writer.write(rating_change(2, {}, [], "", when=NOW))
    assert json.loads(path.read_text())  # a new journal started


def test_a_late_runs_plan_is_short_and_says_so():
    run = {"time": NOW.isoformat(), "run_kind": "long"}
    assert plan_heading(run, NOW, time(22, 30)).startswith("Long run ended 21:50 · bedtime 22:30 · late run")
    assert plan_heading({**run, "run_kind": None}, NOW, time(23, 59)) == "Run ended 21:50 · bedtime 23:59"
    source = PlanSource(None, PLAN_FILE, [])
    planned = run_plan(source, {**run, "time": (NOW - timedelta(hours=4)).isoformat()}, NOW, time(23, 59), "metric")
    assert planned.steps and planned.problems == []
    assert not any(step.dropped for step in planned.steps[:2])


def test_a_missing_voice_is_told_once():
    voice = LazyVoice(find=lambda: None)
    assert not voice.missing  # not looked for yet
    assert voice.say("Switch sides") is False
    assert voice.say("Switch sides") is True  # nothing more to say about it
    assert voice.missing  # and later sessions still know (they show it in their layout)

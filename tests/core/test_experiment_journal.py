"""Experiments in the journal: which runs count, adherence both ways, stopping
early, one at a time, and every journal promise (checked on read and write,
backed up, restored, left alone by the archive)."""

from __future__ import annotations

import json
from datetime import timedelta

import pytest

from tests.core.experiment_support import NAMES, START, add_run, next_rating
from tui.core.experiments.book import TABLE, ExperimentBook
from tui.core.experiments.design import WITH, WITHOUT
from tui.core.experiments.result import result
from tui.core.experiments.status import read_progress, start_experiment, stop_experiment
from tui.core.experiments.words import state_line
from tui.core.journal.backups import restore_backup
from tui.core.journal.daily_backup import backup_path
from tui.core.journal.journal import Journal
from tui.core.journal.records import FieldError


@pytest.fixture
def journal(tmp_path):
    now = {"at": START}
    with Journal(tmp_path / "journal.json", now=lambda: now["at"]) as journal:
        journal.clock = now
        yield journal


def start(journal, runs=4, seed=1, after=None, practice="ice-bath"):
    return start_experiment(journal, practice, after, runs, seed, START, NAMES, next_rating)


def current(journal):
    (found,), problems = read_progress(journal, NAMES, next_rating)
    assert problems == []
    return found


def test_runs_take_the_stored_arms_in_order_and_the_first_run_before_the_start_does_not_count(journal):
    add_run(journal, 1, 4, hour=7)  # ended before the experiment started at 09:00
    experiment = start(journal, seed=1)  # seed 1: with, without, without, with
    for day in (2, 3, 4):
        add_run(journal, day, 3)
    found = current(journal)
    assert [s.arm for s in found.slots] == [WITH, WITHOUT, WITHOUT]
    assert [s.day for s in found.slots] == ["2024-03-02", "2024-03-03", "2024-03-04"]
    assert found.running and experiment.schedule == (WITH, WITHOUT, WITHOUT, WITH)


def test_adherence_is_recorded_both_ways(journal):
    start(journal, seed=1)  # with, without, without, with
    add_run(journal, 2, 5, did=False)  # told to: not done
    add_run(journal, 3, 3, did=True)  # told not to: done
    add_run(journal, 4, 4, did=False)  # as told
    add_run(journal, 5, 2, did=True)  # as told
    found = result(current(journal))
    assert [(s.place, s.followed) for s in found.progress.slots] == [(1, False), (2, False), (3, True), (4, True)]
    data = found.to_json()
    assert data["adherence"]["not_followed"] == 2
    # as assigned: with = runs 1 and 4 (5, 2), without = runs 2 and 3 (3, 4)
    assert (data["with_mean"], data["without_mean"]) == (3.5, 3.5)
    # as done: done on runs 2 and 4 (3, 2), not on 1 and 3 (5, 4)
    assert data["adherence"]["as_done"]["with_mean"] == 2.5
    assert data["adherence"]["as_done"]["without_mean"] == 4.5


def test_a_second_run_the_same_day_takes_no_place(journal):
    start(journal, seed=1)
    first = add_run(journal, 2, None, hour=7)
    second = add_run(journal, 2, 3, hour=18)
    third = add_run(journal, 3, 4)
    found = current(journal)
    assert [s.run_id for s in found.slots] == [first["id"], third["id"]]
    assert found.extra == ((second["id"], 1),)
    assert found.place_of(second["id"]).place == 1  # its night is run 1's night


def test_only_runs_of_the_chosen_kind_count(journal):
    start(journal, after="long")
    add_run(journal, 2, 3, kind="easy")
    long_run = add_run(journal, 3, 3, kind="long")
    assert [s.run_id for s in current(journal).slots] == [long_run["id"]]


def test_stopping_early_keeps_the_runs_before_and_ends_it(journal):
    experiment = start(journal)
    add_run(journal, 2, 3)
    add_run(journal, 3, 5)
    stop_experiment(journal, experiment, START.replace(day=4))
    add_run(journal, 5, 1)
    found = current(journal)
    assert len(found.slots) == 2 and not found.running and not found.finished
    assert result(found).difference is not None  # the first pair is complete
    assert "stopped early" in state_line(found, "Ice bath")


def test_one_experiment_at_a_time_per_practice(journal):
    start(journal)
    with pytest.raises(FieldError, match="already has an experiment running"):
        start(journal)
    start(journal, practice="foam-roll")  # another practice may run beside it
    for day in (2, 3, 4, 5):
        add_run(journal, day, 3)
    start(journal)  # the first one is complete: a new one may start
    assert len(ExperimentBook(journal).all()) == 3


def test_a_damaged_experiment_is_skipped_and_named(journal):
    start(journal)
    path = journal.path
    data = json.loads(path.read_text())
    schedule = data[TABLE]["1"]["schedule"]
    data[TABLE]["1"]["schedule"] = [schedule[1], schedule[0], *schedule[2:]]
    path.write_text(json.dumps(data))
    found, problems = read_progress(journal, NAMES, next_rating)
    assert found == []
    assert problems == [f"Experiment #1 in {path} was skipped: field 'schedule' is not the one its seed "
                        "gives: it was changed after the experiment started."]


def test_it_lives_in_the_journal_file_beside_the_records_and_is_not_archived(journal):
    start(journal)
    add_run(journal, 2, 3)
    journal.clock["at"] = START + timedelta(days=120)  # March's records move to the archive
    journal.add_soreness(2)
    assert journal.archive_months() == ["2024-03"]
    assert TABLE in json.loads(journal.path.read_text())
    assert len(current(journal).slots) == 1  # the run is read back from the archive


def test_it_survives_a_restore(journal):
    start(journal)
    add_run(journal, 2, 3)
    journal.clock["at"] = START + timedelta(days=5)
    add_run(journal, 6, 3)  # the day's first save backs up the journal as it stood
    backup = backup_path(journal.path, (START + timedelta(days=5)).date())
    assert backup.exists()
    assert start(journal, practice="nap").id == 2  # after the backup: the restore drops it
    journal.close()
    restore_backup(journal.path, backup, START + timedelta(days=5))
    found = current(journal)
    assert found.experiment.seed == 1 and len(found.slots) == 1
    assert start(journal, practice="legs-up").id == 3  # id 2 is never given out again

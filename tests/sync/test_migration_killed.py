"""The migration killed at random moments (SIGKILL, on a slow disk, as in
tests/reliability/test_kill_loop.py): every file still reads, every uid
written is the one an uninterrupted migration gives, the copies kept are the
files as they were, and the next open finishes the job with the same result."""

from __future__ import annotations

import os
import random
import shutil
import subprocess
import sys
import time
from pathlib import Path

import pytest

from tests.reliability.helpers import REPO, child_env
from tests.sync.legacy import all_uids, legacy_journal
from tui.core.journal.daily_backup import backup_folder
from tui.core.journal.journal import Journal
from tui.core.journal.store.json_tables import read_tables

pytestmark = pytest.mark.slow

CHILD = Path(__file__).with_name("migrate_child.py")
ROUNDS = 20
SEED = os.environ.get("KILL_LOOP_SEED", "recovery-tui")


def kill_mid_way(path: Path, delay: float) -> bool:
    """Start a child migrating `path`, kill it `delay` s after it began; whether it had finished."""
    child = subprocess.Popen([sys.executable, str(CHILD), str(path)], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, env=child_env(), cwd=REPO)
    try:
        assert child.stdout.readline().strip() == "ready"
        child.stdin.write("go\n")
        child.stdin.flush()
        assert child.stdout.readline().strip() == "go"
        time.sleep(delay)
        child.kill()
        rest = child.stdout.read()
    finally:
        child.kill()
        child.wait()
    return "done" in rest


def test_a_migration_killed_anywhere_is_finished_by_the_next_open(tmp_path):
    pristine = tmp_path / "pristine" / "journal.json"
    before = legacy_journal(pristine)
    reference = tmp_path / "reference"
    shutil.copytree(pristine.parent, reference)
    with Journal(reference / "journal.json") as journal:
        expected_records = journal.records()
    expected = all_uids(reference / "journal.json")
    rng = random.Random(SEED)
    finished = interrupted = 0
    for n in range(ROUNDS):
        folder = tmp_path / f"round-{n}"
        shutil.copytree(pristine.parent, folder)
        path = folder / "journal.json"
        if kill_mid_way(path, rng.uniform(0, 0.4)):
            finished += 1
        now = all_uids(path)  # every file reads, each uid is none yet or the right one
        for name, uids in now.items():
            assert read_tables(folder / name) is not None
            assert all(uid in (None, expected[name][key]) for key, uid in uids.items()), name
        kept = backup_folder(path) / "before-ids"
        if kept.exists() and any(uid is None for uid in now["journal.json"].values()):
            interrupted += 1  # begun (a copy kept), not finished (the journal is rewritten last)
        for copy in kept.glob("*.json") if kept.exists() else []:
            original = next(name for name in before if name.endswith(copy.name))
            assert copy.read_bytes() == before[original]
        with Journal(path) as journal:
            assert journal.records() == expected_records
        assert all_uids(path) == expected
    assert interrupted >= 3, f"only {interrupted} of {ROUNDS} kills landed mid-way ({finished} finished)"

"""Kill loop: a writer is SIGKILLed 200 times at random moments while it
appends, updates and deletes records in a journal of more than 100 KB.

After every kill the journal must parse, hold every write the child confirmed
(and none it confirmed deleting), hold the write in flight either completely
or not at all, and hold only well-formed records; temporary files of the
killed writer must be gone after the next open. The control runs the same
loop on TinyDB's stock JSONStorage and must end with a journal that no longer
parses, so this test is known to be able to fail.

Each child is killed 0-50 ms after its first write began, the delay drawn
from a seeded RNG (set KILL_LOOP_SEED to try others); where the kills land
depends on the machine's speed, so the counts in `seen` vary a little. The
child makes its disk slow (see churn_child.py) so that kills land inside
writes on any file system, tmpfs included.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from collections import Counter, deque
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.reliability import churn_child
from tests.reliability.churn_child import HIGH, LOW, make_record
from tests.reliability.helpers import child_env, mode, temp_files
from tui.core.journal.journal import Journal
from tui.core.journal.records import TABLE

pytestmark = pytest.mark.slow  # see pyproject.toml's markers

CHILD = Path(__file__).with_name("churn_child.py")
SEED = os.environ.get("KILL_LOOP_SEED", "recovery-tui")
RUNS = 200
MAX_DELAY = 0.05  # seconds after the first "want": several writes
AHEAD = 3  # children started ahead of their turn

Model = dict[int, str]  # record id -> the tag its content follows from
Pending = tuple[str, int, str] | None  # (op, id, tag) of the write in flight


def start_journal(path: Path) -> Model:
    assert churn_child.TABLE == TABLE
    model = {i: f"init{i}" for i in range(1, (LOW + HIGH) // 2)}
    path.parent.mkdir(mode=0o700)
    data = {TABLE: {str(i): make_record(tag) for i, tag in model.items()}}
    path.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), "utf-8")
    os.chmod(path, 0o600)
    assert path.stat().st_size > 100_000
    return model


def apply(model: Model, op: str, doc_id: int, tag: str) -> Model:
    changed = dict(model)
    if op == "del":
        del changed[doc_id]
    else:
        changed[doc_id] = tag
    return changed


def confirmed(model: Model, output: str) -> tuple[Model, Pending]:
    """The model after every "done" line, and the write still in flight."""
    pending: Pending = None
    for line in output.splitlines():
        word, op, doc_id, tag = line.split()
        if word == "want":
            pending = (op, int(doc_id), tag)
        else:
            assert pending == (op, int(doc_id), tag), line
            model, pending = apply(model, *pending), None
    return model, pending


def rest_of_output(child: subprocess.Popen, first: str) -> tuple[str, str]:
    """(stdout, stderr) of a killed child after its `first` line, read through
    the same buffered pipe: readline() may have buffered more lines than one,
    which communicate() (reading the raw pipe) would never return."""
    child.wait(timeout=30)
    return first + child.stdout.read(), child.stderr.read()


def spawn(storage: str, path: Path, run: int) -> subprocess.Popen:
    return subprocess.Popen(
        [sys.executable, str(CHILD), storage, str(path), SEED, str(run)],
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
        text=True, env=child_env(),
    )


def kill_loop(storage: str, path: Path, model: Model, check: Callable[..., Model | None],
              runs: int = RUNS) -> int:
    """Run children one after another, each killed at a random moment; call
    check(path, model, pending) after each. Stops early when check returns
    None. Returns the number of runs made."""
    rng = random.Random(SEED)
    waiting = deque(spawn(storage, path, run) for run in range(AHEAD))  # they import meanwhile
    try:
        for run in range(runs):
            child = waiting.popleft()
            if run + AHEAD < runs:
                waiting.append(spawn(storage, path, run + AHEAD))
            assert child.stdout.readline() == "ready\n", child.communicate()[1]
            child.stdin.write("go\n")
            child.stdin.flush()
            first = child.stdout.readline()  # it has opened the journal: kill it while it writes
            time.sleep(rng.uniform(0, MAX_DELAY))
            child.kill()
            out, err = rest_of_output(child, first)
            assert child.returncode == -9, f"run {run} (seed {SEED!r}) ended by itself: {err}"
            model, pending = confirmed(model, out)
            model = check(path, model, pending)
            if model is None:
                break
    finally:
        for child in waiting:
            child.kill()
            child.communicate()
    return run + 1


def test_killed_writers_never_lose_or_tear_a_write(tmp_path: Path) -> None:
    path = tmp_path / "data" / "journal.json"
    model = start_journal(path)
    seen: Counter[str] = Counter()

    def check(path: Path, model: Model, pending: Pending) -> Model:
        leftovers = temp_files(path.parent)
        with Journal(path) as journal:
            records = journal.records()  # parses, and checks every record
            assert journal.problems == []
        assert temp_files(path.parent) == []  # the open cleaned up
        stored = {record.pop("id"): record for record in records}
        for record in stored.values():
            record.pop("uid", None)  # given by the first open (journal/sync/migrate.py); the churn child writes none
        outcomes = [model] + ([apply(model, *pending)] if pending else [])
        matches = [m for m in outcomes if stored == {i: make_record(t) for i, t in m.items()}]
        assert matches, f"journal holds neither the confirmed state nor that plus {pending}"
        assert path.stat().st_size > 100_000 and mode(path) == 0o600
        seen["temp files cleaned"] += bool(leftovers)
        seen["write in flight"] += pending is not None
        seen["write in flight landed"] += matches[0] is not model
        return matches[0]

    assert kill_loop("safe", path, model, check) == RUNS
    # The kills did land mid-write; otherwise this test would prove little.
    assert seen["temp files cleaned"] > 0 and seen["write in flight"] > 0, seen


def test_control_stock_storage_is_torn_by_the_same_loop(tmp_path: Path) -> None:
    path = tmp_path / "data" / "journal.json"
    model = start_journal(path)
    broken: list[str] = []

    def check(path: Path, model: Model, pending: Pending) -> Model | None:
        try:
            json.loads(path.read_bytes())
        except ValueError as error:
            broken.append(str(error))
            return None
        return model

    # Usually torn within 5-30 runs; on a busy machine the odds per run fall,
    # so the control may take up to three times the loop's runs.
    runs = kill_loop("stock", path, model, check, runs=3 * RUNS)
    assert broken, f"stock JSONStorage survived {runs} kills"

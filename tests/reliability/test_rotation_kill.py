"""A rotation (rotation.py) killed at every step: after each kill, and after
the next save, every record is read exactly once, with its latest content.

The rotation's writes are each atomic (test_kill_loop.py kills inside them);
here a child is SIGKILLed just before and just after each of its renames, so
every state between two writes is tried."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from tests.core.crowded import NOW, write_crowded
from tests.reliability.helpers import child_env, temp_files
from tui.core.journal import archive, rotation
from tui.core.journal.journal import Journal

pytestmark = pytest.mark.slow  # see pyproject.toml's markers

CHILD = Path(__file__).with_name("rotation_child.py")
RECORDS = 1_700  # a plan of three parts: 500, 500 and 200 records


def run_child(journal: Path, kill_at: int, when: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, str(CHILD), str(journal), str(kill_at), when],
                          env=child_env(), capture_output=True, text=True, timeout=120)


def read_ids(journal: Path) -> list[int]:
    with Journal(journal, now=lambda: NOW) as opened:
        return sorted(record["id"] for record in opened.records())


@pytest.fixture(scope="module")
def source(tmp_path_factory: pytest.TempPathFactory) -> Path:
    journal = tmp_path_factory.mktemp("source") / "data" / "journal.json"
    write_crowded(journal, RECORDS)
    return journal


def test_a_rotation_killed_at_any_step_loses_and_doubles_nothing(source: Path, tmp_path: Path) -> None:
    whole = tmp_path / "whole" / "journal.json"
    shutil.copytree(source.parent, whole.parent)
    done = run_child(whole, 0, "after")
    renames = int(done.stdout.strip())
    # the plan; three parts, each followed by this device's note that it wrote it
    # (sync/checked.py, in the state folder: a kill before it only costs a re-check); the journal
    assert renames == 8, done.stderr
    everything = list(range(1, RECORDS + 1))
    for kill_at in range(1, renames + 1):
        for when in ("before", "after"):
            journal = tmp_path / f"{kill_at}-{when}" / "journal.json"
            shutil.copytree(source.parent, journal.parent)
            killed = run_child(journal, kill_at, when)
            assert killed.returncode == -9, killed.stderr
            assert read_ids(journal) == everything, (kill_at, when)
            with Journal(journal, now=lambda: NOW) as opened:
                opened.record_practices(2, ["walk"])  # the run is among the records on their way to a part
                opened.add_soreness(2, when=NOW)  # the next save finishes (or makes) the rotation
                assert sorted(r["id"] for r in opened.records()) == [*everything, RECORDS + 1]
                assert len(opened.recent()) <= rotation.LIMIT and opened.count() == RECORDS + 1
                assert opened.run(2)["practices"] == ["walk"]
            assert archive.find(journal, "2") is not None  # read from its part, not the journal
            assert not temp_files(archive.archive_folder(journal)) and not temp_files(journal.parent)

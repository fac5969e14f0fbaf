"""Damaged journals on the command line: `history` and `log` each give one
clear line naming the path, no traceback, exit 1, and leave the journal's bytes
as they were. A record with a bad field is reported and the rest still shown.

Commands run as real processes with permission bits enforced, also under root
(see helpers.unprivileged), so the read-only cases are never skipped.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import tempfile
from concurrent.futures import ThreadPoolExecutor
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.reliability.helpers import child_env, temp_files, unprivileged
from tui.core.journal.journal import Journal

NOW = datetime(2024, 11, 22, 9, 12, tzinfo=timezone(timedelta(hours=1)))
HISTORY = ("history",)
LOG = ("log", "--soreness", "3")


def real_journal(folder: Path) -> bytes:
    """A journal written by the app: sessions and ratings with notes."""
    path = folder / "journal.json"
    with Journal(path, now=lambda: NOW) as journal:
        for day in range(6):
            ended = NOW - timedelta(days=day, hours=3)
            journal.add_session("post-run", "Post-run stretches", ended - timedelta(minutes=12), ended,
                                day % 2 == 0, 8 - day % 2, day % 2, 8, 700.5)
            journal.add_soreness(day + 2, {"calves": day + 1}, ["shins"] if day == 2 else [],
                                 f"Füße müde nach {10 + day} km", when=ended + timedelta(hours=1))
    return path.read_bytes()


REAL = real_journal(Path(tempfile.mkdtemp()))
TRUNCATIONS = sorted(random.Random(5).sample(range(1, len(REAL)), 20))
DAMAGED = {
    "empty": b"",
    **{f"truncated-{n}": REAL[:n] for n in TRUNCATIONS},
    "trailing-garbage": REAL + b"\n}, {garbage",
    "invalid-utf8": REAL.replace("ü".encode(), b"\xff\xbc", 1),
    "json-array": json.dumps(list(json.loads(REAL)["records"].values())).encode(),
}


def run(path: Path, argv: tuple[str, ...]) -> subprocess.CompletedProcess:
    command = [sys.executable, "-m", "tui", *argv, "--journal", str(path)]
    return subprocess.run(**unprivileged(command), stdin=subprocess.DEVNULL, capture_output=True,
                          text=True, env=child_env(RECOVERY_TUI_NOW=NOW.isoformat()), timeout=60)


def contents(folder: Path) -> dict[str, bytes | None]:
    """Every entry but the lock file; folders as None."""
    return {p.name: None if p.is_dir() else p.read_bytes()
            for p in folder.iterdir() if p.name != "journal.json.lock"}


def assert_refused(done: subprocess.CompletedProcess, path: Path, reason: str) -> None:
    assert done.returncode == 1, (done.args, done.stdout, done.stderr)
    assert "Traceback" not in done.stdout + done.stderr
    assert done.stdout == ""
    assert done.stderr.startswith("recovery-tui: ") and done.stderr.count("\n") == 1, done.stderr
    assert str(path) in done.stderr and reason in done.stderr, done.stderr


SWEEP = [f"truncated-{n}" for n in TRUNCATIONS[1:]]  # the quick loop keeps one truncation


@pytest.fixture(scope="module")
def outcomes(request, tmp_path_factory) -> dict[str, tuple[Path, list[subprocess.CompletedProcess], bool]]:
    """Run history and log on every damaged journal this run selected, four
    processes at a time: case -> (path, [history, log], folder contents unchanged)."""
    selected = {item.callspec.params["case"] for item in request.session.items
                if item.originalname == "test_damaged_journal_is_refused_and_kept"}
    paths = {}
    for case, raw in DAMAGED.items():
        if case not in selected:
            continue
        path = tmp_path_factory.mktemp(case) / "journal.json"
        path.write_bytes(raw)
        os.chmod(path, 0o600)
        paths[case] = (path, contents(path.parent))
    with ThreadPoolExecutor(4) as pool:
        runs = {(case, argv): pool.submit(run, path, argv)
                for case, (path, _) in paths.items() for argv in (HISTORY, LOG)}
        results = {key: future.result() for key, future in runs.items()}
    return {case: (path, [results[case, HISTORY], results[case, LOG]], contents(path.parent) == before)
            for case, (path, before) in paths.items()}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    (tmp_path / "data").mkdir(mode=0o700)
    return tmp_path / "data" / "journal.json"


def run_both(path: Path) -> list[subprocess.CompletedProcess]:
    return [run(path, argv) for argv in (HISTORY, LOG)]


def test_the_real_journal_is_fine(path: Path) -> None:
    path.write_bytes(REAL)
    history, log = run_both(path)
    assert history.returncode == 0 and "Füße müde nach 10 km" in history.stdout
    assert log.returncode == 0 and log.stdout.startswith("Saved soreness 3/10")


@pytest.mark.parametrize("case", [pytest.param(case, marks=pytest.mark.slow) if case in SWEEP else case
                                  for case in DAMAGED])
def test_damaged_journal_is_refused_and_kept(outcomes, case: str) -> None:
    path, results, unchanged = outcomes[case]
    for done in results:
        assert_refused(done, path, "; it was left untouched.")
    assert unchanged


def test_record_with_wrong_field_types_is_reported_and_the_rest_shown(path: Path) -> None:
    data = json.loads(REAL)
    records = data["records"]
    records["2"]["overall"] = "very"
    records["3"]["completed"] = "yes"
    records["4"]["areas"] = ["calves"]
    path.write_text(json.dumps(data, ensure_ascii=False))
    history = run(path, HISTORY)
    assert history.returncode == 1 and "Traceback" not in history.stderr
    shown = [line.split()[0] for line in history.stdout.splitlines() if line.strip().startswith("#")]
    assert sorted(shown) == sorted(f"#{i}" for i in records if i not in ("2", "3", "4"))
    for record_id, field in (("2", "overall"), ("3", "completed"), ("4", "areas")):
        assert f"warning: Record #{record_id} in {path} was skipped: field '{field}'" in history.stderr

    # log still saves (the journal itself is sound) and keeps the bad records as they were
    log = run(path, LOG)
    assert log.returncode == 0 and "warning: Record #2" in log.stderr
    after = json.loads(path.read_bytes())["records"]
    assert {i: after[i] for i in records} == records and len(after) == len(records) + 1


def test_folder_where_the_journal_should_be(path: Path) -> None:
    path.mkdir()
    (path / "keep.txt").write_text("mine")
    for done in run_both(path):
        assert_refused(done, path, "is a folder, not a file")
    assert os.listdir(path) == ["keep.txt"] and (path / "keep.txt").read_text() == "mine"


def test_read_only_folder(path: Path) -> None:
    path.write_bytes(REAL)
    os.chmod(path, 0o600)
    os.chmod(path.parent, 0o500)
    try:
        # reading needs no lock file it cannot create; writing says why it cannot
        history, log = run_both(path)
        assert history.returncode == 0 and "Füße" in history.stdout, history.stderr
        assert_refused(log, path, f"Cannot write the journal at {path}: permission denied.")
        assert not path.with_name("journal.json.lock").exists()
        # with a lock file there, the same
        os.chmod(path.parent, 0o700)
        path.with_name("journal.json.lock").touch(mode=0o600)
        os.chmod(path.parent, 0o500)
        history, log = run_both(path)
        assert history.returncode == 0 and "Füße" in history.stdout
        assert_refused(log, path, f"Cannot write the journal at {path}: permission denied.")
    finally:
        os.chmod(path.parent, 0o700)
    assert path.read_bytes() == REAL and temp_files(path.parent) == []


def test_journal_nobody_may_read(path: Path) -> None:
    path.write_bytes(REAL)
    os.chmod(path, 0o000)
    try:
        for done in run_both(path):
            assert_refused(done, path, "permission denied")
    finally:
        os.chmod(path, 0o600)
    assert path.read_bytes() == REAL

"""Two devices, one journal, with the real engine: two Syncthing daemons on
loopback (discovery and relays off), each with its own home and a shared
folder holding the app's data folder. Both save while the link is paused;
once it is back and Syncthing reports the folder in sync, opening the
journal on each side shows exactly the union of records, none twice, and
the conflict copies Syncthing made are in merged/. Then the same with a
month crowded enough to rotate into parts on both sides, a run among the
records rotated changed on one side only (so that the parts differ). Then
rounds of random saves on each side, the same way (bounded: under 3 minutes
in all).

Where Syncthing is missing this fails, saying so: it is never skipped.
"""

from __future__ import annotations

import json
import os
import random
import subprocess
import sys
import time
from datetime import datetime, timedelta
from fnmatch import fnmatch
from pathlib import Path

import pytest

from tests.reliability.helpers import REPO, child_env
from tests.sync.syncthing import MISSING, Daemon, syncthing_binary
from tui.core.common.paths import own_files_folder
from tui.core.journal import archive, rotation
from tui.core.journal.daily_backup import backup_folder
from tui.core.journal.records import SCHEMA_VERSION, TABLE
from tui.core.journal.storage import SafeJSONStorage
from tui.core.journal.store.meta import last_id, with_last_id
from tui.core.journal.sync.ignore import PATTERNS

pytestmark = pytest.mark.slow

BUDGET = 150.0  # seconds for the whole test; Syncthing's waits are bounded by it
ROUNDS = 4
LOCAL_ONLY = [pattern.removeprefix("(?d)") for pattern in PATTERNS] + [".syncthing.*.tmp", ".stfolder", ".stignore"]


class Side:
    def __init__(self, root: Path, name: str) -> None:
        self.name = name
        self.shared = root / name / "Sync"
        self.journal = self.shared / "recovery-tui" / "journal.json"
        self.env = child_env(XDG_STATE_HOME=str(root / name / "state"), XDG_CONFIG_HOME=str(root / name / "config"),
                             XDG_DATA_HOME=str(root / name / "data"))
        self.daemon = Daemon(root / name / "syncthing", root / f"syncthing-{name}.log")
        self.written: list[str] = []

    def command(self, *argv: str) -> subprocess.Popen:
        return subprocess.Popen([sys.executable, "-m", "tui", *argv, "--journal", str(self.journal)],
                                env=self.env, cwd=REPO, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)

    def save(self, n: int) -> list[subprocess.Popen]:
        notes = [f"{self.name}-{len(self.written) + k}" for k in range(n)]
        self.written += notes
        return [self.command("log", "--soreness", str(len(note) % 10), "--note", note) for note in notes]

    def open(self) -> list[str]:
        """Open the journal as a command does (merging what Syncthing left); the notes it holds."""
        done = self.command("history", "--json")
        out, err = done.communicate(timeout=60)
        assert done.returncode == 0, err
        records = json.loads(out)
        assert len({r["id"] for r in records}) == len(records), f"a number twice on {self.name}"
        return sorted(r["note"] or "" for r in records)  # a run has none

    def files(self) -> dict[str, bytes]:
        found = {}
        for path in self.shared.rglob("*"):
            relative = str(path.relative_to(self.shared))
            if path.is_file() and not any(fnmatch(part, p) for part in relative.split("/") for p in LOCAL_ONLY):
                found[relative] = path.read_bytes()
        return found

    def conflict_copies(self) -> list[Path]:
        return [p for p in self.shared.rglob("*sync-conflict*") if p.parent.name != "merged"]


def crowd(side: Side) -> int:
    """Ratings a script logged two days ago, until the journal holds rotation's
    limit, a run the oldest of them; the run's id."""
    storage = SafeJSONStorage(side.journal)
    with storage.locked():
        tables = storage.read() or {}
        table, first = dict(tables[TABLE]), last_id(tables, TABLE) + 1
        start = datetime.now().astimezone() - timedelta(days=2)
        count = rotation.LIMIT - len(table)
        for n in range(count):
            table[str(first + n)] = {
                "v": SCHEMA_VERSION, "type": "soreness", "time": (start + timedelta(minutes=n)).isoformat(),
                "overall": n % 11, "areas": {}, "pain": [], "note": "by a script", "session": None,
                "uid": f"script-{n:04d}"}
        table[str(first)] = {"v": SCHEMA_VERSION, "type": "run", "time": start.isoformat(), "run_kind": "easy",
                             "practices": [], "skipped": [], "plan_date": start.date().isoformat(), "uid": "script-run"}
        storage.write(with_last_id({**tables, TABLE: table}, TABLE, first + count - 1))
    storage.close()
    side.written += ["by a script"] * (count - 1) + [""]  # the run has no note
    return first


def both_rotate(a: Side, b: Side, deadline: float) -> None:
    """Both sides rotate a crowded month; B ticked a run among the records
    rotated, so their first parts differ: a conflict copy of a part."""
    run_id = crowd(a)
    wait_in_sync(a, b, deadline)
    a.daemon.pause(b.daemon)
    b.daemon.pause(a.daemon)
    finish([b.command("did", "foam-rolling", "--run", str(run_id))])
    finish(a.save(2) + b.save(1))  # each journal past its limit: both rotate
    for side in (a, b):
        assert [key for key in archive.archive_months(side.journal) if archive.part_number(key)]
    a.daemon.scan()
    b.daemon.scan()
    a.daemon.resume(b.daemon)
    b.daemon.resume(a.daemon)
    wait_in_sync(a, b, deadline)
    made = [p.name for p in a.conflict_copies() if ".part-" in p.name]
    assert made, [p.name for p in a.conflict_copies()]
    open_both_until_merged(a, b, deadline)
    for side in (a, b):
        assert {p.name for p in (archive.archive_folder(side.journal) / "merged").iterdir()} >= set(made)
        done = side.command("history", "--json")
        out, _ = done.communicate(timeout=60)
        assert [r["practices"] for r in json.loads(out) if r["id"] == run_id] == [["foam-rolling"]]


def finish(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        _, err = process.communicate(timeout=60)
        assert process.returncode == 0, err


def wait_in_sync(a: Side, b: Side, deadline: float) -> None:
    """Until Syncthing reports the folder in sync on both sides, twice in a row, with the same files."""
    steady = 0
    while steady < 2:
        assert time.monotonic() < deadline, "Syncthing did not bring the folder in sync within the test's budget"
        a.daemon.scan()
        b.daemon.scan()
        if a.daemon.settled_with(b.daemon) and b.daemon.settled_with(a.daemon) and a.files() == b.files():
            steady += 1
        else:
            steady = 0
        time.sleep(0.5)


def paused_saves(a: Side, b: Side, counts: tuple[int, int], deadline: float) -> None:
    a.daemon.pause(b.daemon)
    b.daemon.pause(a.daemon)
    finish(a.save(counts[0]) + b.save(counts[1]))  # both sides at once
    a.daemon.scan()
    b.daemon.scan()
    a.daemon.resume(b.daemon)
    b.daemon.resume(a.daemon)
    wait_in_sync(a, b, deadline)


def open_both_until_merged(a: Side, b: Side, deadline: float) -> None:
    """Open on each side (as a runner would) until no conflict copy is left outside merged/."""
    for _ in range(4):
        expected = sorted(a.written + b.written)
        assert a.open() == expected  # exactly the union: nothing lost, nothing twice
        assert b.open() == expected
        wait_in_sync(a, b, deadline)
        if not a.conflict_copies() and not b.conflict_copies():
            return
    raise AssertionError(f"conflict copies left: {a.conflict_copies() + b.conflict_copies()}")


def test_two_devices_on_real_syncthing(tmp_path):
    binary = syncthing_binary()
    if binary is None:
        pytest.fail(MISSING)
    deadline = time.monotonic() + BUDGET
    a, b = Side(tmp_path, "a"), Side(tmp_path, "b")
    for side in (a, b):
        side.shared.mkdir(parents=True)
        ignore = side.command("doctor", "--stignore")  # as docs/sync.md says to set it up
        out, _ = ignore.communicate(timeout=60)
        (side.shared / ".stignore").write_text(out)
    try:
        for side in (a, b):
            side.daemon.start(binary)
        a.daemon.share(a.shared, b.daemon)
        b.daemon.share(b.shared, a.daemon)
        finish(a.save(1))
        wait_in_sync(a, b, deadline)
        assert b.open() == a.written

        paused_saves(a, b, (3, 3), deadline)
        made = [p.name for p in a.conflict_copies()]
        assert made and all(name.startswith("journal.sync-conflict-") for name in made), made
        open_both_until_merged(a, b, deadline)
        for side in (a, b):
            assert {p.name for p in (own_files_folder(side.journal) / "merged").iterdir()} >= set(made)
        synced = a.daemon.global_names()
        assert "recovery-tui/journal.json" in synced
        assert not [n for n in synced if n.endswith(".lock") or ".tmp-" in n], synced  # the lock stays local
        backups = sorted(os.listdir(backup_folder(a.journal)))
        assert len({name.split(".")[1] for name in backups if name.endswith(".json")}) == 2, backups  # one per device

        both_rotate(a, b, deadline)

        rng = random.Random(os.environ.get("SYNC_SEED", "recovery-tui"))
        for _ in range(ROUNDS):
            if deadline - time.monotonic() < 40:
                break
            paused_saves(a, b, (rng.randint(0, 3), rng.randint(1, 3)), deadline)
            open_both_until_merged(a, b, deadline)
    finally:
        for side in (a, b):
            side.daemon.stop()

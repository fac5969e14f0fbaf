"""A routine that ends on a real full disk (a 64 KiB tmpfs, mounted in a mount
namespace of its own; CI runs as root): the session is kept in memory, the
journal stays as it was, and a retry once there is room saves it, once
(issue 24, item 13; the retry is JournalWriter.save_pending)."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from tests.reliability.helpers import child_env

CHILD = Path(__file__).with_name("full_disk_child.py")


def test_a_session_on_a_full_disk_is_kept_and_saved_by_the_retry(tmp_path: Path) -> None:
    disk = tmp_path / "disk"
    disk.mkdir()
    script = f"mount -t tmpfs -o size=64k tmpfs {disk} && exec {sys.executable} {CHILD} {disk}"
    done = subprocess.run(["unshare", "-m", "sh", "-c", script], capture_output=True, text=True,
                          env=child_env(), timeout=120)
    assert done.returncode == 0, done.stderr
    seen = json.loads(done.stdout)
    assert seen["session"].endswith("the disk is full."), seen
    assert seen["retry while full"].endswith("the disk is full.") and seen["pending while full"] == 1
    assert seen["journal kept"]
    assert (seen["saved"], seen["pending"]) == (1, 0)
    assert sorted(map(tuple, seen["records"])) == [("session", ""), ("soreness", "before")]

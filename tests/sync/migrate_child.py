"""Child process for test_migration_killed.py: opens a journal (which migrates it) on a slow disk.

    migrate_child.py JOURNAL

Prints "ready" once imported and waits for a line on stdin; then prints
"go", opens the journal, reads it and prints "done". The disk is made slow
as in tests/reliability/churn_child.py, so that kills land inside writes.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

if __name__ == "__main__":
    from tests.reliability.churn_child import slow_fsync, slow_write
    from tui.core.journal.journal import Journal

    os.fsync, os.write = slow_fsync, slow_write
    print("ready", flush=True)
    sys.stdin.readline()
    print("go", flush=True)
    with Journal(Path(sys.argv[1])) as journal:
        journal.records()
    print("done", flush=True)

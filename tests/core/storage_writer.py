"""Child process for tests/core/test_storage.py.

    storage_writer.py safe   JOURNAL TAG COUNT   # JournalDB, each insert under storage.locked()
    storage_writer.py reopen JOURNAL TAG COUNT   # as safe, opening the journal anew for each insert
    storage_writer.py unsafe JOURNAL TAG COUNT   # stock TinyDB + JSONStorage, no lock (control)
    storage_writer.py die    JOURNAL             # SIGKILL itself just before os.replace

safe/reopen/unsafe print "ready", wait for a line on stdin (so both writers start
together), insert COUNT records {"tag": TAG, "n": i} and print how many
inserts raised.
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from tinydb import TinyDB

from tui.core.common import atomic
from tui.core.journal import storage  # the test puts the repository on PYTHONPATH


def wait_for_go() -> None:
    print("ready", flush=True)
    sys.stdin.readline()


def safe(path: str, tag: str, count: int) -> int:
    db = storage.JournalDB(path)
    wait_for_go()
    failures = 0
    for n in range(count):
        try:
            with db.storage.locked():
                db.insert({"tag": tag, "n": n})
        except Exception as exc:  # reported to the parent, which fails the test
            failures += 1
            print(f"error: {exc!r}", file=sys.stderr)
    db.close()
    return failures


def reopen(path: str, tag: str, count: int) -> int:
    wait_for_go()
    failures = 0
    for n in range(count):
        try:
            db = storage.JournalDB(path)
            with db.storage.locked():
                db.insert({"tag": tag, "n": n})
            db.close()
        except Exception as exc:  # reported to the parent, which fails the test
            failures += 1
            print(f"error: {exc!r}", file=sys.stderr)
    return failures


def unsafe(path: str, tag: str, count: int) -> int:
    db = TinyDB(path)
    wait_for_go()
    failures = 0
    for n in range(count):
        try:
            db.insert({"tag": tag, "n": n})
        except Exception:  # the control is expected to trip over the other writer
            failures += 1
    db.close()
    return failures


def die(path: str) -> None:
    db = TinyDB(path, storage=storage.SafeJSONStorage)

    def killed(src: Path, dst: Path) -> None:
        os.kill(os.getpid(), signal.SIGKILL)

    atomic.replace = killed
    db.insert({"never": "saved"})


def main(argv: list[str]) -> int:
    mode, path = argv[1], argv[2]
    if mode == "die":
        die(path)
        return 3  # not reached
    failures = {"safe": safe, "reopen": reopen, "unsafe": unsafe}[mode](path, argv[3], int(argv[4]))
    print(failures, flush=True)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))

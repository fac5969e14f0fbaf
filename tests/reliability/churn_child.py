"""Child process for test_kill_loop.py: churns a journal until it is killed.

    churn_child.py safe|stock JOURNAL SEED RUN

"safe" writes through JournalDB (SafeJSONStorage), each change under its lock;
"stock" writes through TinyDB's own JSONStorage (the control). The child
imports, prints "ready" and waits for a line on stdin (the parent starts it
ahead of time); then it opens the journal and appends, updates and deletes
records until it is killed. Around each
write it prints "want OP ID TAG" and, once the write has returned,
"done OP ID TAG", so the parent knows what was confirmed and what was in flight.
Record contents follow from their TAG alone (see make_record).

The disk is made slow, as real disks are: os.write writes at most 64 KB per
call after 1 ms, and fsync takes 5 ms more. On tmpfs both return at once, and
the kills would hardly ever land inside a write. (Stock JSONStorage writes
through Python's file objects, so only the slow fsync applies to it.)
"""

from __future__ import annotations

import os
import random
import sys
import time
from contextlib import nullcontext
from functools import cache
from itertools import count

TABLE = "records"  # tui.core.journal.journal.TABLE; not imported so the child starts fast
LOW, HIGH = 330, 370  # the journal keeps this many records (> 100 KB)
FSYNC_SECONDS = 0.005
WRITE_SECONDS, WRITE_CHUNK = 0.001, 64 * 1024
WORDS = ("calves", "tight", "easy", "10 km", "hills", "stiff", "Füße", "müde", "après", "tempo")


@cache
def make_record(tag: str) -> dict:
    """A well-formed soreness record whose size varies (200-700 byte notes),
    so that updates and deletions make the file both grow and shrink."""
    rng = random.Random(tag)
    words = []
    size = rng.randint(200, 700)
    while sum(len(w) + 1 for w in words) < size:
        words.append(rng.choice(WORDS))
    return {
        "v": 1,
        "type": "soreness",
        "time": f"2024-11-{rng.randint(1, 21):02d}T07:{rng.randint(0, 59):02d}:00+01:00",
        "overall": rng.randint(0, 10),
        "areas": {"calves": rng.randint(0, 10)},
        "pain": [],
        "note": f"{tag} {' '.join(words)}",
        "session": None,
    }


def slow_fsync(fd: int, real_fsync=os.fsync) -> None:
    time.sleep(FSYNC_SECONDS)
    real_fsync(fd)


def slow_write(fd: int, data, real_write=os.write) -> int:
    time.sleep(WRITE_SECONDS)
    return real_write(fd, data[:WRITE_CHUNK])


def next_op(rng: random.Random, size: int) -> str:
    if size < LOW:
        return "add"
    if size > HIGH:
        return "del"
    return rng.choices(("add", "upd", "del"), weights=(1, 2, 1))[0]


def open_table(mode: str, path: str):
    if mode == "safe":
        db = JournalDB(path)
        return db.table(TABLE), db.storage.locked
    return TinyDB(path).table(TABLE), nullcontext


def churn(mode: str, path: str, seed: str, run: int) -> None:
    table, locked = open_table(mode, path)
    ids = {doc.doc_id for doc in table.all()}
    rng = random.Random(f"{seed}-{run}")
    for k in count():
        op, tag = next_op(rng, len(ids)), f"r{run}k{k}"
        doc_id = max(ids, default=0) + 1 if op == "add" else rng.choice(sorted(ids))
        print(f"want {op} {doc_id} {tag}", flush=True)
        with locked():
            if op == "add":
                if table.insert(make_record(tag)) != doc_id:
                    raise SystemExit(f"expected id {doc_id}")
                ids.add(doc_id)
            elif op == "upd":
                table.update(make_record(tag), doc_ids=[doc_id])
            else:
                table.remove(doc_ids=[doc_id])
                ids.discard(doc_id)
        print(f"done {op} {doc_id} {tag}", flush=True)


if __name__ == "__main__":
    # Imported before "ready", so the parent's timing starts after the imports.
    from tinydb import TinyDB

    from tui.core.journal.storage import JournalDB

    os.fsync, os.write = slow_fsync, slow_write  # looked up at call time
    print("ready", flush=True)
    if not sys.stdin.readline():  # the parent went away without a "go"
        sys.exit(0)
    churn(sys.argv[1], sys.argv[2], sys.argv[3], int(sys.argv[4]))

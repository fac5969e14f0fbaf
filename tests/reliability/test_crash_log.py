"""The crash log keeps every entry when several processes fail at once."""

from __future__ import annotations

import multiprocessing
from pathlib import Path

import pytest

from tui.crash import write_crash_log

WRITERS, ENTRIES = 4, 25


def fail_repeatedly(log: Path, writer: int) -> None:
    for entry in range(ENTRIES):
        try:
            raise RuntimeError(f"writer {writer} entry {entry} end")
        except RuntimeError as error:
            write_crash_log(error, log)


@pytest.mark.slow
def test_simultaneous_crashes_each_keep_their_entry(tmp_path: Path) -> None:
    log = tmp_path / "crash.log"
    context = multiprocessing.get_context("fork")
    writers = [context.Process(target=fail_repeatedly, args=(log, n)) for n in range(WRITERS)]
    for process in writers:
        process.start()
    for process in writers:
        process.join(60)
    text = log.read_text()
    missing = [(w, e) for w in range(WRITERS) for e in range(ENTRIES) if f"writer {w} entry {e} end" not in text]
    assert missing == []
    assert oct(log.stat().st_mode & 0o777) == "0o600"

"""`recovery-tui COMMAND` leaves without the interpreter's teardown
(tui/launch.py): what it printed must still all arrive, a reader that goes
away must not produce a message, and the app must exit the ordinary way."""

from __future__ import annotations

import atexit
import json
import os
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from tests.benchmarks.generate_journal import write_journal
from tui import launch


def command(*args: str) -> subprocess.Popen:
    # Buffered as an installed command is: PYTHONUNBUFFERED would hide a lost buffer.
    env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
    return subprocess.Popen([sys.executable, "-m", "tui", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=env)


@pytest.fixture(scope="module")
def year_of_records(tmp_path_factory) -> tuple[Path, int]:
    journal = tmp_path_factory.mktemp("year") / "journal.json"
    return journal, write_journal(journal, years=1)


def test_piped_output_arrives_in_full(year_of_records):
    journal, count = year_of_records
    process = command("export", "--format", "json", "--journal", str(journal))
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert len(out) > 100_000  # far more than one buffer's worth
    assert len(json.loads(out)) == count


def test_small_output_to_a_pipe_is_not_lost():
    # A pipe is block-buffered: without the flush before leaving, all of it is lost.
    process = command("routines", "--json")
    out, err = process.communicate(timeout=60)
    assert process.returncode == 0, err
    assert {r["id"] for r in json.loads(out)} >= {"post-run-stretches", "runner-yoga"}


def test_a_reader_that_goes_away_ends_the_command_quietly(year_of_records):
    journal, _ = year_of_records
    process = command("export", "--format", "json", "--journal", str(journal))
    assert process.stdout.read(100).startswith(b"[")
    process.stdout.close()  # like `| head`: the rest has nowhere to go
    err = process.stderr.read()
    assert process.wait(timeout=60) == 1
    assert err == b""


def test_exit_status_is_kept():
    process = command("log", "--soreness", "44")
    _, err = process.communicate(timeout=60)
    assert process.returncode == 2
    assert err.decode().count("\n") == 1


def test_leaves_now_only_when_nothing_is_left_to_run(monkeypatch):
    monkeypatch.delitem(sys.modules, "textual", raising=False)
    monkeypatch.setattr(atexit, "_ncallbacks", lambda: 0)  # pytest registers hooks of its own
    assert launch.nothing_left_to_run()

    monkeypatch.setitem(sys.modules, "textual", sys)  # the app ran
    assert not launch.nothing_left_to_run()
    monkeypatch.delitem(sys.modules, "textual")

    monkeypatch.setattr(atexit, "_ncallbacks", lambda: 1)  # something wants to run at exit
    assert not launch.nothing_left_to_run()
    monkeypatch.delattr(atexit, "_ncallbacks")  # not CPython: cannot tell, so no
    assert not launch.nothing_left_to_run()
    monkeypatch.setattr(atexit, "_ncallbacks", lambda: 0, raising=False)

    stop = threading.Event()
    worker = threading.Thread(target=stop.wait)
    worker.start()
    try:
        assert not launch.nothing_left_to_run()
    finally:
        stop.set()
        worker.join()
    assert launch.nothing_left_to_run()


def test_output_that_cannot_be_written_is_reported(tmp_path):
    # /dev/full takes the output and fails with "No space left on device"
    # once it is flushed: at the very end, for output this short.
    with open("/dev/full", "w") as full:
        env = {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}
        done = subprocess.run([sys.executable, "-m", "tui", "--journal", str(tmp_path / "j.json"),
                               "history"], stdout=full, stderr=subprocess.PIPE, env=env, timeout=60)
    assert done.returncode == 1
    assert done.stderr.decode() == ("recovery-tui: the output could not be written: "
                                    "No space left on device\n")

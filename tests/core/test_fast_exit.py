"""How `recovery-tui COMMAND` ends (tui/launch.py): what it printed all
arrives, a reader that goes away gets no message, output that cannot be
written is one line, and closed standard streams do not break a command."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tests.benchmarks.generate_journal import write_journal


def buffered_env() -> dict:
    """Buffered as an installed command is: PYTHONUNBUFFERED would hide a lost buffer."""
    return {k: v for k, v in os.environ.items() if k != "PYTHONUNBUFFERED"}


def command(*args: str) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "tui", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env=buffered_env())


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


def test_output_that_cannot_be_written_is_reported(tmp_path):
    # /dev/full takes the output and fails with "No space left on device"
    # once it is flushed: at the very end, for output this short.
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "tui", "--journal", str(tmp_path / "j.json"),
                               "history"], stdout=full, stderr=subprocess.PIPE, env=buffered_env(),
                              timeout=60)
    assert done.returncode == 1
    assert done.stderr.decode() == ("recovery-tui: the output could not be written: "
                                    "No space left on device\n")


def test_export_to_a_full_disk_says_so_in_one_line(year_of_records):
    journal, _ = year_of_records
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "tui", "export", "--format", "json",
                               "--journal", str(journal)], stdout=full, stderr=subprocess.PIPE,
                              env=buffered_env(), timeout=60)
    assert done.returncode == 1
    assert done.stderr.decode() == "recovery-tui: the output could not be written: No space left on device\n"


def test_a_reader_gone_before_the_end_ends_the_command_quietly(tmp_path):
    # One short line waits in the buffer until the very end, when the pipe is already closed.
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = subprocess.run([sys.executable, "-m", "tui", "--journal", str(tmp_path / "j.json"),
                               "history"], stdout=write_end,
                              stderr=subprocess.PIPE, env=buffered_env(), timeout=60)
    finally:
        os.close(write_end)
    assert done.returncode == 1
    assert done.stderr == b""


@pytest.mark.parametrize("closed", [1, 2])
def test_a_command_started_with_stdout_or_stderr_closed_works(tmp_path, closed):
    # Python then has sys.stdout (or sys.stderr) set to None.
    journal = tmp_path / "journal.json"
    done = subprocess.run([sys.executable, "-m", "tui", "--journal", str(journal), "log", "--soreness", "2"],
                          capture_output=True, env=buffered_env(),
                          preexec_fn=lambda: os.close(closed), timeout=60)
    assert done.returncode == 0, done.stderr
    assert b"Traceback" not in done.stderr
    from tui.core.journal.journal import Journal

    with Journal(journal) as saved:
        assert [r["overall"] for r in saved.records()] == [2]  # saved once: a retry would not double it


@pytest.mark.parametrize("words", [["history", "--json"], ["history"], ["export", "--format", "csv"]],
                         ids=["history-json", "history", "export-csv"])
def test_much_output_to_a_full_disk_is_one_line_not_a_crash(year_of_records, isolated_user_dirs, words):
    # A year of records is far more than one buffer: the write fails while the command runs.
    journal, _ = year_of_records
    with open("/dev/full", "w") as full:
        done = subprocess.run([sys.executable, "-m", "tui", *words, "--journal", str(journal)],
                              stdout=full, stderr=subprocess.PIPE, env=buffered_env(), timeout=60)
    assert done.returncode == 1
    assert done.stderr.decode() == ("recovery-tui: the output could not be written: "
                                    "No space left on device\n")
    assert not list(isolated_user_dirs.rglob("crash.log"))

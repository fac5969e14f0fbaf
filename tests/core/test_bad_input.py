"""Bad command lines and odd stored times: exit 2 and one line (or a problem
record), never a crash log. Run as real processes, with argv as raw bytes."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.journal.journal import Journal

ROOT = Path(__file__).resolve().parents[2]
NOW = "2026-12-02T08:00:00+00:00"
LONG = "x" * 100_000


@pytest.fixture
def cli(tmp_path):
    env = {**os.environ, "RECOVERY_TUI_NOW": NOW, "RECOVERY_TUI_DATA_DIR": str(tmp_path / "data"),
           "RECOVERY_TUI_CONFIG_DIR": str(tmp_path / "config"), "PYTHONPATH": str(ROOT),
           "RECOVERY_TUI_JOURNAL": str(tmp_path / "data" / "journal.json")}

    def run(*argv: str | bytes) -> subprocess.CompletedProcess:
        words = [a if isinstance(a, bytes) else a.encode() for a in argv]
        return subprocess.run([sys.executable.encode(), b"-m", b"tui", *words], env=env,
                              capture_output=True, timeout=60)
    run.data = tmp_path / "data"
    return run


@pytest.mark.parametrize("argv, says", [
    (("log", "--soreness", "3", "--note", b"e\x9b"), "argument --note: is not valid UTF-8 text (byte 0x9b)"),
    (("log", "--soreness", "3", "--date", "0001-01-02"), "argument --date: date '0001-01-02' is out of range"),
    (("log", "--soreness", "3", "--date", "0001-01-01T00:00+01:00"), "is out of range"),
    (("did", "hydrate", "--date", "0001-01-02"), "is out of range"),
    (("log", "--soreness", "1_0"), "argument --soreness: must be a whole number from 0 to 10, got '1_0'"),
    (("log", "--soreness", "+3"), "got '+3'"),
    (("log", "--soreness", "٣"), "got '٣'"),
    (("log", "--area", "calves=+3"), "calves must be rated with a whole number from 0 to 10, got '+3'"),
    (("history", "--limit", "1_0"), "argument --limit: must be a positive whole number, got '1_0'"),
    (("export", "--format", "csv", "--output", ""), "argument --output: needs a file name, got an empty one"),
])
def test_bad_input_exits_2_with_one_line_and_no_crash_log(cli, argv, says):
    done = cli(*argv)
    err = done.stderr.decode()
    assert done.returncode == 2, err
    assert err.count("\n") == 1 and says in err, err
    assert not (cli.data / "crash.log").exists()
    assert not (cli.data / "journal.json").exists()  # nothing saved


@pytest.mark.parametrize("option", ["--soreness", "--date", "--area", "--format"])
def test_a_100000_character_bad_value_is_shortened(cli, option):
    argv = ["export", "--format", LONG] if option == "--format" else ["log", option, LONG]
    done = cli(*argv)
    err = done.stderr.decode()
    assert done.returncode == 2 and err.count("\n") == 1
    assert len(err) < 400, len(err)


def test_a_note_may_start_with_a_minus(cli, tmp_path):
    for note in ("-2+3", "-hills"):
        done = cli("log", "--soreness", "3", "--note", note)
        assert done.returncode == 0, done.stderr
    assert [r["note"] for r in Journal(cli.data / "journal.json").records()] == ["-hills", "-2+3"]
    forgot = cli("log", "--note", "--soreness", "3")  # a forgotten note is still an error
    assert forgot.returncode == 2 and b"--note: expected one argument" in forgot.stderr


def test_a_stored_time_out_of_range_is_a_problem_record_and_the_rest_is_shown(cli):
    assert cli("log", "--soreness", "3", "--note", "kept").returncode == 0
    path = cli.data / "journal.json"
    data = json.loads(path.read_text())
    (good,) = data["records"].values()
    data["records"]["2"] = {**good, "time": "0001-01-01T00:00:00+14:00"}
    path.write_text(json.dumps(data))
    for argv in (("history",), ("history", "--json"), ("export", "--format", "csv")):
        done = cli(*argv)
        out, err = done.stdout.decode(), done.stderr.decode()
        assert done.returncode == 1, err  # records were skipped
        assert "kept" in out
        assert "Record #2" in err and "'time' is out of range" in err and "0001-01-01T00:00:00+14:00" in err
        assert not (cli.data / "crash.log").exists()

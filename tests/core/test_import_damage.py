"""Damaged files of every kind give a run or one ActivityProblem, never
another exception: FIT cut at every length, bytes changed, TCX and GPX cut
short, and hostile file names shown visibly."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from tests.core.cli_support import run
from tui.core.watch.activity import Activity, ActivityProblem
from tui.core.watch.readers import read_activity

DATA = Path(__file__).resolve().parents[1] / "data"
FENIX5 = (DATA / "fit" / "garmin-fenix-5-run.fit").read_bytes()
TCX = (DATA / "tcx" / "test.tcx").read_bytes()


def outcome(name: str, data: bytes) -> str:
    try:
        return "run" if isinstance(read_activity(name, data), Activity) else "?"
    except ActivityProblem as problem:
        return problem.status


@pytest.mark.slow  # fuzzing
def test_a_fit_file_cut_at_every_length():
    outcomes = {outcome("run.fit", FENIX5[:length]) for length in range(len(FENIX5))}
    assert outcomes <= {"run", "damaged"} and "damaged" in outcomes


@pytest.mark.slow  # fuzzing
@settings(max_examples=150, deadline=None)
@given(st.integers(0, len(FENIX5) - 1), st.integers(1, 255))
def test_a_fit_file_with_a_changed_byte(position, flip):
    data = bytearray(FENIX5)
    data[position] ^= flip
    assert outcome("run.fit", bytes(data)) in {"run", "damaged", "not a run", "no clock time"}


@pytest.mark.slow  # fuzzing
@settings(max_examples=60, deadline=None)
@given(st.integers(0, len(TCX)))
def test_a_tcx_file_cut_short(length):
    assert outcome("run.tcx", TCX[:length]) in {"run", "damaged", "no clock time"}


@pytest.mark.slow  # fuzzing
@settings(max_examples=60, deadline=None)
@given(st.binary(max_size=400))
def test_any_bytes_under_any_name(data):
    for name in ("x.fit", "x.tcx", "x.gpx"):
        assert outcome(name, data) in {"run", "damaged", "not a run", "no clock time"}


def test_a_hostile_file_name_is_shown_visibly(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_JOURNAL", str(tmp_path / "j.json"))
    hostile = tmp_path / "\x1b]0;owned\x07run.fit.gz"
    hostile.write_bytes(gzip.compress(b"not a fit file"))
    code, out, _err = run(capsys, "import", "--dry-run", str(hostile))
    assert code == 1 and "\x1b" not in out and "\x07" not in out
    assert out.startswith("\\x1b]0;owned\\x07run") and ": damaged: " in out

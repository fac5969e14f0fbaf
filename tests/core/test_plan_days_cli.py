"""`plan --ended` on real days (issue 24), with a fixed clock: a watch a
little fast, a time still to come today, a second run within two hours."""

from __future__ import annotations

import json

import pytest

from tests.core.cli_support import run
from tui.core.journal.journal import Journal


@pytest.fixture(autouse=True)
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", "2024-11-22T21:49:50+01:00")
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text('bedtime = "23:15"\n')
    monkeypatch.setenv("RECOVERY_TUI_CONFIG_DIR", str(config))
    monkeypatch.setenv("RECOVERY_TUI_JOURNAL", str(tmp_path / "j" / "journal.json"))


@pytest.fixture
def path(tmp_path):
    return tmp_path / "j" / "journal.json"


def runs(path):
    return sorted((r for r in Journal(path).records() if r["type"] == "run"), key=lambda r: r["id"])


def test_a_time_a_minute_ahead_is_just_now(capsys, path):
    code, out, err = run(capsys, "plan", "--ended", "21:50", "--json")
    assert (code, err) == (0, "")
    data = json.loads(out)
    assert data["run"]["ended"] == "2024-11-22T21:49:50+01:00"
    assert "overdue" not in {s["status"] for s in data["steps"]}


def test_a_time_further_ahead_is_refused_with_a_way_to_say_yesterday(capsys, path):
    code, out, err = run(capsys, "plan", "--ended", "22:30")
    assert (code, out) == (2, "")
    assert err == ("recovery-tui: argument --ended: '22:30' is 40 min ahead of the clock (21:49); for a run "
                   "that ended yesterday at 22:30, give the minutes ago: '1399m' (try 'recovery-tui --help')\n")
    assert not path.exists()
    code, out, _ = run(capsys, "plan", "--ended", "1399m")
    assert code == 0 and "Run ended Thu 21 Nov 22:30 · bedtime 23:15" in out

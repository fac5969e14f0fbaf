"""Run records by the names the plan shows (issue 24, smaller things): in
`history`, `history --json` and the JSON export the steps a run did and
skipped are named as the plan in use names them ("Drink", "Cool-down walk"),
beside the ids scripts already read, which stay as they were."""

from __future__ import annotations

import csv
import io
import json
import os
import subprocess
import sys
from datetime import datetime, timedelta, timezone
from pathlib import Path

import pytest

from tests.core.cli_support import run
from tui.core.common.paths import PLAN_FILE
from tui.core.journal.journal import Journal
from tui.core.journal.records import PUBLIC_KEYS

ROOT = Path(__file__).resolve().parents[2]
NOW = datetime(2026, 12, 5, 21, 30, tzinfo=timezone(timedelta(hours=1)))


@pytest.fixture
def path(tmp_path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", NOW.isoformat())
    path = tmp_path / "journal.json"
    with Journal(path, now=lambda: NOW) as journal:
        journal.add_session("post-run-stretches", "Post-run stretches", NOW - timedelta(minutes=20),
                            NOW - timedelta(minutes=6), True, 6, 2, 8, 725.0)
        ran = journal.add_run(NOW - timedelta(minutes=30), "tempo")
        journal.record_practices(ran["id"], ["hydrate", "cool-down-walk", "stretch", "post-run-stretches"])
        journal.skip_steps(ran["id"], ["heat"])
    return path


def test_history_json_names_each_step_beside_its_id(capsys, path):
    code, out, err = run(capsys, "history", "--json", "--journal", str(path))
    assert (code, err) == (0, "")
    session, ran = json.loads(out)  # newest first: the routine ended after the run
    assert list(ran)[:len(PUBLIC_KEYS)] == list(PUBLIC_KEYS)  # the keys scripts read, first and unchanged
    assert ran["practices"] == ["hydrate", "cool-down-walk", "stretch", "post-run-stretches"]
    assert ran["done_steps"] == [{"step": "hydrate", "name": "Drink"},
                                 {"step": "cool-down-walk", "name": "Cool-down walk"},
                                 {"step": "stretch", "name": "Stretch"}]  # the routine ticked the step: once
    assert (ran["skipped"], ran["skipped_steps"]) == (["heat"], [{"step": "heat", "name": "Warm bath"}])
    assert (ran["routine_name"], ran["exercises_skipped"]) == (None, None)
    assert (session["routine"], session["routine_name"]) == ("post-run-stretches", "Post-run stretches")
    assert (session["exercises_skipped"], session["done_steps"], session["skipped"]) == (2, None, None)
    code, exported, _ = run(capsys, "export", "--format", "json", "--journal", str(path))
    assert (code, exported) == (0, out)  # the export is the same JSON
    code, table, _ = run(capsys, "export", "--format", "csv", "--journal", str(path))
    ran_row = next(row for row in csv.DictReader(io.StringIO(table)) if row["type"] == "run")
    assert (ran_row["practices"], ran_row["skipped_steps"]) == ("Drink;Cool-down walk;Stretch", "Warm bath")


def test_history_names_a_runs_steps(capsys, path):
    code, out, _ = run(capsys, "history", "--journal", str(path))
    assert code == 0
    assert "run       tempo run; done: Drink, Cool-down walk, Stretch; skipped: Warm bath" in out
    assert "hydrate" not in out and "heat" not in out


def test_the_names_are_those_of_the_users_plan(capsys, path, tmp_path, monkeypatch):
    config = tmp_path / "config"
    config.mkdir()
    (config / "plan.toml").write_text(PLAN_FILE.read_text().replace('title = "Drink"', 'title = "Water"'))
    monkeypatch.setenv("RECOVERY_TUI_CONFIG_DIR", str(config))
    ran = json.loads(run(capsys, "history", "--json", "--journal", str(path))[1])[1]
    assert ran["done_steps"][0] == {"step": "hydrate", "name": "Water"}
    code, out, _ = run(capsys, "did", "hydrate", "--journal", str(path))
    assert code == 0 and out == ("Updated run record #2 for Saturday 5 December 2026; "
                                 "done: Water, Cool-down walk, Stretch; skipped: Warm bath.\n")


PROBE = """
import contextlib, io, sys
import tui.cli
with contextlib.redirect_stdout(io.StringIO()):
    assert tui.cli.main(sys.argv[1:]) == 0
print("tui.core.plan.definition" in sys.modules, "tui.core.routines.loader" in sys.modules)
"""


def test_history_json_reads_the_plan_and_routines_only_when_needed(tmp_path):
    """The names cost the plan's reading, and the routines': only a run with
    steps pays the first, and only one with a routine no step names the second."""
    path = tmp_path / "journal.json"
    with Journal(path, now=lambda: NOW) as journal:
        journal.add_soreness(3, {"calves": 4}, when=NOW)
        journal.add_run(NOW, None)  # a run with nothing done nor skipped has nothing to name
    env = {**os.environ, "PYTHONPATH": str(ROOT), "RECOVERY_TUI_NOW": NOW.isoformat()}
    command = [sys.executable, "-c", PROBE, "history", "--json", "--journal", str(path)]
    assert subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout == "False False\n"
    with Journal(path, now=lambda: NOW) as journal:
        journal.record_practices(journal.latest(1)[0]["id"], ["hydrate", "foam-rolling"])
    assert subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout == "True False\n"
    with Journal(path, now=lambda: NOW) as journal:
        journal.record_practices(journal.latest(1)[0]["id"], ["runner-yoga"])
    assert subprocess.run(command, env=env, capture_output=True, text=True, check=True).stdout == "True True\n"
    ran = json.loads(subprocess.run([*command[:1], "-m", "tui", *command[3:]], env=env, capture_output=True,
                                    text=True, check=True).stdout)[0]
    assert ran["done_steps"] == [{"step": "hydrate", "name": "Drink"}, {"step": "foam-roll", "name": "Foam rolling"},
                                 {"step": "runner-yoga", "name": "Yoga for runners"}]

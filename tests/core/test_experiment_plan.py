"""The after-run plan shows the arm the coin assigned: heading and step."""

from __future__ import annotations

import json
from datetime import time

from tests.core.cli_support import run
from tests.core.experiment_support import NAMES, START, add_run
from tui.core.experiments.plan_line import plan_notes
from tui.core.experiments.status import start_experiment
from tui.core.journal.journal import Journal
from tui.core.plan.run_plan import PlanSource, run_plan
from tui.core.routines.evidence import shipped_evidence

SOURCE = PlanSource.standard([])


def plan_of(journal, run_record):
    notes = plan_notes(journal, run_record, NAMES, shipped_evidence())
    return run_plan(SOURCE, run_record, START.replace(day=int(run_record["plan_date"][8:])),
                    time(22, 30), "metric", notes)


def test_the_heading_and_the_step_say_with_then_without(tmp_path):
    with Journal(tmp_path / "journal.json") as journal:
        start_experiment(journal, "ice-bath", None, 8, 1, START, NAMES)  # seed 1: with, without, ...
        first = plan_of(journal, add_run(journal, 2, None))
        assert first.heading.splitlines()[0] == "Experiment 1 of 8: ice bath tonight"
        step = next(s for s in first.steps if s.id == "ice-bath")
        assert step.title == "Ice bath: tonight (experiment)" and not step.optional
        second = plan_of(journal, add_run(journal, 3, None))
        assert second.heading.splitlines()[0] == "Experiment 2 of 8: no ice bath tonight — do the rest as usual"
        step = next(s for s in second.steps if s.id == "ice-bath")
        assert step.title == "Ice bath: not tonight (experiment)"
        assert "Leave this one out tonight" in step.detail


def test_a_run_outside_the_experiment_has_no_line(tmp_path):
    with Journal(tmp_path / "journal.json") as journal:
        start_experiment(journal, "ice-bath", "long", 8, 1, START, NAMES)
        easy = plan_of(journal, add_run(journal, 2, None, kind="easy"))
        assert "Experiment" not in easy.heading
        assert all("experiment" not in s.title for s in easy.steps)


def test_a_routine_experiment_marks_the_step_it_carries_out(tmp_path):
    with Journal(tmp_path / "journal.json") as journal:
        start_experiment(journal, "foam-roll", None, 4, 2, START, NAMES)  # seed 2 starts "without"
        planned = plan_of(journal, add_run(journal, 2, None))
        assert planned.heading.startswith("Experiment 1 of 4: no foam rolling tonight")
        assert next(s for s in planned.steps if s.id == "foam-roll").title.endswith("not tonight (experiment)")


def test_plan_on_the_command_line_says_it_too(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_JOURNAL", str(tmp_path / "journal.json"))
    monkeypatch.setenv("RECOVERY_TUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("RECOVERY_TUI_NOW", "2024-11-04T09:00:00+01:00")
    run(capsys, "experiment", "start", "ice-bath", "--seed", "1")
    monkeypatch.setenv("RECOVERY_TUI_NOW", "2024-11-04T18:30:00+01:00")
    code, out, err = run(capsys, "plan")
    assert (code, err) == (0, "")
    assert out.splitlines()[1] == "Experiment 1 of 8: ice bath tonight."
    assert "Ice bath: tonight (experiment) [ice-bath]" in out
    monkeypatch.setenv("RECOVERY_TUI_NOW", "2024-11-05T18:30:00+01:00")
    code, out, _ = run(capsys, "plan", "--json")
    assert json.loads(out)["experiments"] == ["Experiment 2 of 8: no ice bath tonight — do the rest as usual"]

"""What the commands typed most often load, checked in a fresh process
(no timing: sys.modules after the command). Each module named here costs
every run of the command its import time; docs/performance.md has the figures.

- `log` and `history --json` load no dataclasses (with inspect, ast, dis and
  tokenize, about 7 ms), no difflib (only a mistake needs it), nothing of the
  routines, the plan, insights, the phone server or Textual. (`history --json`
  over runs with ticked steps reads the shipped plan for the steps' names:
  cli/export.py's StepNames.)
- `plan` on a journal without an experiment loads none of the experiments'
  progress, status or words (nor insights, which they use).
"""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

RUN = """
import contextlib, io, sys
import tui.cli
for words in {commands!r}:
    with contextlib.redirect_stdout(io.StringIO()), contextlib.redirect_stderr(io.StringIO()) as err:
        code = tui.cli.main(words)
    assert code == 0, (words, code, err.getvalue())
print(" ".join(sorted(sys.modules)))
"""
UI = ("textual", "rich", "tui.serve", "tui.screens")
NEVER_QUICK = ("dataclasses", "inspect", "ast", "difflib", "tomllib", "tui.core.routines", "tui.core.plan",
               "tui.core.insights", "tui.core.experiments", *UI)


def modules_after(commands: list[list[str]], tmp_path) -> set[str]:
    """The modules loaded by running `commands` one after another in one fresh process."""
    env = {**os.environ, "RECOVERY_TUI_NOW": "2026-03-10T21:30:00+01:00",
           "RECOVERY_TUI_DATA_DIR": str(tmp_path / "data"), "RECOVERY_TUI_CONFIG_DIR": str(tmp_path / "config"),
           "RECOVERY_TUI_JOURNAL": str(tmp_path / "journal.json")}
    done = subprocess.run([sys.executable, "-c", RUN.format(commands=commands)], env=env, capture_output=True,
                          text=True, cwd=tmp_path, timeout=60)
    assert done.returncode == 0, done.stderr
    return set(done.stdout.split())


def loaded(modules: set[str], names: tuple[str, ...]) -> list[str]:
    return sorted(m for m in modules if any(m == name or m.startswith(f"{name}.") for name in names))


def seed(tmp_path, ticked: bool = True) -> None:
    """A journal with a run (a step ticked), a rating and today's backup, as after a first evening."""
    modules_after([["plan", "--ended", "20m"], *([["did", "hydrate"]] if ticked else []),
                   ["log", "--soreness", "3"]], tmp_path)


@pytest.mark.parametrize("words", [["log", "--soreness", "4", "--area", "calves=5", "--note", "stairs"],
                                   ["history", "--json", "--limit", "20"]])
def test_the_quick_commands_load_no_dataclasses_and_nothing_of_the_plan(words, tmp_path):
    seed(tmp_path, ticked=words[0] == "log")  # history names ticked steps from the plan (StepNames)
    modules = modules_after([words], tmp_path)
    assert "tui.core.journal.journal" in modules and "platformdirs" in modules  # the command did run
    assert loaded(modules, NEVER_QUICK) == []


def test_plan_without_an_experiment_loads_none_of_the_experiments_code(tmp_path):
    seed(tmp_path)
    modules = modules_after([["plan"]], tmp_path)
    assert "tui.core.plan.evening" in modules and "tui.core.experiments.book" in modules  # it looked for one
    assert loaded(modules, ("tui.core.experiments.progress", "tui.core.experiments.status",
                            "tui.core.experiments.words", "tui.core.insights", "difflib", *UI)) == []

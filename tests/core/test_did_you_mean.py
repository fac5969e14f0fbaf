"""A near miss names what was probably meant, and every usage error points
to the help of the command it is about."""

from __future__ import annotations

import pytest

from tests.core.cli_support import run
from tui.cli.common import did_you_mean


@pytest.mark.parametrize("argv, suggestion, help", [
    (["log", "--area", "calfs=4"], "unknown area 'calfs' (did you mean 'calves'?)", "log"),
    (["log", "--pain", "Hamstring"], "(did you mean 'hamstrings'?)", "log"),
    (["did", "stretching"], "unknown practice 'stretching' (did you mean 'stretch'?)", "did"),
    (["start", "yoga"], "unknown routine 'yoga' (did you mean 'runner-yoga'?)", "start"),
    (["lgo"], "invalid choice: 'lgo' (choose from", None),
    (["histroy"], "(did you mean 'history'?)", None),
    (["plan", "--kind", "esay"], "(did you mean 'easy'?)", "plan"),
    (["export", "--format", "jsno"], "(did you mean 'json'?)", "export"),
])
def test_a_near_miss_gets_did_you_mean_and_the_commands_help(capsys, tmp_path, argv, suggestion, help):
    code, out, err = run(capsys, *argv, *(["--journal", str(tmp_path / "j.json")] if help else []))
    assert code == 2 and out == "" and err.count("\n") == 1, err
    assert suggestion in err, err
    assert err.endswith(f"(try 'recovery-tui{f' {help}' if help else ''} --help')\n"), err
    assert not (tmp_path / "j.json").exists()


@pytest.mark.parametrize("argv, help", [
    (["log"], "log"),  # raised by the command, after parsing
    (["log", "--soreness", "11"], "log"),  # raised by argparse, in the command's parser
    (["history", "--limit", "0"], "history"),
    (["did"], "did"),
    (["--no-such-option"], None),
])
def test_every_usage_error_points_to_the_help_of_its_command(capsys, tmp_path, argv, help):
    code, _out, err = run(capsys, *argv)
    assert code == 2, err
    assert err.endswith(f"(try 'recovery-tui{f' {help}' if help else ''} --help')\n"), err


def test_nothing_close_is_no_suggestion():
    assert did_you_mean("xyzzy", ["stretch", "snack"]) == ""
    assert did_you_mean("", ["stretch"]) == ""
    assert did_you_mean("yoga", ["runner-yoga", "yogurt-snack"]) == " (did you mean 'runner-yoga'?)"

"""A bug in a command still ends in one line and exit 1, never a traceback."""

from __future__ import annotations

import pytest

import tui.journal_cli
from tui.cli import main


def test_unexpected_error_is_one_line_with_a_log(monkeypatch, capsys, isolated_user_dirs, tmp_path):
    secret = "private note 42"

    def broken(args):
        note = secret  # noqa: F841 - a local that must not be printed
        raise RuntimeError("something internal broke")

    monkeypatch.setattr(tui.journal_cli, "cmd_history", broken)
    code = main(["history", "--journal", str(tmp_path / "j.json")])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "unexpected error" in err and "Traceback" not in err
    log = isolated_user_dirs / "data" / "recovery-tui" / "crash.log"
    assert str(log) in err
    assert "something internal broke" in log.read_text() and secret not in log.read_text()


def test_command_modules_list_the_commands_each_registers():
    """cli.COMMAND_MODULES lets `log` import only its own module; it must name
    exactly the commands each module adds, or a command would go missing."""
    import argparse
    import importlib

    from tui.cli_parser import COMMAND_MODULES, add_journal_option

    for name, listed in COMMAND_MODULES.items():
        commands = argparse.ArgumentParser().add_subparsers()
        importlib.import_module(name).register(commands, add_journal_option)
        assert tuple(commands.choices) == listed, name


@pytest.mark.parametrize("argv", [
    ["--journal", "plan", "history", "--limit", "3"],  # "plan" is the journal's name here
    ["log", "--soreness", "3", "--area", "calves=4", "--journal", "j.json"],
    ["--quiet", "run", "legs-up-the-wall"],
    ["routines", "--json"],
    ["validate", "a.toml", "b.toml"],
    ["did", "hydrate"],
    ["doctor"],
    ["--journal", "x.json"],
])
def test_a_command_parses_the_same_with_only_its_own_parser(argv):
    from tui.cli import parse
    from tui.cli_parser import build_parser

    whole = build_parser(argv).parse_args(argv)
    assert vars(parse(argv)) == vars(whole)


def test_only_the_commands_own_parser_is_built():
    from tui.cli_parser import build_parser

    subparsers = build_parser(["log", "--soreness", "3"], whole=False)._subparsers._group_actions[0]
    assert list(subparsers.choices) == ["log"]


def test_no_arguments_parse_as_the_parser_would_without_building_it(monkeypatch):
    """Plain `recovery-tui` skips argparse; what it gets must be what the parser gives."""
    import sys

    from tui.cli import parse
    from tui.cli_parser import build_parser

    monkeypatch.setattr(sys, "argv", ["recovery-tui"])
    assert vars(parse(None)) == vars(build_parser([]).parse_args([]))
    assert vars(parse([])) == vars(build_parser([]).parse_args([]))


def test_opening_the_app_imports_no_argparse():
    import subprocess
    import sys

    code = ("import sys, tui.cli as c; c.cmd_app = lambda args: 0; c.main([]); "
            "print('argparse' in sys.modules)")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_garbage_collection_is_off_for_a_command_and_on_again_after(monkeypatch, capsys, isolated_user_dirs):
    import gc

    import tui.cli

    seen = []
    real = tui.cli.cmd_routines
    monkeypatch.setattr(tui.cli, "cmd_routines", lambda args: seen.append(gc.isenabled()) or real(args))
    assert gc.isenabled()
    assert main(["routines"]) == 0
    assert seen == [False] and gc.isenabled()

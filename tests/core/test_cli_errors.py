"""A bug in a command still ends in one line and exit 1, never a traceback."""

from __future__ import annotations

import pytest

import tui.cli.history
from tui.cli import main


def test_unexpected_error_is_one_line_with_a_log(monkeypatch, capsys, isolated_user_dirs, tmp_path):
    secret = "private note 42"

    def broken(args):
        note = secret  # noqa: F841 - a local that must not be printed
        raise RuntimeError("something internal broke")

    monkeypatch.setattr(tui.cli.history, "cmd_history", broken)
    code = main(["history", "--journal", str(tmp_path / "j.json")])
    out, err = capsys.readouterr()
    assert code == 1 and out == ""
    assert err.count("\n") == 1 and "unexpected error" in err and "Traceback" not in err
    log = isolated_user_dirs / "data" / "recovery-tui" / "crash.log"
    assert str(log) in err
    assert "something internal broke" in log.read_text() and secret not in log.read_text()


# Each command with the least it needs to parse.
COMMAND_LINES = {"start": ["x"], "routines": [], "validate": ["a.toml"], "log": [], "history": [],
                 "export": ["--format", "csv"], "plan": [], "did": ["hydrate"], "import": ["run.fit"], "insights": [],
                 "experiment": ["status"],
                 "doctor": [], "serve": []}


def test_the_top_level_help_lists_every_command(capsys):
    with pytest.raises(SystemExit) as exit:
        main(["--help"])
    out = capsys.readouterr().out
    assert exit.value.code == 0
    commands = out.split("COMMAND\n", 1)[1].split("\n\noptions:")[0]
    assert [line.split()[0] for line in commands.splitlines()] == list(COMMAND_LINES)
    assert "--journal PATH" in out and "Run without a command to open the app." in out


@pytest.mark.parametrize("command", COMMAND_LINES)
def test_each_command_has_help_and_a_handler(command, capsys):
    """Every command's --help works, and the handler its parser names exists."""
    from tui.cli import handler
    from tui.cli.parser import parse

    with pytest.raises(SystemExit) as exit:
        main([command, "--help"])
    assert exit.value.code == 0
    assert capsys.readouterr().out.startswith(f"usage: recovery-tui {command} ")
    assert callable(handler(parse([command, *COMMAND_LINES[command]])))


def test_run_is_a_hidden_alias_of_start(capsys):
    """`run ID` still opens the routine, for people who learned it, but the
    help advertises only `start` ("run" is the workout)."""
    from tui.cli import handler
    from tui.cli.app import cmd_app
    from tui.cli.parser import parse

    for command in ("start", "run"):
        args = parse([command, "legs-up-the-wall", "--quiet"])
        assert handler(args) is cmd_app and args.routine == "legs-up-the-wall" and args.quiet
    with pytest.raises(SystemExit):
        main(["--help"])
    out = capsys.readouterr().out
    assert "  start " in out and "  run " not in out and "{" not in out
    assert main(["strat", "legs-up-the-wall"]) == 2  # a typo lists the commands, `run` left out
    err = capsys.readouterr().err
    assert "invalid choice: 'strat' (choose from 'start', 'routines'," in err and "'run'" not in err


def test_no_command_opens_the_app():
    from tui.cli import handler
    from tui.cli.app import cmd_app
    from tui.cli.parser import parse

    args = parse(["--journal", "x.json"])
    assert handler(args) is cmd_app and args.journal == "x.json" and not args.quiet


@pytest.mark.parametrize("argv", [["log", "--soreness", "3"], ["history", "--json", "--limit", "20"]])
def test_quick_commands_load_neither_the_routines_nor_the_plan(argv, tmp_path):
    """`log` and `history --json` import only their own command module: the
    whole parser is built, but the routine loader, the plan and Textual stay out."""
    import subprocess
    import sys

    code = ("import sys, contextlib, io, tui.cli\n"
            "with contextlib.redirect_stdout(io.StringIO()):\n"
            f"    assert tui.cli.main({[*argv, '--journal', str(tmp_path / 'j.json')]!r}) == 0\n"
            "print(sorted(m for m in sys.modules if m in ('tui.core.routines.loader', 'tui.core.plan.definition', 'textual')"
            " or m.startswith('tui.cli.') and m not in ('tui.cli.common', 'tui.cli.parser', 'tui.cli.arguments', 'tui.cli.output')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == repr([f"tui.cli.{'log' if argv[0] == 'log' else 'export'}"])

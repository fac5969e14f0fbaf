"""A command line builds the top level and its own command's parser only
(cli/parser.py: command_of), and parses exactly as the whole parser does;
help, typos and anything unclear get the whole parser."""

from __future__ import annotations

import pytest

from tui.cli.common import UsageError
from tui.cli.parser import COMMANDS, attach_free_text, build_parser, command_of, parse

WORDS = [
    ["log", "--soreness", "3", "--area", "calves=4", "quads=2", "--note", "-2+3 tight"],
    ["--journal", "log", "plan", "--ended", "20m", "--new"],  # a journal file named "log"
    ["--journal=j.json", "--quiet", "history", "--json", "--limit", "20"],
    ["--voice", "start", "legs-up-the-wall", "--quiet"], ["run", "cool-down-walk"],
    ["did", "hydrate", "snack", "--kind", "easy", "--undo"], ["plan", "--run", "12", "--json"],
    ["export", "--format", "json", "--output", "out.json"], ["import", "a.fit", "b.gpx", "--dry-run"],
    ["experiment", "start", "ice-bath", "--runs", "6"], ["experiment", "status", "--json"],
    ["doctor", "--restore", "latest", "--yes"], ["serve", "--port", "8100", "--host", "0.0.0.0"],
    ["insights", "--json"], ["routines", "--json"], ["validate", "a.toml", "b.toml"], [],
    ["--quiet", "--voice", "--journal", "log"],  # the app, on a journal file named "log"
]


@pytest.mark.parametrize("words", WORDS, ids=lambda words: " ".join(words) or "(none)")
def test_a_command_parses_as_the_whole_parser_parses_it(words):
    assert command_of(words) in {*COMMANDS, ""}  # each of these is plain: one command's parser, or none
    assert parse(words) == build_parser().parse_args(attach_free_text(words))


@pytest.mark.parametrize(("words", "command"), [
    (["log"], "log"), (["--journal", "x.json", "plan"], "plan"), (["--journal=x", "--voice", "did", "x"], "did"),
    (["--journal", "plan", "log"], "log"),
    ([], ""), (["--quiet", "--journal", "log"], ""),  # the app (a journal file named "log")
    (["lgo"], None), (["-h", "log"], None), (["--help"], None), (["--version", "log"], None),
    (["--jour", "x.json", "plan"], None),  # an abbreviation: the whole parser decides what it means
    (["--", "log"], None),
])
def test_the_command_is_told_only_where_it_is_plain(words, command):
    assert command_of(words) == command


def test_only_the_named_command_is_built():
    def listed(parser) -> list[str]:  # the commands the top-level help lists
        return [line.split()[0] for line in parser.format_help().split("COMMAND\n", 1)[1]
                .split("\n\noptions:")[0].splitlines()]

    assert listed(build_parser("plan")) == ["plan"]
    assert "COMMAND" in build_parser("").format_usage()  # the app's: no command's parser made
    assert listed(build_parser()) == [name for name in COMMANDS if name != "run"]  # `run` is not offered


@pytest.mark.parametrize("words", [["log", "--bogus"], ["plan", "--kind", "esay"], ["did"],
                                   ["--quiet=1", "log"], ["history", "--limit", "0"], ["--journal"],
                                   ["--journal", "--quiet"], ["--quiet=yes"]])
def test_a_mistake_reads_the_same_as_with_the_whole_parser(words):
    with pytest.raises(UsageError) as own:
        parse(words)
    with pytest.raises(UsageError) as whole:
        build_parser().parse_args(words)
    assert (str(own.value), own.value.command) == (str(whole.value), whole.value.command)

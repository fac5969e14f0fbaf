"""The README and docs/ say what the code does: the README starts with the
commands CI runs, stays short, lists every command, and its examples work as
written; every link in the pages leads somewhere."""

from __future__ import annotations

import re
import shlex
from pathlib import Path

import pytest

from tests.core.cli_support import run
from tui.cli.common import UsageError
from tui.cli.parser import build_parser, parse

ROOT = Path(__file__).resolve().parents[2]
README = ROOT / "README.md"
PAGES = [README, ROOT / "CONTRIBUTING.md", ROOT / "CHANGELOG.md", *sorted((ROOT / "docs").glob("*.md"))]


def commands_in(line: str) -> list[list[str]]:
    """The commands of one shell line, each as its words (comments dropped)."""
    return [words for part in line.split("&&") if (words := shlex.split(part, comments=True))]


def shell_lines(page: Path) -> list[str]:
    blocks = re.findall(r"^```sh\n(.*?)^```", page.read_text(encoding="utf-8"), re.DOTALL | re.MULTILINE)
    return [line for block in blocks for line in block.splitlines() if line.strip()]


def app_examples(page: Path) -> list[list[str]]:
    """Every `recovery-tui ...` command of the page's shell blocks, without the program's name."""
    return [words[1:] for line in shell_lines(page) for words in commands_in(line)
            if words[0].endswith("recovery-tui")]


def test_the_readme_starts_with_the_two_commands_and_ci_runs_the_second():
    lines = README.read_text(encoding="utf-8").splitlines()
    assert lines[:3] == ["# recovery-tui", "", "```sh"] and lines[5] == "```"
    install_and_run, install_and_test = commands_in(lines[3]), commands_in(lines[4])
    assert install_and_run[-1] == [".venv/bin/recovery-tui"]
    ci = [words for line in (ROOT / ".ci" / "run").read_text().splitlines() for words in commands_in(line)]
    ci = [[word for word in words if word != "--quiet"] for words in ci]  # CI installs quietly
    for command in install_and_test:
        assert command in ci, f"the README's test command {shlex.join(command)!r} is not what .ci/run runs"
    assert install_and_run[:2] == [install_and_test[0], [".venv/bin/pip", "install", "."]]


def test_the_readme_is_short():
    assert len(README.read_text(encoding="utf-8").splitlines()) <= 300


def test_the_readme_lists_every_command_and_no_other():
    listed = set(re.findall(r"^\| `recovery-tui (\w+)", README.read_text(encoding="utf-8"), re.MULTILINE))
    help_text = build_parser().format_help()
    offered = set(re.findall(r"^    (\w+) {2,}", help_text.split("COMMAND", 2)[2], re.MULTILINE))
    assert offered and listed == offered


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_example_command_parses(page):
    for words in app_examples(page):
        try:
            parse(words)
        except UsageError as error:
            pytest.fail(f"{page.name}: recovery-tui {shlex.join(words)}: {error}")


def test_the_readme_examples_work_as_written_on_a_new_journal(capsys, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    block = [words for words in app_examples(README) if words and words[0] not in ("serve", "start")]
    assert [words[0] for words in block][:3] == ["plan", "did", "log"]
    for words in block:
        code, _out, err = run(capsys, *words)
        assert code == 0, f"recovery-tui {shlex.join(words)}: {err}"
    assert (tmp_path / "mine.csv").read_text(encoding="utf-8").count("hills") == 1


def slug(heading: str) -> str:
    """GitHub's anchor for a heading."""
    return re.sub(r"[^\w\- ]", "", heading.strip().lower()).replace(" ", "-")


def anchors(page: Path) -> set[str]:
    text = re.sub(r"^```.*?^```", "", page.read_text(encoding="utf-8"), flags=re.DOTALL | re.MULTILINE)
    return {slug(heading) for heading in re.findall(r"^#+ (.+)$", text, re.MULTILINE)}


@pytest.mark.parametrize("page", PAGES, ids=lambda page: page.name)
def test_every_link_leads_somewhere(page):
    for target in re.findall(r"\]\(([^)\s]+)\)", page.read_text(encoding="utf-8")):
        if re.match(r"[a-z]+:", target):
            continue  # a web address
        path, _, anchor = target.partition("#")
        linked = (page.parent / path).resolve() if path else page
        assert linked.exists(), f"{page.name}: {target}"
        if anchor:
            assert anchor in anchors(linked), f"{page.name}: {target}: no such heading"


def test_the_slug_is_githubs():
    assert slug("`insights --json`") == "insights---json"
    assert slug("Soreness, history and pain") == "soreness-history-and-pain"

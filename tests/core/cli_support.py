"""Run the command line in-process, as the CLI tests do."""

from __future__ import annotations

from tui.cli import main


def run(capsys, *argv):
    """(exit code, stdout, stderr) of `recovery-tui ARGV...`."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err

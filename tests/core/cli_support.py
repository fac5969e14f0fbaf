"""Run the command line in-process, as the CLI tests do."""

from __future__ import annotations

from pathlib import Path

from tui.cli import main
from tui.core.journal.journal import Journal


def run(capsys, *argv):
    """(exit code, stdout, stderr) of `recovery-tui ARGV...`."""
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def evening_plan_env(tmp_path: Path, monkeypatch, now: str) -> None:
    """The clock fixed at `now`, bedtime 23:15, the journal at j/journal.json."""
    monkeypatch.setenv("RECOVERY_TUI_NOW", now)
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text('bedtime = "23:15"\n')
    monkeypatch.setenv("RECOVERY_TUI_CONFIG_DIR", str(config))
    monkeypatch.setenv("RECOVERY_TUI_JOURNAL", str(tmp_path / "j" / "journal.json"))


def runs(path: Path) -> list[dict]:
    """The journal's run records, by id."""
    return sorted((r for r in Journal(path).records() if r["type"] == "run"), key=lambda r: r["id"])

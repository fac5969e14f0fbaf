"""A bug in a command still ends in one line and exit 1, never a traceback."""

from __future__ import annotations

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

"""A journal that is a folder, a clock the journal cannot hold, a note past
its limit: one line and exit 2 on every command that reads the journal,
never the crash log, and nothing written."""

from __future__ import annotations

import pytest

from tests.core.cli_support import run
from tui.core.journal.journal import Journal
from tui.core.journal.records import NOTE_LIMIT

# Every command that opens the journal, with the least it needs to parse.
JOURNAL_COMMANDS = {
    "app": [], "start": ["start", "post-run-stretches"], "log": ["log", "--soreness", "3"], "history": ["history"],
    "history --json": ["history", "--json"], "export": ["export", "--format", "csv"], "plan": ["plan"],
    "did": ["did", "hydrate"], "insights": ["insights"], "doctor": ["doctor"], "serve": ["serve"],
}


@pytest.fixture(autouse=True)
def no_server(monkeypatch):
    """Should `serve` get past its checks, it returns at once instead of serving."""
    import tui.serve.run

    monkeypatch.setattr(tui.serve.run, "serve", lambda *args: 0)


@pytest.fixture(autouse=True)
def no_app(monkeypatch):
    """Should the app get past its checks, it returns at once instead of drawing."""
    import tui.app

    monkeypatch.setattr(tui.app.RecoveryApp, "run", lambda self: None)


def no_crash_log(home) -> bool:
    return not list(home.rglob("crash.log"))


@pytest.mark.parametrize("folder", ["/", ".", "..", "notes/"])
@pytest.mark.parametrize("command", JOURNAL_COMMANDS)
def test_a_journal_that_is_a_folder_is_one_line_and_exit_2(capsys, isolated_user_dirs, tmp_path,
                                                          monkeypatch, command, folder):
    monkeypatch.chdir(tmp_path)
    (tmp_path / "notes").mkdir()
    code, out, err = run(capsys, *JOURNAL_COMMANDS[command], "--journal", folder)
    assert code == 2, err
    assert err.count("\n") == 1 and f"--journal '{folder}' is a folder: name a journal file" in err, err
    assert no_crash_log(isolated_user_dirs)
    assert out == "" and sorted(p.name for p in tmp_path.iterdir()) == ["notes"]


@pytest.mark.parametrize("command", JOURNAL_COMMANDS)
def test_the_journal_variable_naming_a_folder_is_one_line_and_exit_2(capsys, isolated_user_dirs,
                                                                     monkeypatch, command):
    monkeypatch.setenv("RECOVERY_TUI_JOURNAL", "/")
    code, _out, err = run(capsys, *JOURNAL_COMMANDS[command])
    assert code == 2, err
    assert err.count("\n") == 1 and "$RECOVERY_TUI_JOURNAL '/' is a folder" in err, err
    assert no_crash_log(isolated_user_dirs)


@pytest.mark.parametrize("clock, says", [
    (" ", "$RECOVERY_TUI_NOW is not an ISO date-time: ' '"),
    ("now", "$RECOVERY_TUI_NOW is not an ISO date-time: 'now'"),
    ("0001-01-01T00:00", "$RECOVERY_TUI_NOW '0001-01-01T00:00' is out of range (years 1900 to 8999)"),
    ("1899-12-31T23:00+00:00", "is out of range (years 1900 to 8999)"),
    ("9999-12-31T12:00", "$RECOVERY_TUI_NOW '9999-12-31T12:00' is out of range (years 1900 to 8999)"),
])
@pytest.mark.parametrize("command", JOURNAL_COMMANDS)
def test_a_clock_the_journal_cannot_hold_is_one_line_and_exit_2(capsys, isolated_user_dirs, tmp_path,
                                                                monkeypatch, command, clock, says):
    monkeypatch.setenv("RECOVERY_TUI_NOW", clock)
    journal = tmp_path / "journal.json"
    code, out, err = run(capsys, *JOURNAL_COMMANDS[command], "--journal", str(journal))
    assert code == 2, err
    assert err.count("\n") == 1 and says in err, err
    assert out == "" and no_crash_log(isolated_user_dirs)
    assert not journal.exists()


def test_a_note_past_the_limit_is_refused_and_one_at_it_is_saved(capsys, tmp_path):
    journal = tmp_path / "journal.json"
    code, _out, err = run(capsys, "log", "--soreness", "3", "--note", "n" * (NOTE_LIMIT + 1),
                          "--journal", str(journal))
    assert code == 2
    assert err.count("\n") == 1 and f"is 501 characters; a note holds at most {NOTE_LIMIT}" in err, err
    assert not journal.exists()
    code, _out, err = run(capsys, "log", "--soreness", "3", "--note", "n" * NOTE_LIMIT, "--journal", str(journal))
    assert code == 0, err
    assert [len(r["note"]) for r in Journal(journal).records()] == [NOTE_LIMIT]

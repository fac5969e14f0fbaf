"""No escape sequence in a note, a routine, a plan or a file name reaches the
terminal from the command line; the journal keeps the text as typed.

HOSTILE holds what an attacker would plant: a window title (OSC 0), a
clipboard write (OSC 52), a screen clear (CSI 2 J), the C1 form of CSI
(U+009B), DEL and a BEL. Every output is checked for any control character
at all, so a sequence the list forgets is caught too.
"""

from __future__ import annotations

import csv
import io
import json
import re
from datetime import datetime, timedelta, timezone

import pytest

from tests.core.cli_support import run
from tui.core.journal.journal import Journal

NOW = datetime(2024, 11, 22, 9, 12, tzinfo=timezone(timedelta(hours=1)))
HOSTILE = "A\x1b]0;PWNED\x07B\x1b]52;c;aGVsbG8=\x07C\x1b[2JD\x9b31mE\x7fF"
# Any C0 control but newline (and the CR of a CSV line end), DEL, any C1.
CONTROL = re.compile(r"[\x00-\x09\x0b\x0c\x0e-\x1f\x7f-\x9f]|\r(?!\n)")


@pytest.fixture(autouse=True)
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", NOW.isoformat())
    monkeypatch.setenv("RECOVERY_TUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("RECOVERY_TUI_DATA_DIR", str(tmp_path / "data"))
    monkeypatch.setenv("RECOVERY_TUI_JOURNAL", str(tmp_path / "j" / "journal.json"))


@pytest.fixture
def path(tmp_path):
    path = tmp_path / "j" / "journal.json"
    with Journal(path) as journal:
        ended = NOW - timedelta(hours=20)
        journal.add_session("post-run", HOSTILE, ended - timedelta(minutes=12), ended, True, 8, 0, 8, 720)
        journal.add_soreness(3, {"calves": 4}, note=HOSTILE, when=NOW - timedelta(hours=1))
    return path


def assert_clean(*outputs: str) -> None:
    for output in outputs:
        assert CONTROL.search(output) is None, repr(output)


def test_history_shows_control_characters_as_escapes(capsys, path):
    code, out, err = run(capsys, "history")
    assert code == 0 and err == ""
    assert_clean(out)
    assert r"\x1b]0;PWNED\x07" in out and r"\x9b31m" in out and r"\x7f" in out
    assert Journal(path).records()[0]["note"] == HOSTILE  # the data itself is kept


@pytest.mark.parametrize("argv", [("history", "--json"), ("export", "--format", "json")])
def test_json_escapes_c0_del_and_c1_and_reads_back_verbatim(capsys, path, argv):
    code, out, err = run(capsys, *argv)
    assert code == 0 and err == ""
    assert_clean(out)
    assert r"\u001b]0;PWNED\u0007" in out and r"\u009b31m" in out and r"\u007f" in out
    assert [record["note"] for record in json.loads(out)] == [HOSTILE, None]


def test_csv_on_standard_output_shows_control_characters(capsys, path):
    code, out, err = run(capsys, "export", "--format", "csv")
    assert code == 0 and err == ""
    assert_clean(out)
    rows = list(csv.DictReader(io.StringIO(out, newline="")))
    assert rows[0]["note"] == r"A\x1b]0;PWNED\x07B\x1b]52;c;aGVsbG8=\x07C\x1b[2JD\x9b31mE\x7fF"


def test_csv_to_a_file_keeps_the_note_as_typed(capsys, path, tmp_path):
    target = tmp_path / "mine.csv"
    assert run(capsys, "export", "--format", "csv", "--output", str(target))[0] == 0
    rows = list(csv.DictReader(target.open(newline="", encoding="utf-8")))
    assert rows[0]["note"] == HOSTILE


def test_log_with_a_hostile_note_saves_it_and_prints_nothing_raw(capsys, tmp_path):
    code, out, err = run(capsys, "log", "--soreness", "2", "--note", HOSTILE)
    assert code == 0
    assert_clean(out, err)
    (record,) = Journal(tmp_path / "j" / "journal.json").records()
    assert record["note"] == HOSTILE


def hostile_routine(folder, name="Evil", cue="Lean."):
    folder.mkdir(parents=True, exist_ok=True)
    file = folder / "evil.toml"
    file.write_text(
        f'id = "evil"\nname = {json.dumps(name)}\nkind = "stretch"\ndescription = "x"\n'
        f'[[exercises]]\nname = "Calf"\nseconds = 30\nsides = 1\nareas = ["calves"]\n'
        f"cue = {json.dumps(cue)}\n",
        encoding="utf-8",
    )
    return file


def test_validate_refuses_control_characters_and_names_the_field(capsys, tmp_path):
    file = hostile_routine(tmp_path / "r", name=HOSTILE)
    code, out, err = run(capsys, "validate", str(file))
    assert code == 1
    assert_clean(out, err)
    assert err.startswith(f"recovery-tui: {file}: field 'name': must not contain control characters (found \\x1b)\n")


def test_validate_shows_a_hostile_file_name_as_escapes(capsys, tmp_path):
    file = tmp_path / "r\x1b]0;PWNED\x07.toml"
    file.write_text("id = ", encoding="utf-8")
    code, out, err = run(capsys, "validate", str(file))
    assert code == 1
    assert_clean(out, err)
    assert r"r\x1b]0;PWNED\x07.toml" in err


def test_routines_lists_the_rest_and_reports_the_hostile_file(capsys, tmp_path):
    hostile_routine(tmp_path / "config" / "routines", cue="Lean.\x1b[2J")
    code, out, err = run(capsys, "routines")
    assert code == 1
    assert_clean(out, err)
    assert "post-run-stretches" in out and "evil" not in out
    assert "field 'cue': must not contain control characters (found \\x1b)" in err


def test_a_routine_may_have_a_multi_line_description(capsys, tmp_path):
    file = hostile_routine(tmp_path / "r")
    file.write_text(file.read_text().replace('description = "x"', 'description = """one\r\n\ttwo"""'))
    assert run(capsys, "validate", str(file))[0] == 0


def test_plan_reports_a_hostile_plan_file_without_raw_controls(capsys, tmp_path):
    from tui.core.common.paths import builtin_routine_files

    builtin = next(p for p in builtin_routine_files()[0].parent.glob("plan.toml"))
    plan = tmp_path / "config" / "plan.toml"
    plan.parent.mkdir(parents=True)
    plan.write_text(builtin.read_text().replace('title = "Drink"', 'title = "Drink\\u009b2J"'))
    _, out, err = run(capsys, "plan", "--ended", "20m")
    assert_clean(out, err)
    assert "field 'title': must not contain control characters (found \\x9b)" in err


def test_a_usage_error_quotes_the_bad_value_without_raw_controls(capsys):
    code, out, err = run(capsys, "log", "--soreness", "\x1b]0;PWNED\x07")
    assert code == 2
    assert_clean(out, err)
    assert r"\x1b]0;PWNED\x07" in err

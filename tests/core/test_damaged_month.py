"""Issue 24, item 12: one damaged archive month hides nothing else. With one
month truncated, `history`, `history --json` and `insights` show everything
else, name the damaged month in one line and say how to repair it."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from tests.core.cli_support import run
from tests.damaged_month import write_damaged_september
from tui.core.insights.facts import read_facts
from tui.core.journal.journal import Journal

TZ = timezone(timedelta(hours=1))
NOW = datetime(2026, 11, 22, 9, 0, tzinfo=TZ)


@pytest.fixture
def damaged(tmp_path, monkeypatch):
    """Runs with foam rolling (or not) and their morning-after ratings in August,
    September and October; August and September archived, September truncated."""
    path = tmp_path / "journal.json"
    write_damaged_september(path, NOW)
    monkeypatch.setenv("RECOVERY_TUI_JOURNAL", str(path))
    monkeypatch.setenv("RECOVERY_TUI_NOW", NOW.isoformat())
    return path


def one_line_about_september(err: str) -> None:
    lines = [line for line in err.splitlines() if "2026-09" in line]
    assert len(lines) == 1 and "Archive month 2026-09 is damaged and left out" in lines[0]
    assert "everything else is shown" in lines[0] and "recovery-tui doctor" in lines[0]


def test_history_shows_every_other_month(capsys, damaged):
    code, out, err = run(capsys, "history")
    assert code == 1  # a damaged file
    assert out.count("soreness") == 16 and out.count(" run ") + out.count("run;") >= 16
    assert " Aug 2026 " in out and " Oct 2026 " in out and " Sep 2026 " not in out
    one_line_about_september(err)
    assert "Traceback" not in err


def test_history_json_shows_every_other_month(capsys, damaged):
    code, out, err = run(capsys, "history", "--json")
    records = json.loads(out)
    months = {record["time"][:7] for record in records}
    assert code == 1 and months == {"2026-08", "2026-10"} and len(records) == 32
    one_line_about_september(err)


def test_insights_use_every_other_month(capsys, damaged):
    code, out, err = run(capsys, "insights", "--json")
    foam = next(row for row in json.loads(out) if row["practice"] == "foam-roll")
    assert code == 1 and (foam["with_n"], foam["without_n"]) == (8, 8)
    one_line_about_september(err)
    code, out, err = run(capsys, "insights")
    assert "foam rolling" in out.lower()
    one_line_about_september(err)


def test_the_facts_name_the_month(damaged):
    with Journal(damaged, now=lambda: NOW) as journal:
        facts = read_facts(journal)
    assert list(facts.damaged_months) == ["2026-09"] and len(facts.runs) == 16

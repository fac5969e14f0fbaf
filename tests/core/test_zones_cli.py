"""Times right all year (issue 24 §11): the command line in Europe/Berlin and
America/Los_Angeles, across both changes of the clocks. Each moment is shown
by its own date's rules, not by today's UTC offset."""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta
from zoneinfo import ZoneInfo

import pytest

from tests.core.cli_support import run
from tui.core.journal.journal import Journal

BERLIN, LOS_ANGELES = "Europe/Berlin", "America/Los_Angeles"


@pytest.fixture
def zone(monkeypatch, tmp_path):
    """Put the process in a time zone, as TZ=... does for the app."""
    config = tmp_path / "config"
    config.mkdir()
    (config / "settings.toml").write_text('bedtime = "23:15"\n')
    monkeypatch.setenv("RECOVERY_TUI_CONFIG_DIR", str(config))
    monkeypatch.setenv("RECOVERY_TUI_JOURNAL", str(tmp_path / "journal.json"))

    def enter(name: str, now: str) -> Journal:
        monkeypatch.setenv("TZ", name)
        time.tzset()
        monkeypatch.setenv("RECOVERY_TUI_NOW", now)  # a wall time: read in the zone
        return Journal(tmp_path / "journal.json")

    yield enter
    monkeypatch.undo()
    time.tzset()


@pytest.mark.parametrize("name", [BERLIN, LOS_ANGELES])
@pytest.mark.parametrize("now, date, shown", [
    ("2026-12-06T10:00", "2026-07-15T10:00", "Wed 15 Jul 2026 10:00"),  # in winter, a summer time
    ("2026-07-20T10:00", "2026-01-15T10:00", "Thu 15 Jan 2026 10:00"),  # in summer, a winter time
])
def test_log_and_history_say_the_time_that_was_typed(capsys, zone, name, now, date, shown):
    zone(name, now)
    code, out, _ = run(capsys, "log", "--soreness", "3", "--date", date)
    assert code == 0 and f"as record #1 for {shown}," in out
    code, out, _ = run(capsys, "history")
    assert code == 0 and f"#1  {shown}  soreness" in out


def sessions_on(journal: Journal, name: str, days: list[str], clock: str) -> None:
    for day in days:
        ended = datetime.fromisoformat(f"{day}T{clock}").replace(tzinfo=ZoneInfo(name))
        journal.add_session("post-run-stretches", "Post-run stretches", ended - timedelta(minutes=14),
                            ended, True, 8, 0, 8, 840)


@pytest.mark.parametrize("name, days, clock, now", [
    (BERLIN, ["2026-10-24", "2026-10-25", "2026-10-26"], "00:30", "2026-10-26T12:00"),  # clocks back
    (BERLIN, ["2026-03-27", "2026-03-28", "2026-03-29"], "23:30", "2026-03-30T12:00"),  # clocks forward
    (LOS_ANGELES, ["2026-10-30", "2026-10-31", "2026-11-01"], "00:30", "2026-11-02T12:00"),
    (LOS_ANGELES, ["2026-03-06", "2026-03-07", "2026-03-08"], "23:30", "2026-03-09T12:00"),
])
def test_the_streak_counts_days_across_the_change(capsys, zone, name, days, clock, now):
    with zone(name, now) as journal:
        sessions_on(journal, name, days, clock)
    code, out, _ = run(capsys, "history")
    assert code == 0 and out.endswith("Streak: 3 days.\n")
    for day in days:
        assert f" {datetime.fromisoformat(day):%a %d %b %Y} {clock}  session" in out


@pytest.mark.parametrize("name, ended, now, offset", [
    (BERLIN, "2026-10-24T21:00:00+02:00", "2026-10-25T20:00", "+02:00"),
    (LOS_ANGELES, "2026-10-31T21:00:00-07:00", "2026-11-01T20:00", "-07:00"),
])
def test_a_plan_seen_after_the_change_keeps_its_own_times(capsys, zone, name, ended, now, offset):
    with zone(name, now) as journal:
        journal.add_run(datetime.fromisoformat(ended), "easy")
    code, out, _ = run(capsys, "plan", "--run", "1")
    day = datetime.fromisoformat(ended)
    assert code == 0 and f"Easy run ended {day:%a %d %b} 21:00 · bedtime 23:15" in out
    assert "  21:00-21:10     overdue      Cool-down walk" in out
    data = json.loads(run(capsys, "plan", "--run", "1", "--json")[1])
    assert data["run"]["sleep"] == f"{day:%Y-%m-%d}T23:15:00{offset}"

"""A finished routine ticks its step, or says why not (issue 24 §10): the
step's window is as long as its routine, and the rule is put in words."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

from tests.core.cli_support import run
from tui.core.common.paths import PLAN_FILE
from tui.core.common.settings import Settings
from tui.core.plan.definition import load_plan
from tui.core.plan.evening import build_plan
from tui.core.plan.lengths import not_ticked_words, shipped_lengths
from tui.core.routines.timer import Report

ENDED = datetime(2024, 11, 22, 18, 0, tzinfo=timezone(timedelta(hours=1)))


def windows(lengths=None):
    plan, _ = load_plan(None, PLAN_FILE)
    steps = build_plan(plan, ENDED, time(22, 30), "long", "metric", lengths)
    return {s.id: (s.start, s.end) for s in steps}


def test_a_step_window_is_as_long_as_its_routine():
    """Stretch's window was 5 min for a routine of 13:55."""
    plan, _ = load_plan(None, PLAN_FILE)
    lengths = shipped_lengths(plan, Settings())
    assert lengths["post-run-stretches"] == 13 * 60 + 55
    start, end = windows(lengths)["stretch"]
    assert (start, end - start) == (ENDED + timedelta(minutes=25), timedelta(minutes=14))  # whole minutes
    quick = shipped_lengths(plan, Settings(get_ready_seconds=0, switch_sides_seconds=0))
    assert quick["post-run-stretches"] < lengths["post-run-stretches"]


def test_the_command_line_shows_the_routine_long_window(capsys, tmp_path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", ENDED.isoformat())
    monkeypatch.setenv("RECOVERY_TUI_CONFIG_DIR", str(tmp_path / "config"))
    code, out, _ = run(capsys, "--journal", str(tmp_path / "j.json"), "plan", "--ended", "now")
    assert code == 0 and "  18:25-18:39     later        Stretch [stretch]" in out


def report(held: float, planned: float = 960, **kwargs) -> Report:
    return Report((), (), held, False, held_seconds=held, planned_hold_seconds=planned, **kwargs)


def test_why_a_finished_routine_did_not_tick_its_step():
    assert not_ticked_words(report(240)) == ("Held 4 of 16 minutes: not ticked (half the holding time "
                                             "ticks a step). Tick it anyway? d")
    assert not_ticked_words(report(480)) is None  # half: ticked
    assert not_ticked_words(report(60, left=True)) is None  # left before the end: nothing to say

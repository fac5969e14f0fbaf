"""The plan's words, shared by `recovery-tui plan` and the plan screen."""

from __future__ import annotations

from datetime import datetime, time, timedelta, timezone

from tui.core.common.paths import PLAN_FILE
from tui.core.plan.definition import load_plan
from tui.core.plan.evening import build_plan
from tui.core.plan.runs import run_end
from tui.core.plan.view import plan_heading, step_title, window_words

TZ = timezone(timedelta(hours=1))
LATE = datetime(2024, 11, 22, 23, 40, tzinfo=TZ)
AFTER_MIDNIGHT = datetime(2024, 11, 23, 0, 5, tzinfo=TZ)


def late_run() -> dict:
    return {"time": LATE.isoformat(), "run_kind": "easy", "practices": [], "skipped": []}


def test_the_heading_says_the_day_of_last_nights_run():
    assert plan_heading(late_run(), LATE, time(23, 15)) == (
        "Easy run ended 23:40 · bedtime 23:15 · late run: short plan, sleep 00:40")
    assert plan_heading(late_run(), AFTER_MIDNIGHT, time(23, 15)).startswith("Easy run ended Fri 22 Nov 23:40 ·")


def test_a_window_past_midnight_says_the_day_of_each_end():
    steps = {s.id: s for s in build_plan(load_plan(None, PLAN_FILE)[0], run_end(late_run(), LATE), time(23, 15))}
    assert window_words(steps["cool-down-walk"], LATE) == "23:40-23:50"
    assert window_words(steps["sleep"], LATE) == "Sat 00:40"
    assert window_words(steps["hydrate"], LATE) == "23:50-23:55"
    assert window_words(steps["meal"], LATE) == "-"  # dropped: the short plan
    assert steps["meal"].dropped and step_title(steps["meal"]) == "Meal"
    ice = next(s for s in steps.values() if s.optional)
    assert step_title(ice).endswith(" (optional)")

"""The CSV export (issue 24, smaller things): a column for a session's
skipped exercises, times to the second (no microseconds), and a run's
practices and skipped steps by the names the plan shows ("Drink",
"Cool-down walk"), not ids; the formula guard still applies to names."""

from __future__ import annotations

import csv
import io
from datetime import datetime, timedelta, timezone

from tui.core.common.paths import PLAN_FILE
from tui.core.journal.export import CSV_COLUMNS, export_csv
from tui.core.journal.journal import Journal
from tui.core.plan.definition import load_plan
from tui.core.plan.practices import practice_names

TZ = timezone(timedelta(hours=1))
NOW = datetime(2026, 12, 5, 21, 30, 12, 345678, tzinfo=TZ)


def rows(journal, names=None) -> list[dict]:
    out = io.StringIO(newline="")
    export_csv(journal.records(), out, names)
    lines = list(csv.reader(io.StringIO(out.getvalue(), newline="")))
    assert tuple(lines[0]) == CSV_COLUMNS
    return [dict(zip(lines[0], line, strict=True)) for line in lines[1:]]


def test_skipped_exercises_seconds_and_plan_names(tmp_path):
    journal = Journal(tmp_path / "journal.json", now=lambda: NOW)
    journal.add_session("post-run-stretches", "Post-run stretches", NOW - timedelta(minutes=14), NOW,
                        True, 7, 2, 9, 725.5)
    run = journal.add_run(NOW, "long")
    journal.record_practices(run["id"], ["hydrate", "cool-down-walk"])
    journal.skip_steps(run["id"], ["heat"])
    plan = load_plan(None, PLAN_FILE)[0]
    by_type = {row["type"]: row for row in rows(journal, practice_names(plan, []))}
    session, ran = by_type["session"], by_type["run"]
    assert (session["exercises_done"], session["exercises_skipped"], session["exercises_total"]) == ("7", "2", "9")
    assert session["time"] == "2026-12-05T21:30:12+01:00"  # was ...21:30:12.345678+01:00
    assert ran["practices"] == "Drink;Cool-down walk" and ran["skipped_steps"] == "Warm bath"
    assert ran["exercises_skipped"] == session["skipped_steps"] == ""


def test_a_plan_name_that_looks_like_a_formula_is_text(tmp_path):
    journal = Journal(tmp_path / "journal.json", now=lambda: NOW)
    journal.record_practices(journal.add_run(NOW, None)["id"], ["hydrate"])
    plan = load_plan(None, PLAN_FILE)[0]
    hostile = plan.__class__(plan.id, plan.name, plan.description,
                             tuple(s.__class__(**{**s.__dict__, "title": "=1+1"}) if s.id == "hydrate" else s
                                   for s in plan.steps))
    (ran,) = rows(journal, practice_names(hostile, []))
    assert ran["practices"] == "'=1+1"

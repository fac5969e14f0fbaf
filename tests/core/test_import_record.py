"""The run record's fields from a watch file: checked like every field, and
shown in History's detail view."""

from __future__ import annotations

from datetime import datetime, timedelta, timezone

import pytest

from tui.core.journal.journal import Journal
from tui.core.journal.record_view import record_fields
from tui.core.journal.records import FieldError, new_run
from tui.core.plan.practices import PracticeNames

ENDED = datetime(2024, 11, 22, 18, 3, tzinfo=timezone(timedelta(hours=1)))
DETAILS = {
    "started": "2024-11-22T17:06:00+01:00", "duration_s": 3420.0, "moving_s": 3400.0, "distance_m": 6750.0,
    "avg_hr": 147, "max_hr": 176, "laps": 7, "sport": "running", "source": "run.fit", "sha256": "a" * 64,
    "kind_reasons": ["57 min ≥ 1.5× your usual 35 min"], "load": 82.4, "load_formula": "trimp100",
}


def test_history_detail_shows_the_load_and_where_the_run_came_from(tmp_path):
    with Journal(tmp_path / "journal.json", now=lambda: ENDED) as journal:
        run = journal.add_run(ENDED, "long", DETAILS)
        fields = dict(record_fields(journal.run(run["id"]), PracticeNames(), ENDED))
    assert fields["Load"] == "82.4 (TRIMP(100), from heart rate)"
    assert fields["Time"] == "56:40 moving of 57:00"
    assert (fields["Distance"], fields["Heart rate"]) == ("6.75 km", "147 average, 176 max")
    assert (fields["Why this kind"], fields["From"]) == ("57 min ≥ 1.5× your usual 35 min", "run.fit")
    typed = dict(record_fields({**new_run(ENDED), "id": 2}, PracticeNames(), ENDED))
    assert "Load" not in typed  # a typed run has nothing from a watch


@pytest.mark.parametrize(("field", "value"), [
    ("load", "high"), ("load", -1), ("avg_hr", 147.5), ("sha256", "xyz"), ("started", "yesterday"),
    ("kind_reasons", "long"), ("laps", True),
])
def test_a_bad_detail_is_refused_and_a_hand_edited_one_skipped(tmp_path, field, value):
    with pytest.raises(FieldError) as refused:
        new_run(ENDED, "long", {**DETAILS, field: value})
    assert refused.value.field == field
    path = tmp_path / "journal.json"
    with Journal(path, now=lambda: ENDED) as journal:
        run = journal.add_run(ENDED, "long", DETAILS)
    text = path.read_text()
    path.write_text(text.replace('"load":82.4', '"load":"82.4"'))
    with Journal(path, now=lambda: ENDED) as journal:
        assert [r for r in journal.records() if r["id"] == run["id"]] == []
        assert "load" in journal.problems[0]


def test_an_unknown_detail_is_a_bug_not_a_field(tmp_path):
    with pytest.raises(KeyError):
        new_run(ENDED, "long", {"cadence": 170})

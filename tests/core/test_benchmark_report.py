"""The benchmark suite writes its table into docs/performance.md, between
two marker lines, and leaves the hand-written method and notes around it."""

from __future__ import annotations

import re

import pytest

from tests.benchmarks.common import Figure
from tests.benchmarks.report import BEGIN, DOC, END, FIGURES, in_order, markdown_block, with_table, write_table

INFO = {"cpus": 2, "cpu": "Test CPU", "python": "3.11.7", "platform": "Linux-test"}


def table_rows(text: str) -> list[str]:
    inside = text.split(BEGIN, 1)[1].split(END, 1)[0]
    return re.findall(r"^\| (.+?) \| .+ \| .+ \| .+ \|$", inside, re.MULTILINE)[1:]  # without the heading


def figures() -> list[Figure]:
    return [Figure(name, 1.5, "x", "<= 2.0 x", index != 3) for index, name in enumerate(reversed(FIGURES))]


def test_the_performance_page_has_one_row_per_figure_of_the_suite_in_order():
    assert table_rows(DOC.read_text(encoding="utf-8")) == list(FIGURES)


def test_writing_the_table_keeps_the_page_around_it(tmp_path):
    page = tmp_path / "performance.md"
    page.write_text(f"# Performance\n\nThe method.\n\n{BEGIN}\nan old table\n{END}\n\nNotes by hand.\n")
    block = markdown_block(in_order(figures()), INFO, 301.4, "2026-12-06 20:00 UTC", "abc1234")
    write_table(block, page)
    write_table(block, page)  # a second run replaces the table, it does not add one
    text = page.read_text()
    assert text.startswith("# Performance\n\nThe method.\n\n") and text.endswith(f"{END}\n\nNotes by hand.\n")
    assert "an old table" not in text and text.count(BEGIN) == text.count(END) == 1
    assert table_rows(text) == list(FIGURES)
    assert "Latest run: 2026-12-06 20:00 UTC, commit abc1234" in text and f"(301 s): 1 of {len(FIGURES)} targets missed." in text
    assert "| **FAIL** |" in text and "Measured on 2 CPUs (Test CPU), Python 3.11.7, Linux-test" in text


@pytest.mark.parametrize("text", ["# Performance\n\nno markers\n", f"{END}\nreversed\n{BEGIN}\n",
                                  f"{BEGIN}\none\n{END}\n{BEGIN}\ntwo\n{END}\n"])
def test_a_page_without_one_pair_of_markers_is_left_as_it_was(tmp_path, text):
    page = tmp_path / "performance.md"
    page.write_text(text)
    with pytest.raises(ValueError, match="markers"):
        write_table("a new table", page)
    assert page.read_text() == text
    with pytest.raises(ValueError):
        with_table(text, "a new table")

"""The evidence lines are data: the shipped file loads, names real practices,
and a bad file gets one clear message naming the entry and field."""

from __future__ import annotations

import pytest

from tui.core.common.errors import DataFileError
from tui.core.common.paths import EVIDENCE_FILE, builtin_routine_files
from tui.core.plan.definition import STEP_IDS
from tui.core.routines.evidence import load_evidence, shipped_evidence


def test_the_shipped_evidence_names_plan_steps_and_each_has_a_source():
    evidence = shipped_evidence()
    assert set(evidence) <= set(STEP_IDS)
    assert {"ice-bath", "foam-roll", "stretch", "epsom-bath", "nap", "sleep"} <= set(evidence)
    assert all(e.source and e.line for e in evidence.values())
    assert EVIDENCE_FILE not in builtin_routine_files()  # not read as a routine


def test_it_says_kindly_where_a_practice_barely_matters_or_works_another_way():
    evidence = shipped_evidence()
    assert "about 1 point on a 100-point scale" in evidence["stretch"].line
    assert "because it feels good" in evidence["stretch"].line
    assert "magnesium" in evidence["epsom-bath"].line and "warm" in evidence["epsom-bath"].line


def test_a_bad_entry_names_the_file_the_entry_and_the_field(tmp_path):
    path = tmp_path / "evidence.toml"
    path.write_text('[[practice]]\npractice = "ice-bath"\nname = "ice bath"\nsummary = ""\nline = "x"\nsource = "y"\n'
                    '[[practice]]\npractice = "ice-bath"\nname = "a"\nsummary = "b"\nline = "c"\nsource = "d"\nextra = 1\n')
    with pytest.raises(DataFileError) as caught:
        load_evidence(path)
    lines = str(caught.value).splitlines()
    assert f"{path}: practice 1: field 'summary': must not be empty" in lines
    assert f"{path}: practice 2: field 'extra': unknown field (allowed: practice, name, summary, line, source)" in lines


def test_a_file_that_is_not_toml_is_one_clear_error(tmp_path):
    path = tmp_path / "evidence.toml"
    path.write_text("[[practice]\n")
    with pytest.raises(DataFileError, match="invalid TOML"):
        load_evidence(path)


def test_the_readme_gives_what_each_review_found_and_its_source():
    """The README's table is written by hand: it must say what the shipped
    file says, each practice's finding with its first author and year."""
    from pathlib import Path
    readme = (Path(__file__).resolve().parents[2] / "README.md").read_text(encoding="utf-8")
    rows = [line for line in readme.splitlines() if line.startswith("| ") and line.count("|") == 4]
    for practice, entry in shipped_evidence().items():
        authors = [part.strip().split(",")[0].split(" et al")[0] for part in entry.source.split(";")]
        years = [next(w.strip(",") for w in part.split() if w.strip(",").isdigit()) for part in entry.source.split(";")
                 if any(w.strip(",").isdigit() for w in part.split())]
        row = next((r for r in rows if f"| {entry.summary} |" in r), None)
        assert row is not None, f"{practice}: {entry.summary!r} is not in the README's evidence table"
        for author in authors:
            if author != "no systematic review found":
                assert author in row, f"{practice}: {author} missing from {row!r}"
        for year in years:
            assert year in row, f"{practice}: {year} missing from {row!r}"

"""What research says about each practice: routines/evidence.toml, read
with the app's TOML reader and its one error type (file, item, field)."""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache
from pathlib import Path

from tui.core.common.errors import ErrorCollector
from tui.core.common.fields import Fields
from tui.core.common.ids import ID_PATTERN
from tui.core.common.paths import EVIDENCE_FILE
from tui.core.common.tomlfile import read_toml

EVIDENCE_FIELDS = ("practice", "name", "summary", "line", "source")


@dataclass(frozen=True)
class Evidence:
    practice: str  # a plan step id
    name: str  # as in a sentence: "ice bath", "Epsom salt bath"
    summary: str  # a few words: "Reviews: <summary>"
    line: str  # a sentence or two, in our own words
    source: str  # authors, year, journal

    def text(self) -> str:
        """The line with its source, for a step's detail."""
        return f"What reviews found: {self.line} ({self.source})"


def load_evidence(path: Path = EVIDENCE_FILE) -> dict[str, Evidence]:
    """Practice id -> its evidence; DataFileError listing every problem in the file."""
    data = read_toml(path)
    top = Fields(path, data)
    problems = ErrorCollector()
    problems.check(top.check_known, ("practice",))
    entries = problems.check(top.table_list, "practice") or []
    found: dict[str, Evidence] = {}
    for position, entry in enumerate(entries, start=1):
        evidence = problems.check(_entry, path, position, entry)
        if evidence is None:
            continue
        if evidence.practice in found:
            problems.add(Fields(path, entry, f"practice {position}").error("practice", f"'{evidence.practice}' is listed twice"))
        found[evidence.practice] = evidence
    problems.raise_errors()
    return found


def _entry(path: Path, position: int, entry: object) -> Evidence:
    fields = Fields(path, entry, f"practice {position}")
    problems = ErrorCollector()
    problems.check(fields.check_known, EVIDENCE_FIELDS)
    values = [problems.check(fields.text, key) for key in EVIDENCE_FIELDS]
    if values[0] is not None and not ID_PATTERN.match(values[0]):
        problems.add(fields.error("practice", f"'{values[0]}' is not a practice id"))
    problems.raise_errors()
    return Evidence(*values)


@cache
def shipped_evidence() -> dict[str, Evidence]:
    """The shipped file's evidence, read once (a test checks it loads)."""
    return load_evidence()

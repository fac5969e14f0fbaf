"""`history --json` and `export`: every record as JSON or as CSV.

JSON escapes every control character (C1 and DEL too, which json.dumps
leaves as they are with ensure_ascii=False), so the output is safe to show
and reads back to exactly the text in the journal.

CSV is opened by spreadsheets, which run a cell that starts with =, +, -, @,
a tab or a carriage return as a formula (`=HYPERLINK(...)`, `=1+1`). Following
OWASP's advice on CSV injection, a text cell that starts with one of those
(also after leading spaces, and the full-width forms ＝ ＋ － ＠) gets a leading
apostrophe, which spreadsheets take as "this is text" and do not show. This
applies to text only: the columns that hold numbers (ids, ratings, seconds)
are written as numbers and never changed. A note that reads "-2" is text, so
it is written '-2 and a spreadsheet shows -2 as text, never a formula.
"""

from __future__ import annotations

import csv
import json
from collections.abc import Iterable, Iterator
from itertools import chain
from typing import IO, TYPE_CHECKING, Any

from tui.core.common.ids import AREAS
from tui.core.common.terminal_text import json_text
from tui.core.common.when import parse_stored
from tui.core.journal.archive import archive_path
from tui.core.journal.records import PUBLIC_KEYS, to_public
from tui.core.journal.store.errors import JournalCorruptError
from tui.core.plan.practices import PracticeNames

if TYPE_CHECKING:
    from tui.core.journal.journal import Journal

# the CSV: times to the second; a session's skipped exercises beside those
# done; a run's practices and skipped steps by the names the plan shows
CSV_COLUMNS = (*PUBLIC_KEYS[:5], "exercises_skipped", *PUBLIC_KEYS[5:9], *AREAS, "pain", "note", "session",
               "practices", "skipped_steps", "run_kind")

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0", "＝", "＋", "－", "＠")


def journal_records(journal: Journal) -> Iterator[dict]:
    """Every good record, newest first, read one month at a time: the journal
    file's own records, then each archive month. Only one month is held at
    once, so an export of a century of records needs no more memory than one
    of a year. The journal file is read before this returns, so a journal that
    cannot be read fails before anything is written; the skipped records of
    every month end up in `journal.problems`."""
    records = _months(journal)
    first = next(records, None)
    return records if first is None else chain([first], records)


def _months(journal: Journal) -> Iterator[dict]:
    """An export is whole or fails: a damaged archive month, which reads leave
    out (Journal.damaged_months), stops it here."""
    for records in journal.by_month():  # the journal's lock is held until the last month is read
        for month, problem in journal.damaged_months.items():
            raise JournalCorruptError(archive_path(journal.path, month), problem)
        yield from records


def export_json(records: Iterable[dict], file: IO[str]) -> None:
    """A JSON array, written one record at a time, laid out as
    json.dumps(list, indent=2) would lay it out."""
    opened = False
    for record in records:
        dumped = json.dumps(to_public(record), indent=2, ensure_ascii=False)
        file.write(",\n  " if opened else "[\n  ")
        file.write(json_text(dumped.replace("\n", "\n  ")))  # strings hold no raw newline
        opened = True
    file.write("\n]\n" if opened else "[]\n")


def export_csv(records: Iterable[dict], file: IO[str], names: PracticeNames | None = None) -> None:
    """One row per record, one column per area; open `file` with newline="".
    `names` (tui.core.plan.practices) gives the plan's names for practices."""
    names = names or PracticeNames()
    writer = csv.writer(file)
    writer.writerow(CSV_COLUMNS)
    for record in records:
        public = to_public(record)
        areas = public["areas"] or {}
        row = [*(public[key] for key in PUBLIC_KEYS[:5]), record.get("exercises_skipped")]
        row[2] = parse_stored(row[2]).isoformat(timespec="seconds")
        row += [public[key] for key in PUBLIC_KEYS[5:9]]
        row += [areas.get(area) for area in AREAS]
        row += [";".join(public["pain"]) if public["pain"] is not None else None]
        row += [public["note"], public["session"]]
        run = record["type"] == "run"
        row += [";".join(map(names.name, record[key])) if run else None for key in ("practices", "skipped")]
        row += [public["run_kind"]]
        writer.writerow([csv_cell(value) for value in row])


def csv_cell(value: Any) -> Any:
    """A value as a CSV cell: empty for None, true/false, text never a formula."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, str) and (value.startswith(FORMULA_STARTS)
                                   or value.lstrip().startswith(FORMULA_STARTS)):
        return "'" + value
    return value

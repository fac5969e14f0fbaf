"""`history --json` and `export`: every record as JSON or as CSV.

JSON escapes every control character (C1 and DEL too, which json.dumps
leaves as they are with ensure_ascii=False), so the output is safe to show
and reads back to exactly the text in the journal. A run's steps are given
by their ids and by the names the plan in use shows ("hydrate", "Drink").

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
from collections.abc import Callable, Iterable, Iterator
from itertools import chain
from typing import IO, TYPE_CHECKING, Any

from tui.core.common.ids import AREAS
from tui.core.common.terminal_text import json_text
from tui.core.common.when import parse_stored
from tui.core.journal.archive import archive_path
from tui.core.journal.records import PUBLIC_KEYS, to_public
from tui.core.journal.store.errors import JournalCorruptError

if TYPE_CHECKING:
    from tui.core.journal.journal import Journal
    from tui.core.plan.practices import PracticeNames  # loaded when there are names to give

# the CSV: times to the second; a session's skipped exercises beside those
# done; a run's practices and skipped steps by the names the plan shows
CSV_COLUMNS = (*PUBLIC_KEYS[:5], "exercises_skipped", *PUBLIC_KEYS[5:9], *AREAS, "pain", "note", "session",
               "practices", "skipped_steps", "run_kind")

FORMULA_STARTS = ("=", "+", "-", "@", "\t", "\r", "\0", "＝", "＋", "－", "＠")


def journal_records(journal: Journal) -> Iterator[dict]:
    """Every good record, newest first, read a file at a time as `history`
    reads them (Journal.streamed): the journal file, then each archive month
    or part. About one month is held at once, so an export of a century of
    records needs no more memory than one of a year. The journal file is read
    before this returns, so a journal that cannot be read fails before
    anything is written; the skipped records end up in `journal.problems`."""
    records = _whole(journal)
    first = next(records, None)
    return records if first is None else chain([first], records)


def _whole(journal: Journal) -> Iterator[dict]:
    """An export is whole or fails: a damaged archive month, which reads leave
    out (Journal.damaged_months), stops it here, as soon as it is read."""
    for record in journal.streamed():
        _stop_if_damaged(journal)
        yield record
    _stop_if_damaged(journal)


def _stop_if_damaged(journal: Journal) -> None:
    for month, problem in journal.damaged_months.items():
        raise JournalCorruptError(archive_path(journal.path, month), problem)


# beside PUBLIC_KEYS in the JSON (null where they do not apply): a session's
# routine name and skipped exercises; a run's skipped step ids, and its done
# and skipped steps as {"step": id, "name": the name the plan shows}
JSON_NAMED_KEYS = ("routine_name", "exercises_skipped", "skipped", "done_steps", "skipped_steps")


def public_record(record: dict, names: Callable[[list[str]], PracticeNames]) -> dict:
    """to_public(record) and JSON_NAMED_KEYS. `names(ids)` gives the names for
    those ids, called only for a run with steps to name (it reads the plan,
    and the routines if need be: tui.cli.export.StepNames)."""
    public = {**to_public(record), **dict.fromkeys(JSON_NAMED_KEYS)}
    if record["type"] == "session":
        public.update(routine_name=record["routine_name"], exercises_skipped=record["exercises_skipped"])
    elif record["type"] == "run":
        public.update(skipped=list(record["skipped"]), done_steps=_steps(record["practices"], names),
                      skipped_steps=_steps(record["skipped"], names))
    return public


def _steps(ids: list[str], names: Callable[[list[str]], PracticeNames]) -> list[dict]:
    return [{"step": step, "name": name} for step, name in names(ids).named(ids)] if ids else []


def export_json(records: Iterable[dict], file: IO[str], names: Callable[[list[str]], PracticeNames]) -> None:
    """A JSON array of public_record(record, names), written one record at a
    time, laid out as json.dumps(list, indent=2) would lay it out."""
    opened = False
    for record in records:
        dumped = json.dumps(public_record(record, names), indent=2, ensure_ascii=False)
        file.write(",\n  " if opened else "[\n  ")
        file.write(json_text(dumped.replace("\n", "\n  ")))  # strings hold no raw newline
        opened = True
    file.write("\n]\n" if opened else "[]\n")


def export_csv(records: Iterable[dict], file: IO[str], names: PracticeNames | None = None) -> None:
    """One row per record, one column per area; open `file` with newline="".
    `names` (tui.core.plan.practices) gives the plan's names for practices."""
    from tui.core.plan.practices import PracticeNames

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
        row += [";".join(name for _step, name in names.named(record[key])) if run else None
                for key in ("practices", "skipped")]
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

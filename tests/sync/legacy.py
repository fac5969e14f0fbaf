"""A journal as versions before uids saved it, with archive months (for the migration tests)."""

from __future__ import annotations

import json
from datetime import date
from pathlib import Path

from tests.benchmarks.generate_journal import write_journal
from tui.core.journal.archive import archive_folder
from tui.core.journal.records import TABLE

END = date(2026, 12, 5)


def legacy_journal(path: Path, years: float = 1) -> dict[str, bytes]:
    """Write it; return every file's bytes by its path relative to the folder."""
    write_journal(path, years=years, end=END)
    files = {}
    for file in [path, *sorted(archive_folder(path).glob("*.json"))]:
        tables = json.loads(file.read_text("utf-8"))
        for doc in tables.get(TABLE, {}).values():
            doc.pop("uid", None)
        tables.get("meta", {}).get("1", {}).pop("uids", None)
        file.write_text(json.dumps(tables, ensure_ascii=False, separators=(",", ":")), "utf-8")
        files[str(file.relative_to(path.parent))] = file.read_bytes()
    return files


def all_uids(path: Path) -> dict[str, dict[str, str | None]]:
    """Per file, each record's uid as stored (None where it has none yet)."""
    found = {}
    for file in [path, *sorted(archive_folder(path).glob("*.json"))]:
        records = json.loads(file.read_text("utf-8"))[TABLE]
        found[str(file.relative_to(path.parent))] = {key: doc.get("uid") for key, doc in records.items()}
    return found

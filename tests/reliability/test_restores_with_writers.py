"""Issue 12, item 1 under load: writers in several processes while another
restores the latest backup again and again. No confirmed record may vanish
from every file, and no id may name two different records."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from tests.reliability.helpers import child_env
from tui.core.journal.archive import archive_folder

pytestmark = pytest.mark.slow  # see pyproject.toml's markers

WRITER = """
import sys
from datetime import datetime, timezone
from tui.core.journal.journal import Journal
now = datetime(2026, 12, 2, 8, 0, tzinfo=timezone.utc)
path, name, count = sys.argv[1], sys.argv[2], int(sys.argv[3])
for i in range(count):
    when = now if i % 2 else datetime(2026, 8, 1 + i % 28, 8, 0, tzinfo=timezone.utc)  # archived at once
    with Journal(path, now=lambda: now) as journal:
        record = journal.add_soreness(i % 11, note=f"{name}-{i}", when=when)
    print(record["id"], record["note"], flush=True)
"""

RESTORER = """
import sys
from datetime import datetime, timezone
from tui.core.journal.backups import list_backups, restore_backup
path, count = sys.argv[1], int(sys.argv[2])
done = 0
while done < count:
    good = next((info for info in list_backups(path) if info.ok), None)
    if good is None:
        continue
    restore_backup(path, good.path, datetime(2026, 12, 2, 8, 0, done, tzinfo=timezone.utc))
    done += 1
print("restored", done, flush=True)
"""


def test_writers_and_restores_never_reuse_or_lose_ids(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, str(path), f"w{n}", "24"],
                                stdout=subprocess.PIPE, text=True, env=child_env()) for n in range(3)]
    restorer = subprocess.Popen([sys.executable, "-c", RESTORER, str(path), "6"],
                                stdout=subprocess.PIPE, text=True, env=child_env())
    confirmed = {}
    for writer in writers:
        out, _ = writer.communicate(timeout=240)
        assert writer.returncode == 0
        confirmed.update({note: int(key) for key, note in (line.split() for line in out.splitlines())})
    assert restorer.communicate(timeout=240)[0].strip() == "restored 6"
    assert len(confirmed) == 72

    found: dict[int, set[str]] = {}
    beside = [p for p in tmp_path.glob("journal.json*") if p.is_file()]  # the journal and copies moved aside
    for kept in [*beside, *archive_folder(path).glob("*.json")]:
        if kept.name.endswith(".lock"):
            continue
        for key, doc in json.loads(kept.read_text()).get("records", {}).items():
            found.setdefault(int(key), set()).add(doc["note"])
    twice = {key: notes for key, notes in found.items() if len(notes) > 1}
    assert twice == {}
    where = {note: key for key, notes in found.items() for note in notes}
    assert {note: where.get(note) for note in confirmed} == confirmed  # none lost, each under its id

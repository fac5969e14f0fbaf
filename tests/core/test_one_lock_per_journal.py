"""Every process that opens a journal uses the same lock and the same folder
of the app's files, whatever it believes the data folder to be (paths.own_files_folder)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

from tui.core.common.paths import own_files_folder
from tui.core.journal.archive import archive_folder
from tui.core.journal.journal import Journal
from tui.core.journal.store.aside import lock_path_of

WRITER = Path(__file__).with_name("storage_writer.py")
REPO = WRITER.parents[2]
SAVES = 150


def writer(journal: Path, tag: str, data_dir: Path) -> subprocess.Popen[str]:
    """A process that saves SAVES records into `journal`, reopening it for each save as
    a command would, with RECOVERY_TUI_DATA_DIR set to `data_dir`."""
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    env = {**os.environ, "PYTHONPATH": os.pathsep.join([*paths, str(REPO)]), "RECOVERY_TUI_DATA_DIR": str(data_dir)}
    return subprocess.Popen([sys.executable, str(WRITER), "reopen", str(journal), tag, str(SAVES)],
                            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
                            text=True, env=env)


def run_together(children: list[subprocess.Popen[str]]) -> None:
    for child in children:
        assert child.stdout is not None and child.stdout.readline().strip() == "ready"
    for child in children:
        assert child.stdin is not None
        child.stdin.write("go\n")
        child.stdin.flush()
    for child in children:
        out, err = child.communicate(timeout=120)
        assert child.returncode == 0 and out.split()[-1] == "0", err


def saved(journal: Path) -> set[tuple[str, int]]:
    return {(d["tag"], d["n"]) for d in json.loads(journal.read_bytes())["_default"].values()}


@pytest.mark.parametrize("layout", ["new", "from before"])
def test_two_processes_that_disagree_about_the_data_folder_keep_every_save(tmp_path: Path, layout: str) -> None:
    """One takes the journal's folder for its data folder, the other does not (as
    `--journal` with another process's journal, or a different XDG_DATA_HOME).
    Failed before the rule (2 runs of 2): saves failed or were lost, the two used
    different locks and one removed the other's temp file as stale."""
    data = tmp_path / "data"
    data.mkdir(mode=0o700)
    journal = data / "journal.json"
    if layout == "from before":
        (data / "journal.json.lock").touch(mode=0o600)
    run_together([writer(journal, "a", data), writer(journal, "b", tmp_path / "elsewhere")])
    assert saved(journal) == {(tag, n) for tag in "ab" for n in range(SAVES)}
    assert sorted(os.listdir(data)) == (["journal.json", "journal.json.d"] if layout == "new"
                                        else ["journal.json", "journal.json.lock"])


def test_the_same_journal_has_the_same_folder_whatever_the_data_folder(
        tmp_path: Path, monkeypatch) -> None:
    journal = tmp_path / "data" / "journal.json"
    with Journal(journal) as opened:
        opened.add_soreness(3)
    places = []
    for data_dir in (journal.parent, tmp_path / "other"):
        monkeypatch.setenv("RECOVERY_TUI_DATA_DIR", str(data_dir))
        places.append((own_files_folder(journal), lock_path_of(journal), archive_folder(journal)))
    assert places[0] == places[1]
    assert places[0][1] == journal.parent / "journal.json.d" / "journal.json.lock"


def test_a_layout_from_before_copied_without_its_lock_is_still_found(tmp_path: Path) -> None:
    """Its archive months beside it (a copy that left the lock file out) keep it where it is."""
    journal = tmp_path / "data" / "journal.json"
    (tmp_path / "data" / "archive").mkdir(parents=True)
    (tmp_path / "data" / "archive" / "journal-2019-04.json").write_text("{}")
    (tmp_path / "data" / "archive" / "journal-notes.json").write_text("{}")  # not a month: no hint
    assert own_files_folder(journal) == tmp_path / "data"
    assert own_files_folder(tmp_path / "data" / "other.json") == tmp_path / "data" / "other.json.d"

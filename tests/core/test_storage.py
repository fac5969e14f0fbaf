"""Tests for tui/core/journal/storage.py: atomic, private, strict, locked journal storage."""

from __future__ import annotations

import fcntl
import json
import os
import pickle
import queue
import stat
import subprocess
import sys
import threading
from datetime import datetime
from pathlib import Path

import pytest
from tinydb import JSONStorage, Query, TinyDB

from tests.reliability.helpers import unprivileged
from tui.core.common import atomic as storage_mod
from tui.core.journal.storage import JournalDB, SafeJSONStorage
from tui.core.journal.store.aside import lock_path_of, move_aside
from tui.core.journal.store.errors import JournalAccessError, JournalCorruptError, JournalError

WRITER = Path(__file__).with_name("storage_writer.py")
REPO = WRITER.parents[2]
OLD = {"_default": {"1": {"date": "2024-05-01", "hrv": 61}}}


@pytest.fixture(autouse=True)
def in_the_data_folder(tmp_path, monkeypatch):
    """The journal here is in the app's data folder (elsewhere: test_own_folder.py)."""
    monkeypatch.setenv("RECOVERY_TUI_DATA_DIR", str(tmp_path / "data"))



def child_env() -> dict[str, str]:
    """Environment for child processes: they must import this checkout's tui."""
    paths = [p for p in os.environ.get("PYTHONPATH", "").split(os.pathsep) if p]
    return {**os.environ, "PYTHONPATH": os.pathsep.join([*paths, str(REPO)])}


def mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def temp_files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if ".tmp-" in p.name)


def write_raw(path: Path, data: bytes, file_mode: int = 0o600) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(data)
    os.chmod(path, file_mode)
    return path


@pytest.fixture
def journal(tmp_path: Path) -> Path:
    """An existing, valid journal holding OLD."""
    folder = tmp_path / "data"
    folder.mkdir(mode=0o700)
    return write_raw(folder / "journal.json", json.dumps(OLD).encode())


# --- round trip -------------------------------------------------------------


def test_round_trip_through_tinydb(tmp_path: Path) -> None:
    path = tmp_path / "data" / "journal.json"
    db = TinyDB(path, storage=SafeJSONStorage, create_dirs=True)
    a = db.insert({"date": "2024-05-01", "hrv": 61, "note": "easy 8 km, Füße müde"})
    b = db.insert({"date": "2024-05-02", "hrv": 48})
    c = db.table("runs").insert({"km": 12.5, "splits": [5.1, 5.0]})
    db.update({"hrv": 50}, doc_ids=[b])
    db.remove(doc_ids=[a])
    db.close()

    db = TinyDB(path, storage=SafeJSONStorage)
    assert db.all() == [{"date": "2024-05-02", "hrv": 50}]
    assert db.all()[0].doc_id == b
    assert db.table("runs").get(doc_id=c) == {"km": 12.5, "splits": [5.1, 5.0]}
    db.close()
    # compact UTF-8 on disk, readable by any JSON tool
    raw = path.read_bytes()
    assert "Füße".encode() not in raw  # removed entry is really gone
    assert json.loads(raw) == {
        "_default": {str(b): {"date": "2024-05-02", "hrv": 50}},
        "runs": {str(c): {"km": 12.5, "splits": [5.1, 5.0]}},
    }
    assert b", " not in raw


# --- modes ------------------------------------------------------------------


@pytest.mark.parametrize("umask", [0o000, 0o022], ids=["umask-000", "umask-022"])
def test_missing_journal_starts_empty_and_is_created_private(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, umask: int
) -> None:
    folder = tmp_path / "new" / "data"
    monkeypatch.setenv("RECOVERY_TUI_DATA_DIR", str(folder))
    path = folder / "journal.json"
    temp_modes: list[int] = []
    real_replace = storage_mod.replace

    def spy_replace(src: Path, dst: Path) -> None:
        temp_modes.append(mode(src))
        real_replace(src, dst)

    monkeypatch.setattr(storage_mod, "replace", spy_replace)
    old_umask = os.umask(umask)
    try:
        db = TinyDB(path, storage=SafeJSONStorage, create_dirs=True)
        assert db.storage.read() is None
        assert db.all() == []
        assert not path.exists()  # nothing written until there is something to write
        db.insert({"hrv": 55})
        db.close()
    finally:
        os.umask(old_umask)

    assert mode(folder) == 0o700
    assert mode(path) == 0o600
    assert mode(folder / "journal.json.d") == 0o700
    assert mode(folder / "journal.json.d" / "journal.json.lock") == 0o600
    assert temp_modes == [0o600]
    assert temp_files(folder) == []
    assert json.loads(path.read_bytes()) == {"_default": {"1": {"hrv": 55}}}


def test_loose_journal_and_folder_are_tightened_with_notice(journal: Path) -> None:
    os.chmod(journal, 0o644)
    os.chmod(journal.parent, 0o755)
    before = journal.read_bytes()

    storage = SafeJSONStorage(journal)

    assert mode(journal) == 0o600
    assert mode(journal.parent) == 0o700
    assert f"Tightened permissions of {journal} to 0600 (was 0644)." in storage.notices
    assert f"Tightened permissions of {journal.parent} to 0700 (was 0755)." in storage.notices
    assert journal.read_bytes() == before
    storage.close()

    assert SafeJSONStorage(journal).notices == []  # nothing left to tighten


def test_shared_sticky_folder_is_not_chmodded(tmp_path: Path) -> None:
    shared = tmp_path / "shared"
    shared.mkdir()
    os.chmod(shared, 0o1777)
    storage = SafeJSONStorage(shared / "journal.json")
    storage.write({"_default": {}})
    assert mode(shared) == 0o1777
    assert mode(shared / "journal.json") == 0o600


# --- corrupt journals are reported and never overwritten ---------------------

CORRUPT = {
    "empty": (b"", "is empty (0 bytes)"),
    "truncated": (b'{"_default": {"1": {"hrv": 6', "is not valid JSON (line 1, column 29)"),
    "trailing-garbage": (b'{"_default": {}}\n}}', "is not valid JSON (line 2, column 1)"),
    "invalid-utf8": (b'{"_default": {"1": {"note": "\xff\xfe"}}}', "is not valid UTF-8 text"),
    "array": (b'[{"hrv": 61}]', "holds a JSON array where an object of tables was expected"),
    "null": (b"null", "holds JSON null"),
    "table-not-object": (b'{"_default": "oops"}', 'table "_default" that is a JSON string'),
    "entry-not-object": (b'{"_default": {"1": 5}}', 'entry "1" in table "_default"'),
}


@pytest.mark.parametrize("raw, expected", CORRUPT.values(), ids=CORRUPT.keys())
def test_corrupt_journal_is_reported_and_left_untouched(
    tmp_path: Path, raw: bytes, expected: str
) -> None:
    path = write_raw(tmp_path / "journal.json", raw)
    with pytest.raises(JournalCorruptError) as opening:
        TinyDB(path, storage=SafeJSONStorage)  # refused before anything is created
    assert sorted(p.name for p in tmp_path.iterdir()) == ["journal.json"]
    db = TinyDB(path, storage=SafeJSONStorage, check_existing=False)  # as a restore opens it

    with pytest.raises(JournalCorruptError) as info:
        db.storage.read()
    assert str(opening.value) == str(info.value)
    message = str(info.value)
    assert str(path) in message
    assert expected in message
    assert message.endswith("; it was left untouched.")
    assert "\n" not in message and message.count(". ") == 0  # one sentence
    assert info.value.path == path

    with pytest.raises(JournalCorruptError):
        db.insert({"hrv": 1})
    with pytest.raises(JournalCorruptError), db.storage.locked():
        db.table("runs").insert({"km": 5})
    with pytest.raises(JournalCorruptError):
        db.all()
    db.close()

    assert path.read_bytes() == raw
    assert temp_files(tmp_path) == []


def test_folder_where_the_journal_should_be(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    path.mkdir()
    with pytest.raises(JournalAccessError) as info:
        SafeJSONStorage(path)
    assert str(info.value) == f"The journal at {path} is a folder, not a file."

    # ... and if the folder appears after opening
    other = tmp_path / "other.json"
    storage = SafeJSONStorage(other)
    other.mkdir()
    with pytest.raises(JournalAccessError, match="is a folder, not a file"):
        storage.read()
    with pytest.raises(JournalAccessError, match="is a folder, not a file"):
        storage.write({"_default": {}})
    assert other.is_dir() and list(other.iterdir()) == []


def test_parent_is_a_file(tmp_path: Path) -> None:
    (tmp_path / "data").write_text("not a folder")
    with pytest.raises(JournalAccessError) as info:
        SafeJSONStorage(tmp_path / "data" / "journal.json")
    assert str(tmp_path / "data") in str(info.value)


def test_fifo_in_place_of_journal_does_not_hang(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    os.mkfifo(path)
    with pytest.raises(JournalAccessError, match="is not a regular file"):
        SafeJSONStorage(path)


def test_missing_folder_without_create_dirs(tmp_path: Path) -> None:
    path = tmp_path / "nope" / "journal.json"
    with pytest.raises(JournalAccessError, match="does not exist"):
        SafeJSONStorage(path, create_dirs=False)
    assert not path.parent.exists()


PERMISSION_CHILD = """
import json, os, sys
from tui.core.journal.storage import JournalAccessError, SafeJSONStorage
journal = sys.argv[1]
storage = SafeJSONStorage(journal)
messages = []
os.chmod(os.path.dirname(journal), 0o500)  # read-only folder: no temp file possible
try:
    storage.write({"_default": {}})
except JournalAccessError as exc:
    messages.append(str(exc))
os.chmod(journal, 0o000)
try:
    storage.read()
except JournalAccessError as exc:
    messages.append(str(exc))
print(json.dumps(messages))
"""


def test_permission_denied_and_read_only_folder(journal: Path) -> None:
    """In a child process that honours permission bits, also when we are root."""
    try:
        done = subprocess.run(
            **unprivileged([sys.executable, "-c", PERMISSION_CHILD, str(journal)]),
            capture_output=True, text=True, timeout=30, env=child_env(),
        )
    finally:
        os.chmod(journal.parent, 0o700)
        os.chmod(journal, 0o600)
    assert done.returncode == 0, done.stderr
    write_error, read_error = json.loads(done.stdout)
    assert write_error == f"Cannot write the journal at {journal}: permission denied."
    assert read_error == f"Cannot read the journal at {journal}: permission denied."
    assert json.loads(journal.read_bytes()) == OLD


# --- crash at each step of a save ------------------------------------------


def fail_nth(real, n: int, exc: BaseException):
    """Wrap an os function so its n-th call (1-based) raises exc."""
    calls = 0

    def wrapper(*args, **kwargs):
        nonlocal calls
        calls += 1
        if calls == n:
            raise exc
        return real(*args, **kwargs)

    return wrapper


STEPS = {
    "create-temp": ("open", 1),
    "write": ("write", 1),
    "fsync-file": ("fsync", 1),
    "replace": ("replace", 1),
}


@pytest.mark.usefixtures("real_fsync")
@pytest.mark.parametrize("func, nth", STEPS.values(), ids=STEPS.keys())
@pytest.mark.parametrize(
    "exc",
    [OSError(5, "Input/output error"), PermissionError(13, "Permission denied"), KeyboardInterrupt()],
    ids=["EIO", "EACCES", "interrupt"],
)
def test_crash_at_each_step_keeps_old_journal(
    journal: Path, monkeypatch: pytest.MonkeyPatch, func: str, nth: int, exc: BaseException
) -> None:
    before = journal.read_bytes()
    new = {"_default": {"1": {"hrv": 70}, "2": {"hrv": 71}}}
    storage = SafeJSONStorage(journal)

    with monkeypatch.context() as m:
        m.setattr(os, func, fail_nth(getattr(os, func), nth, exc))
        expected = JournalAccessError if isinstance(exc, OSError) else type(exc)
        with pytest.raises(expected) as info:
            storage.write(new)

    assert journal.read_bytes() == before
    assert temp_files(journal.parent) == []
    assert mode(journal) == 0o600
    if isinstance(exc, OSError):
        reason = "permission denied" if isinstance(exc, PermissionError) else "input/output error"
        assert str(info.value) == f"Cannot write the journal at {journal}: {reason}."

    storage.write(new)  # nothing fails now: the new content lands
    assert json.loads(journal.read_bytes()) == new
    assert temp_files(journal.parent) == []


@pytest.mark.usefixtures("real_fsync")
def test_failed_folder_fsync_is_reported_after_the_save(
    journal: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    storage = SafeJSONStorage(journal)
    new = {"_default": {"1": {"hrv": 70}}}
    with monkeypatch.context() as m:
        m.setattr(os, "fsync", fail_nth(os.fsync, 2, OSError(5, "Input/output error")))
        with pytest.raises(JournalAccessError, match="was saved but could not be flushed"):
            storage.write(new)
    assert json.loads(journal.read_bytes()) == new
    assert temp_files(journal.parent) == []


def record_fsyncs_and_renames(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    events: list[str] = []
    real_fsync, real_replace = os.fsync, os.replace

    def fsync(fd: int) -> None:
        events.append("fsync folder" if stat.S_ISDIR(os.fstat(fd).st_mode) else "fsync file")
        real_fsync(fd)

    def replace(src, dst) -> None:
        events.append("rename")
        real_replace(src, dst)

    monkeypatch.setattr(os, "fsync", fsync)
    monkeypatch.setattr(os, "replace", replace)
    return events


@pytest.mark.usefixtures("real_fsync")
def test_a_save_reaches_the_disk_before_and_after_the_rename(journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The app's policy: the new file is flushed before it replaces the
    journal, and the folder after, so the rename survives a power cut."""
    events = record_fsyncs_and_renames(monkeypatch)
    SafeJSONStorage(journal).write({"_default": {"1": {"hrv": 70}}})
    assert events == ["fsync file", "rename", "fsync folder"]


def test_unit_tests_skip_only_the_fsync_call(journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """tests/conftest.py's no_fsync leaves every other step of a save in place."""
    events = record_fsyncs_and_renames(monkeypatch)
    SafeJSONStorage(journal).write({"_default": {"1": {"hrv": 70}}})
    assert events == ["rename"]
    assert json.loads(journal.read_bytes()) == {"_default": {"1": {"hrv": 70}}}
    assert temp_files(journal.parent) == [] and mode(journal) == 0o600


def test_short_writes_are_completed(journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    real_write = os.write
    monkeypatch.setattr(os, "write", lambda fd, data: real_write(fd, bytes(data[:7])))
    new = {"_default": {str(i): {"note": "x" * i} for i in range(1, 30)}}
    SafeJSONStorage(journal).write(new)
    monkeypatch.undo()
    assert json.loads(journal.read_bytes()) == new


def test_unserialisable_data_touches_nothing(journal: Path) -> None:
    before = journal.read_bytes()
    with pytest.raises(TypeError):
        SafeJSONStorage(journal).write({"_default": {"1": {"when": datetime(2024, 5, 1)}}})
    assert journal.read_bytes() == before
    assert temp_files(journal.parent) == []


# --- stale temp files ------------------------------------------------------


def test_killed_writer_leaves_old_journal_and_next_open_cleans_up(journal: Path) -> None:
    before = journal.read_bytes()
    child = subprocess.run(
        [sys.executable, str(WRITER), "die", str(journal)],
        capture_output=True, timeout=30, env=child_env(),
    )
    assert child.returncode == -9, child.stderr.decode()
    leftovers = temp_files(journal.parent)
    assert len(leftovers) == 1 and leftovers[0].startswith(".journal.json.tmp-")
    assert journal.read_bytes() == before

    unrelated = [".other.json.tmp-1-ab", "journal.json.corrupt-20240101-000000", ".journal.json.lockx"]
    for name in unrelated:
        (journal.parent / name).write_text("keep me")

    storage = SafeJSONStorage(journal)
    assert temp_files(journal.parent) == [".other.json.tmp-1-ab"]
    assert all((journal.parent / name).read_text() == "keep me" for name in unrelated)
    assert any("Removed 1 leftover temporary file" in n for n in storage.notices)
    assert storage.read() == OLD


# --- locking ---------------------------------------------------------------


def test_lock_is_reentrant_and_excludes_other_storage_objects(journal: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    first, second = SafeJSONStorage(journal), SafeJSONStorage(journal)
    events: list[str] = []
    attempts: queue.Queue[str] = queue.Queue()
    real_flock = fcntl.flock

    def flock(fd: int, operation: int) -> None:
        """In the other writer's thread, tell whether its lock was granted at
        once or refused, then behave as asked."""
        if threading.current_thread() is thread and operation & fcntl.LOCK_EX:
            try:
                real_flock(fd, operation | fcntl.LOCK_NB)
            except BlockingIOError:
                attempts.put("refused")
                if operation & fcntl.LOCK_NB:
                    raise
            else:
                attempts.put("granted")
                return
        real_flock(fd, operation)

    def other_writer() -> None:
        with second.locked():
            data = second.read()
            events.append(f"second saw {sorted(data['_default'])}")
            data["_default"]["3"] = {"hrv": 3}
            second.write(data)

    monkeypatch.setattr(fcntl, "flock", flock)
    thread = threading.Thread(target=other_writer)
    with first.locked():
        with first.locked():  # re-entrant: no deadlock
            data = first.read()
        thread.start()
        assert attempts.get(timeout=5) == "refused"  # blocked behind our lock
        data["_default"]["2"] = {"hrv": 2}
        first.write(data)  # write() re-enters the lock too
        events.append("first wrote")
    thread.join(5)

    assert events == ["first wrote", "second saw ['1', '2']"]
    assert sorted(first.read()["_default"]) == ["1", "2", "3"]


def lock_is_free(journal: Path) -> bool:
    fd = os.open(lock_path_of(journal), os.O_RDWR)
    try:
        fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        return True
    except BlockingIOError:
        return False
    finally:
        os.close(fd)


def test_close_inside_locked_releases_the_lock_when_the_block_ends(journal: Path) -> None:
    db = JournalDB(journal)
    with db.storage.locked():
        db.insert({"hrv": 2})
        db.close()
        assert not lock_is_free(journal)
    assert lock_is_free(journal)
    assert len(JournalDB(journal)) == 2


def test_control_unlocked_read_modify_write_loses_an_update(journal: Path) -> None:
    """Deterministic control: two stock storages interleave and one write is lost."""
    a, b = JSONStorage(str(journal)), JSONStorage(str(journal))
    data_a, data_b = a.read(), b.read()
    data_a["_default"]["2"] = {"from": "a"}
    a.write(data_a)
    data_b["_default"]["3"] = {"from": "b"}
    b.write(data_b)  # b acted on a stale copy
    a.close(), b.close()
    assert sorted(json.loads(journal.read_bytes())["_default"]) == ["1", "3"]  # "2" lost


def test_stock_table_caches_go_stale_journal_table_does_not(journal: Path) -> None:
    """With the lock, stock TinyDB tables still remember the next id and query
    results from before another writer; JournalTable does not."""
    stock_a = TinyDB(journal, storage=SafeJSONStorage)
    stock_b = TinyDB(journal, storage=SafeJSONStorage)
    stock_a.insert({"hrv": 2})
    assert len(stock_a.search(Query().hrv > 0)) == 2
    with stock_b.storage.locked():
        stock_b.insert({"hrv": 3})
    assert len(stock_a.search(Query().hrv > 0)) == 2  # stale cached result
    with pytest.raises(ValueError, match="already exists"), stock_a.storage.locked():
        stock_a.insert({"hrv": 4})  # stale next id

    fresh_a, fresh_b = JournalDB(journal), JournalDB(journal)
    with fresh_a.storage.locked():
        fresh_a.insert({"hrv": 5})
    assert len(fresh_a.search(Query().hrv > 0)) == 4
    with fresh_b.storage.locked():
        fresh_b.insert({"hrv": 6})
    assert len(fresh_a.search(Query().hrv > 0)) == 5
    with fresh_a.storage.locked():
        fresh_a.insert({"hrv": 7})
    assert sorted(d["hrv"] for d in fresh_b.all()) == [2, 3, 5, 6, 7, 61]
    assert len({d.doc_id for d in fresh_b.all()}) == 6


def run_writers(journal: Path, mode_: str, count: int) -> list[int]:
    """Start two writer processes, release them together, return their failure counts."""
    children = [
        subprocess.Popen(
            [sys.executable, str(WRITER), mode_, str(journal), tag, str(count)],
            stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
            text=True, env=child_env(),
        )
        for tag in ("a", "b")
    ]
    for child in children:
        assert child.stdout.readline().strip() == "ready", child.stderr.read()
    for child in children:
        child.stdin.write("go\n")
        child.stdin.flush()
    failures = []
    for child in children:
        out, err = child.communicate(timeout=60)
        assert child.returncode == 0, err
        failures.append(int(out.split()[-1]))
    return failures


def records(journal: Path) -> set[tuple[str, int]]:
    try:
        docs = json.loads(journal.read_bytes()).get("_default", {}).values()
    except ValueError:  # the control may even leave broken JSON behind
        return set()
    return {(d["tag"], d["n"]) for d in docs}


def test_two_processes_with_the_lock_lose_nothing(tmp_path: Path) -> None:
    journal = tmp_path / "journal.json"
    assert run_writers(journal, "safe", 200) == [0, 0]
    expected = {(tag, n) for tag in "ab" for n in range(200)}
    assert records(journal) == expected
    assert len(json.loads(journal.read_bytes())["_default"]) == 400


def test_control_two_processes_without_the_lock_lose_records(tmp_path: Path) -> None:
    lost = []
    for attempt in range(3):
        journal = tmp_path / f"journal-{attempt}.json"
        run_writers(journal, "unsafe", 200)
        lost.append(400 - len(records(journal)))
        if lost[-1] > 0:
            break
    # In practice the first try loses most records: lost updates, stale ids,
    # and torn writes that leave unparsable JSON for the other process.
    assert lost[-1] > 0, f"stock storage lost nothing in {len(lost)} tries"


# --- move_aside ------------------------------------------------------------

NOW = datetime(2024, 5, 1, 6, 30, 9)


def test_move_aside_keeps_bytes_and_never_overwrites(tmp_path: Path) -> None:
    raw = b'{"_default": {"1": {"hrv": 6\xff'
    path = write_raw(tmp_path / "journal.json", raw)
    taken = [tmp_path / "journal.json.corrupt-20240501-063009", tmp_path / "journal.json.corrupt-20240501-063009-1"]
    for i, other in enumerate(taken):
        other.write_bytes(b"earlier %d" % i)

    moved = move_aside(path, NOW)

    assert moved == tmp_path / "journal.json.corrupt-20240501-063009-2"
    assert moved.read_bytes() == raw
    assert mode(moved) == 0o600
    assert not path.exists()
    assert [p.read_bytes() for p in taken] == [b"earlier 0", b"earlier 1"]

    path.write_bytes(b"[]")
    assert move_aside(path, datetime(2024, 5, 2)) == tmp_path / "journal.json.corrupt-20240502-000000"


def test_move_aside_then_start_fresh_inside_the_lock(tmp_path: Path) -> None:
    path = write_raw(tmp_path / "journal.json", b"")
    db = JournalDB(path, check_existing=False)
    done = threading.Event()

    def recover() -> None:
        with db.storage.locked():  # must not deadlock against move_aside's own lock
            try:
                db.insert({"hrv": 1})
            except JournalCorruptError as exc:
                move_aside(exc.path, NOW)
                db.insert({"hrv": 1})
        done.set()

    threading.Thread(target=recover, daemon=True).start()
    assert done.wait(5)
    assert (tmp_path / "journal.json.corrupt-20240501-063009").read_bytes() == b""
    assert db.all() == [{"hrv": 1}]


def test_move_aside_missing_journal(tmp_path: Path) -> None:
    path = tmp_path / "journal.json"
    with pytest.raises(JournalAccessError) as info:
        move_aside(path, NOW)
    assert str(info.value) == f"Cannot move the journal at {path} aside: it does not exist."


# --- misc ------------------------------------------------------------------


def test_errors_are_journal_errors_with_path_and_message(tmp_path: Path) -> None:
    err = JournalCorruptError(tmp_path / "j.json", "The journal at x is bad; it was left untouched.")
    assert isinstance(err, JournalError) and isinstance(JournalAccessError(tmp_path, "m"), JournalError)
    assert err.path == tmp_path / "j.json"
    assert str(err) == err.message == "The journal at x is bad; it was left untouched."
    copy = pickle.loads(pickle.dumps(err))
    assert (type(copy), copy.path, str(copy)) == (JournalCorruptError, err.path, err.message)


def test_one_file_lock_is_reentrant_in_a_thread_and_exclusive_outside_it(tmp_path: Path) -> None:
    """store/lock.py: a second FileLock on the same file, in the thread that
    holds the first, does not block on it; any other open of the file does."""
    import fcntl
    import threading

    from tui.core.journal.store.lock import FileLock

    path = tmp_path / "journal.json.lock"
    first, second = FileLock(path, tmp_path / "journal.json"), FileLock(path, tmp_path / "journal.json")
    outcome: list[str] = []

    def other_process_tries() -> None:
        fd = os.open(path, os.O_RDWR)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            outcome.append("got it")
        except BlockingIOError:
            outcome.append("kept out")
        finally:
            os.close(fd)

    with first.hold(), second.hold():  # would deadlock if the nested hold flock-ed again
        worker = threading.Thread(target=other_process_tries)
        worker.start()
        worker.join()
    other_process_tries()
    first.close(), second.close()
    assert outcome == ["kept out", "got it"]
    assert stat.S_IMODE(path.stat().st_mode) == 0o600

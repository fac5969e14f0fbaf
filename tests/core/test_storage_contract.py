"""Issue 12, item 11: what TinyDB expects of a storage, checked on ours.

Modelled on what TinyDB's own tests (tests/test_storages.py, test_tinydb.py)
ask of a storage, written anew for SafeJSONStorage, and TinyDB's public API
(insert, update, upsert, remove, search, truncate, several tables) run over it.
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from tinydb import TinyDB, where
from tinydb.table import Document

from tui.core.journal.storage import JournalDB, SafeJSONStorage
from tui.core.journal.store.errors import JournalAccessError

MIXED = {"_default": {"1": {"none": [None, None], "int": 42, "float": 3.14159, "list": ["a", "b"],
                            "dict": {"hp": 13, "sp": 5}, "bool": [True, False], "text": "Füße 🏃"}}}


@pytest.fixture
def path(tmp_path: Path) -> Path:
    return tmp_path / "db.json"


def test_what_write_accepts_read_gives_back(path: Path) -> None:
    storage = SafeJSONStorage(path)
    storage.write(MIXED)
    assert storage.read() == MIXED
    assert SafeJSONStorage(path).read() == MIXED  # and a new storage object too


@pytest.mark.parametrize("data", [
    {"none": [None, None], "int": 42},              # TinyDB's test document: not tables
    {"_default": [1, 2]},                           # a table that is not an object
    {"_default": {"x": {"a": 1}}},                  # an id that is not a whole number
    {"_default": {"1": [1]}},                       # a document that is not an object
    {"_default": {1: {"a": 1}, "1": {"a": 2}}},     # the same id twice
])
def test_write_refuses_what_read_would_refuse_and_touches_nothing(path: Path, data: dict) -> None:
    storage = SafeJSONStorage(path)
    storage.write({"_default": {"1": {"kept": True}}})
    before = path.read_bytes()
    with pytest.raises(ValueError, match="Not saved"):
        storage.write(data)
    assert path.read_bytes() == before
    assert storage.read() == {"_default": {"1": {"kept": True}}}


def test_a_value_json_cannot_hold_is_a_type_error(path: Path) -> None:
    with TinyDB(path, storage=SafeJSONStorage) as db:
        db.insert_multiple([{"int": 1}, {"int": 2}])
        with pytest.raises(TypeError):
            db.insert({"int": db})
        assert db.all() == [{"int": 1}, {"int": 2}]
        with pytest.raises(ValueError):
            db.insert([1, 2, 3])  # not a mapping
        db.insert({"int": 3})  # a failed insert leaves the table usable
        assert [d["int"] for d in db.all()] == [1, 2, 3]


def test_changing_what_read_returned_changes_nothing_stored(path: Path) -> None:
    storage = SafeJSONStorage(path)
    storage.write({"_default": {"1": {"tags": ["easy"], "areas": {"calves": 2}}}})
    with storage.locked():
        first = storage.read()
        first["_default"]["1"]["tags"].append("changed")
        first["_default"]["1"]["areas"]["calves"] = 9
        first["_default"]["2"] = {}
        assert storage.read() == {"_default": {"1": {"tags": ["easy"], "areas": {"calves": 2}}}}
        storage.write(storage.read())
    assert json.loads(path.read_text()) == {"_default": {"1": {"tags": ["easy"], "areas": {"calves": 2}}}}


def test_documents_from_tinydb_are_copies(path: Path) -> None:
    with JournalDB(path) as db:
        db.insert({"practices": ["walk"]})
        with db.storage.locked():
            db.all()[0]["practices"].append("sneaked in")
            db.insert({"practices": []})
        assert db.all() == [{"practices": ["walk"]}, {"practices": []}]


def test_create_dirs_defaults_to_false_like_tinydb(tmp_path: Path) -> None:
    path = tmp_path / "missing" / "db.json"
    with pytest.raises(JournalAccessError, match="does not exist"):
        SafeJSONStorage(path)
    assert not path.parent.exists()
    SafeJSONStorage(path, create_dirs=True).close()
    SafeJSONStorage(path, create_dirs=True).close()  # an existing folder is fine
    assert path.parent.is_dir()


def test_opening_and_closing_writes_nothing(path: Path) -> None:
    TinyDB(path, storage=SafeJSONStorage).close()
    assert not path.exists()
    JournalDB(path).close()
    assert not path.exists()


def test_ids_stay_unique_across_reopening_and_removal(path: Path) -> None:
    with JournalDB(path) as db:
        db.insert({"x": 1})
    with JournalDB(path) as db:
        db.insert({"x": 1})
        assert [d.doc_id for d in db.all()] == [1, 2]
        db.insert_multiple({"x": i} for i in range(5))
        db.remove(where("x") == 2)
        ids = [d.doc_id for d in db.all()]
        assert len(ids) == len(set(ids)) == 6


def test_a_chosen_id_is_kept_and_a_taken_one_refused(path: Path) -> None:
    with JournalDB(path) as db:
        assert db.insert(Document({"a": 1}, doc_id=12)) == 12
        assert db.insert({"a": 2}) == 13
        with pytest.raises(ValueError, match="already exists"):
            db.insert(Document({"a": 3}, doc_id=12))
        assert db.insert_multiple([Document({"b": 1}, doc_id=20), {"b": 2}]) == [20, 21]


def test_tinydb_public_api_over_our_storage(path: Path) -> None:
    with JournalDB(path) as db:
        assert db.insert_multiple({"int": 1, "char": c} for c in "abc") == [1, 2, 3]
        assert db.update({"int": 2}, where("char") == "a") == [1]
        assert db.count(where("int") == 2) == 1
        assert db.upsert({"char": "d", "int": 4}, where("char") == "d") == [4]
        assert db.upsert({"char": "d", "int": 5}, where("char") == "d") == [4]
        assert db.remove(where("char") == "b") == [2]
        assert sorted(d["char"] for d in db.search(where("int") > 1)) == ["a", "d"]
        assert db.get(doc_id=4) == {"char": "d", "int": 5}
        assert db.contains(doc_id=3) and not db.contains(doc_id=2)
        runs = db.table("runs")
        assert runs.insert({"km": 10}) == 1  # ids count per table
        assert db.tables() == {"_default", "runs"}
        runs.truncate()
        assert len(runs) == 0 and len(db) == 3
        db.drop_table("runs")
        assert db.tables() == {"_default"}
    with JournalDB(path) as db:  # all of it was saved
        assert [(d.doc_id, d["char"], d["int"]) for d in db.all()] == [(1, "a", 2), (3, "c", 1), (4, "d", 5)]
        db.drop_tables()
        assert db.insert({"int": 1}) == 1 and len(db) == 1


def test_stock_tinydb_table_over_our_storage(path: Path) -> None:
    """TinyDB's own Table class works on our storage too."""
    with TinyDB(path, storage=SafeJSONStorage) as db:
        db.insert({"name": "A very long entry"})
        db.remove(where("name") == "A very long entry")
        db.insert({"name": "A short one"})
        assert db.get(where("name") == "A short one") == {"name": "A short one"}
        assert len(db) == 1

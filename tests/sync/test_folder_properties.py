"""Property tests of a synced folder, without a sync engine: devices save
on their own copies of one journal; their versions then arrive in any
order, as conflict copies named the way Syncthing, Dropbox or Nextcloud
name them, with the journal opened between arrivals or not. Whatever the
order: exactly the union of records, none twice, each field as it was last
changed, every copy in merged/, and the same records either way."""

from __future__ import annotations

import json
import shutil
import tempfile
from datetime import timedelta
from pathlib import Path
from unittest import mock

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.sync.folder import ENGINES, START, Clock, comparable, copy_folder, records_by_uid
from tui.core.common import atomic
from tui.core.common.paths import own_files_folder
from tui.core.journal.journal import Journal
from tui.core.journal.records import TABLE

STEPS = ("calf-raises", "foam-roll", "walk")
OPS = st.one_of(
    st.tuples(st.just("rate"), st.integers(0, 10)),
    st.tuples(st.just("run"), st.none()),
    st.tuples(st.just("tick"), st.sampled_from(STEPS)),
    st.tuples(st.just("untick"), st.sampled_from(STEPS)),
    st.tuples(st.just("kind"), st.sampled_from(("easy", "long", None))),
)


def apply(journal: Journal, op: str, arg, base_run: int, note: str) -> None:
    if op == "rate":
        journal.add_soreness(arg, note=note, when=START + timedelta(minutes=len(note)))
    elif op == "run":
        journal.add_run(START + timedelta(hours=2, minutes=len(note)))
    elif op == "tick":
        journal.record_practices(base_run, [arg])
    elif op == "untick":
        journal.reopen_steps(base_run, [arg])
    else:
        journal.update_run(base_run, run_kind=arg)


def copy_name(engine: str, n: int, device: int) -> str:
    """How `engine` names the copy of device `device`'s version, the n-th to arrive."""
    moment = START + timedelta(seconds=n)
    if engine == "syncthing":
        return ENGINES[engine]("journal.json", moment, f"DEVICE{device}")
    if engine == "dropbox":
        return ENGINES[engine]("journal.json", moment, f"Device {device}")
    return ENGINES[engine]("journal.json", moment + timedelta(minutes=device))


def deliver(folder: Path, versions: list[Path], order: list[int], engines: list[str], opens: list[bool]) -> Path:
    """The receiving folder: versions[order[0]] as journal.json, the others
    arriving one by one as conflict copies; returns the journal's path."""
    copy_folder(versions[order[0]].parent, folder)
    path = folder / "journal.json"
    for n, index in enumerate(order[1:]):
        shutil.copyfile(versions[index], folder / copy_name(engines[index], n, index))
        if opens[n]:
            with Journal(path, now=lambda: START) as journal:
                journal.records()
    return path


@settings(max_examples=25, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    plans=st.lists(st.lists(OPS, min_size=1, max_size=4), min_size=2, max_size=3),
    data=st.data(),
)
def test_any_order_of_arrival_gives_the_union_with_the_last_change_winning(plans, data):
    no_flush = mock.patch.object(atomic, "fsync_file", lambda fd: None), mock.patch.object(atomic, "fsync_folder", lambda f: None)
    with tempfile.TemporaryDirectory() as tmp, no_flush[0], no_flush[1]:  # the disk's speed is not what is tested
        root = Path(tmp)
        clock = Clock()
        with Journal(root / "base" / "journal.json", now=clock) as journal:
            base_run = journal.add_run(START)["id"]
            journal.add_soreness(2, note="before the fork", when=START)
        devices = []
        for n in range(len(plans)):
            copy_folder(root / "base", root / f"device-{n}")
            devices.append(Journal(root / f"device-{n}" / "journal.json", now=clock))
        turns = data.draw(st.permutations([(n, k) for n, plan in enumerate(plans) for k in range(len(plan))]))
        turns = sorted(turns, key=lambda turn: turn[1])  # each device's ops in its own order
        turns = data.draw(st.permutations(turns)) if len(plans) > 1 else turns
        done = {n: 0 for n in range(len(plans))}
        for n, _ in turns:  # interleaved across devices, in order on each
            op, arg = plans[n][done[n]]
            apply(devices[n], op, arg, base_run, note=f"d{n}-{done[n]}")
            done[n] += 1
        for journal in devices:
            journal.close()
        versions = [root / f"device-{n}" / "journal.json" for n in range(len(plans))]
        made = {}
        for version in versions:
            with Journal(version) as journal:
                made |= records_by_uid(journal)
        engines = data.draw(st.lists(st.sampled_from(sorted(ENGINES)), min_size=len(plans), max_size=len(plans)))
        results = []
        for round_ in range(2):
            order = data.draw(st.permutations(range(len(plans))))
            opens = data.draw(st.lists(st.booleans(), min_size=len(plans), max_size=len(plans)))
            path = deliver(root / f"receiver-{round_}", versions, list(order), engines, opens)
            with Journal(path, now=lambda: START) as journal:
                merged = records_by_uid(journal)
            stored = json.loads(path.read_text())[TABLE]
            assert set(merged) == set(made)  # the union, nothing lost, nothing twice
            assert len(stored) == len(merged)
            assert not [p for p in path.parent.iterdir() if "conflict" in p.name]
            assert len(list((own_files_folder(path) / "merged").iterdir())) == len(plans) - 1
            for uid, record in merged.items():
                if record["type"] == "soreness":
                    assert (record["note"], record["overall"]) == (made[uid]["note"], made[uid]["overall"])
            run = next(r for r in merged.values() if r["type"] == "run" and r["uid"] == base_uid(made, base_run, versions))
            for field in ("practices", "run_kind"):
                assert run[field] == last_change(versions, run["uid"], field)
            results.append(comparable(merged))
        assert results[0] == results[1]  # the same records, whatever the order


def base_uid(made: dict, base_run: int, versions: list[Path]) -> str:
    return json.loads(versions[0].read_text())[TABLE][str(base_run)]["uid"]


def last_change(versions: list[Path], uid: str, field: str):
    """The value of `field` on the device that changed it last (any, if none did)."""
    found = []
    for version in versions:
        doc = next(d for d in json.loads(version.read_text())[TABLE].values() if d["uid"] == uid)
        found.append(((doc.get("changed") or {}).get(field, ""), json.dumps(doc[field]), doc[field]))
    return max(found)[2]

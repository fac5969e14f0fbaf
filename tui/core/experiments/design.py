"""What an experiment is: a practice, the runs it is for, and a schedule
drawn once, in pairs, from its seed.

Blocked randomisation in pairs: each pair of qualifying runs gets one run
"with" the practice and one "without", the order decided by a coin from
random.Random(seed). The schedule is stored when the experiment starts and
checked against its seed whenever it is read, so it cannot be nudged later.
"""

from __future__ import annotations

import random
from dataclasses import dataclass
from datetime import datetime
from typing import Any

from tui.core.common.ids import ID_PATTERN
from tui.core.common.when import parse_stored
from tui.core.journal.records import FieldError, check_moment, check_run_kind

SCHEMA_VERSION = 1
WITH, WITHOUT = "with", "without"
DEFAULT_RUNS = 8
MIN_RUNS = 4
MAX_RUNS = 40  # 2**20 flips for the exact test at most
MAX_SEED = 2**63
NOT_RANDOMISED = ("sleep", "hydrate", "meal", "snack")  # nobody should be told to go without these


def draw_schedule(runs: int, seed: int) -> list[str]:
    """`runs` arms, "with" and "without" once in each pair, in the coin's order."""
    check_runs(runs)
    coin = random.Random(seed)
    schedule: list[str] = []
    for _pair in range(runs // 2):
        schedule += [WITH, WITHOUT] if coin.random() < 0.5 else [WITHOUT, WITH]
    return schedule


def new_seed() -> int:
    """A seed nobody can guess, for an experiment started without --seed."""
    return random.SystemRandom().randrange(MAX_SEED)


def check_runs(runs: Any) -> int:
    if isinstance(runs, bool) or not isinstance(runs, int) or runs < MIN_RUNS or runs % 2 or runs > MAX_RUNS:
        raise FieldError("runs", f"must be an even number from {MIN_RUNS} to {MAX_RUNS}, got {runs!r}")
    return runs


def check_seed(seed: Any) -> int:
    if isinstance(seed, bool) or not isinstance(seed, int) or not 0 <= seed < MAX_SEED:
        raise FieldError("seed", f"must be a whole number from 0 to 2^63 - 1, got {seed!r}")
    return seed


def check_practice(practice: Any) -> str:
    if not isinstance(practice, str) or not ID_PATTERN.match(practice):
        raise FieldError("practice", f"must be a practice id like 'ice-bath', got {practice!r}")
    return practice


@dataclass(frozen=True)
class Experiment:
    id: int | None  # its doc id in the experiments table; None before it is saved
    practice: str
    after: str | None  # a run kind, or None for every run
    runs: int
    seed: int
    schedule: tuple[str, ...]
    started: datetime
    stopped: datetime | None = None

    def to_doc(self) -> dict:
        return {"v": SCHEMA_VERSION, "practice": self.practice, "after": self.after, "runs": self.runs,
                "seed": self.seed, "schedule": list(self.schedule), "started": self.started.isoformat(),
                "stopped": None if self.stopped is None else self.stopped.isoformat()}


def new_experiment(practice: str, after: str | None, runs: int, seed: int, started: datetime) -> Experiment:
    """An experiment not yet saved; FieldError if it would not check out."""
    doc = {"v": SCHEMA_VERSION, "practice": practice, "after": after, "runs": runs, "seed": seed,
           "schedule": draw_schedule(check_runs(runs), check_seed(seed)),
           "started": check_moment(started, "started").isoformat(), "stopped": None}
    return from_doc(None, doc)


def from_doc(doc_id: int | None, doc: Any) -> Experiment:
    """An experiment from its stored doc; FieldError names the first bad field."""
    if not isinstance(doc, dict):
        raise FieldError("experiment", f"must be an object, got {doc!r}")
    version = doc.get("v")
    if isinstance(version, bool) or not isinstance(version, int) or version > SCHEMA_VERSION:
        raise FieldError("v", f"must be a schema version up to {SCHEMA_VERSION}, got {version!r}")
    runs, seed = check_runs(doc.get("runs")), check_seed(doc.get("seed"))
    schedule = doc.get("schedule")
    if schedule != draw_schedule(runs, seed):
        raise FieldError("schedule", "is not the one its seed gives: it was changed after the experiment started")
    started = _moment(doc, "started")
    stopped = None if doc.get("stopped") is None else _moment(doc, "stopped")
    if stopped is not None and stopped < started:
        raise FieldError("stopped", "is before 'started'")
    return Experiment(doc_id, check_practice(doc.get("practice")), check_run_kind_of(doc.get("after")),
                      runs, seed, tuple(schedule), started, stopped)


def check_run_kind_of(kind: Any) -> str | None:
    try:
        return check_run_kind(kind)
    except FieldError as error:
        raise FieldError("after", error.reason) from None


def _moment(doc: dict, field: str) -> datetime:
    try:
        return parse_stored(doc.get(field))
    except ValueError as error:
        raise FieldError(field, str(error)) from None

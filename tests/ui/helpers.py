"""Build apps for tests: the shipped routines, a fake clock, a fixed wall clock."""

from __future__ import annotations

import asyncio
import time
from contextlib import suppress
from datetime import datetime, timedelta, timezone

from textual.worker import WorkerError, WorkerState

from tests.clock import FakeClock
from tui.app import RecoveryApp
from tui.core.common.paths import builtin_routine_files
from tui.core.journal.journal import Journal
from tui.core.routines.loader import load_library

FIXED_NOW = datetime(2026, 11, 22, 7, 40, tzinfo=timezone(timedelta(hours=1)))
EVENING = FIXED_NOW.replace(hour=21, minute=50)


class FakeWallClock:
    """Wall time that follows a FakeClock, so records get deterministic times."""

    def __init__(self, clock: FakeClock, start: datetime = FIXED_NOW) -> None:
        self.clock = clock
        self.origin = clock.now
        self.start = start

    def __call__(self) -> datetime:
        return self.start + timedelta(seconds=self.clock.now - self.origin)


def make_app(clock: FakeClock | None = None, user_dir=None, journal_path=None, **kwargs) -> RecoveryApp:
    """An app on a fake clock; with `journal_path`, a real journal whose times follow it."""
    clock = clock or FakeClock()
    library = load_library(builtin_routine_files(), user_dir)
    kwargs.setdefault("quiet", True)
    wall = kwargs.pop("now", None) or FakeWallClock(clock)
    if journal_path is not None:
        kwargs["journal"] = Journal(journal_path, now=wall)
    return RecoveryApp(library, clock=clock, now=wall, **kwargs)


def sample_journal(path) -> Journal:
    """Four weeks of runs, routines and ratings at fixed times: enough for
    history trends and for insights to have something to say."""
    journal = Journal(path)
    for day in range(28, 0, -1):
        ended = FIXED_NOW - timedelta(days=day, hours=1)
        rolled = day % 2 == 0
        run = journal.add_run(ended - timedelta(minutes=20), "long" if day % 7 == 0 else "easy")
        journal.record_practices(run["id"], ["hydrate", "stretch"] + (["foam-roll"] if rolled else []))
        journal.add_session("post-run-stretches", "Post-run stretches", ended - timedelta(minutes=13),
                            ended, day % 5 != 0, 8 if day % 5 else 6, 0 if day % 5 else 2, 8, 780)
        soreness = (2 if rolled else 5) + day % 3
        journal.add_soreness(soreness, {"calves": soreness + 1, "quads": 3, "hamstrings": 2 + day % 2},
                             when=ended + timedelta(hours=22), note="hills yesterday" if day == 9 else "")
    return journal


# Flows that wait for the user's answer: when the run ended (tui/screens/just_ran.py), what to do about
# a damaged journal, a plan step's routine or timer played through (tui/screens/plan.py).
ASKING = ("plan", "journal-repair", "plan-step")


async def settle_workers(app, timeout: float = 10.0) -> bool:
    """Wait for the app's background work: every worker finished, except a
    flow that waits for the answer to the dialog or session it has put on top.
    Waits on the workers themselves; only while a flow has yet to put its
    question on screen does it look again, every few milliseconds. True when
    there was something to wait for."""
    from tui.dialogs.base import DialogScreen
    from tui.screens.session import SessionScreen

    deadline = time.monotonic() + timeout
    waited = False
    while True:
        running = [worker for worker in app.workers if not worker.is_finished]
        asking = any(isinstance(screen, (DialogScreen, SessionScreen)) for screen in app.screen_stack)
        if all(worker.group in ASKING and asking for worker in running):
            return waited
        remaining = deadline - time.monotonic()
        if remaining <= 0:
            raise TimeoutError(f"workers still running after {timeout} s: {running}")
        waited = True
        # A flow that asks finishes only after its answer: until its question is up, look again soon.
        tick = remaining if all(worker.group not in ASKING for worker in running) else min(remaining, 0.002)
        ends = [asyncio.ensure_future(finished(worker)) for worker in running]
        _done, pending = await asyncio.wait(ends, timeout=tick, return_when=asyncio.FIRST_COMPLETED)
        for end in pending:
            end.cancel()


async def finished(worker) -> None:
    """Until the worker has ended, however it ended (its errors are the app's to report)."""
    if worker.state == WorkerState.PENDING:  # about to start: wait() would refuse it
        await asyncio.sleep(0.002)
        return
    with suppress(WorkerError):  # failed or cancelled
        await worker.wait()


async def settle(pilot, timeout: float = 10.0) -> None:
    """After a press, click or pause (each waits for the app to go idle): the
    app's background work done, and what it posted processed. A pause follows
    only when there was work to wait for, and repeats while that pause starts more."""
    while await settle_workers(pilot.app, timeout):
        await pilot.pause()


async def start_plan(pilot) -> None:
    """From home: `r`, "Just now" to when the run ended, then "long" in the run-kind question."""
    for keys in (("r",), ("enter",), ("down", "enter")):
        await pilot.press(*keys)
        await settle(pilot)


async def polled(pilot) -> None:
    """After the fake clock moved: what the session's next tick (every
    POLL_SECONDS of real time) shows, without waiting for it in real time."""
    from tui.screens.session import SessionScreen

    app = pilot.app
    await wait_until(pilot, lambda: app.screen.is_mounted)
    screen = app.screen
    if isinstance(screen, SessionScreen):
        screen.poll()
    await pilot.pause()
    await settle(pilot)


async def wait_until(pilot, condition, timeout: float = 10.0, interval: float = 0.002) -> None:
    """Pause until condition() holds, looking again every `interval` seconds:
    a fixed pause is too short on a loaded machine, and a coarse one loses time."""
    deadline = time.monotonic() + timeout
    while not condition():
        if time.monotonic() > deadline:
            raise TimeoutError(f"still not true after {timeout} s: {condition}")
        await pilot.pause(interval)


def evening(clock: FakeClock) -> dict:
    """make_app arguments for an evening: the clock at 21:50, bedtime 23:15."""
    from datetime import time as clock_time

    from tui.core.common.settings import Settings

    return {"now": FakeWallClock(clock, EVENING), "settings": Settings(bedtime=clock_time(23, 15))}


async def start_evening_plan(pilot) -> None:
    """From home: `r`, a tempo run that ended at 21:45 (typed in), then tick the first step."""
    for keys in (("r",), (*"21:45", "enter"), ("down", "down", "enter"), ("d",)):
        await pilot.press(*keys)
        await settle(pilot)

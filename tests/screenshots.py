"""Write SVG screenshots of the main screens into screenshots/.

Run from the checkout: `.venv/bin/python -m tests.screenshots`
Uses the same fake clock as the snapshot tests, so the pictures are stable.
"""

from __future__ import annotations

import asyncio
import tempfile
from collections.abc import Awaitable, Callable
from pathlib import Path

from tests.clock import FakeClock
from tests.ui.helpers import evening, make_app, polled, sample_journal, settle_workers, start_evening_plan

OUT = Path(__file__).resolve().parent.parent / "screenshots"
SIZE = (100, 30)

Steps = Callable[[object, FakeClock], Awaitable[None]]
SHOTS: dict[str, tuple[dict, Steps]] = {}


def shot(name: str, **app_kwargs):
    def register(steps: Steps) -> Steps:
        SHOTS[name] = (app_kwargs, steps)
        return steps

    return register


@shot("home")
async def _home(pilot, clock):
    await pilot.press("down")


@shot("session-hold", start_routine="post-run-stretches")
async def _hold(pilot, clock):
    clock.advance(5 + 21)
    await polled(pilot)


@shot("session-switch-sides", start_routine="runner-yoga")
async def _switch(pilot, clock):
    await pilot.press("n", "n", "n")
    app = pilot.app
    exercise = app.screen.routine.exercises[app.screen.timer.exercise_index]
    clock.advance(5 + exercise.seconds + 2)
    await polled(pilot)


@shot("summary", start_routine="legs-up-the-wall")
async def _summary(pilot, clock):
    clock.advance(400)
    await polled(pilot)
    await pilot.press("3", "down", "down", "down", "5")


@shot("plan", sample=True, evening=True)
async def _plan(pilot, clock):
    """A tempo run that ended 21:45, bedtime 23:15: the plan fitted to the evening."""
    await start_evening_plan(pilot)
    await pilot.press("down", "d")
    await settle_workers(pilot.app)


@shot("history", sample=True)
async def _history(pilot, clock):
    await pilot.press("h")
    await settle_workers(pilot.app)


@shot("history-record", sample=True)
async def _history_record(pilot, clock):
    await pilot.press("h")
    await settle_workers(pilot.app)
    await pilot.pause()
    await pilot.press("enter")


@shot("insights", sample=True)
async def _insights(pilot, clock):
    await pilot.press("i")
    await settle_workers(pilot.app)


async def take(name: str, app_kwargs: dict, steps: Steps) -> Path:
    clock = FakeClock()
    with tempfile.TemporaryDirectory() as folder:
        journal = Path(folder) / "journal.json"
        if app_kwargs.pop("sample", False):
            sample_journal(journal)
        if app_kwargs.pop("evening", False):
            app_kwargs.update(evening(clock))
        app = make_app(clock, journal_path=journal, **app_kwargs)
        return await _shoot(app, name, steps, clock)


async def _shoot(app, name: str, steps: Steps, clock: FakeClock) -> Path:
    async with app.run_test(size=SIZE) as pilot:
        await pilot.pause()
        await steps(pilot, clock)
        await pilot.pause()
        path = OUT / f"{name}.svg"
        app.save_screenshot(filename=path.name, path=str(OUT))
    return path


def main() -> None:
    OUT.mkdir(exist_ok=True)
    for name, (kwargs, steps) in SHOTS.items():
        print(asyncio.run(take(name, dict(kwargs), steps)))


if __name__ == "__main__":
    main()

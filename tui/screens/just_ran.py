"""From `r` on home to the plan: ask when the run ended; resume, correct or
start that run (the same rules as `plan --ended`); show its PlanScreen.

Reads top to bottom in one worker (RecoveryApp.action_just_ran); the
journal's I/O goes off the UI thread in thread workers.
"""

from __future__ import annotations

from datetime import datetime
from typing import Any

from tui.app_services import AppServices
from tui.core.common.errors import DataFileError
from tui.core.experiments.plan_line import tonight_notes
from tui.core.journal.records import new_run
from tui.core.plan.run_plan import PlanSource, RunPlan, run_plan
from tui.dialogs.run_ended import RESUME, WATCH, RunEndedScreen
from tui.dialogs.run_kind import RunKindScreen
from tui.screens.plan import PlanScreen
from tui.threads import in_thread

NOT_RECORDED = ("The journal is not available: this run is not recorded, "
                "and what you tick in the plan is not saved.")
NOT_SAVED = "The plan is shown, but what you tick in it is not saved. Press r again to retry recording the run."


async def just_ran(app: AppServices) -> None:
    now = app.now()  # the current run is read every time: an earlier failure does not silence it
    current = await in_thread(app, lambda: app.read_journal(lambda journal: journal.current_run(now)),
                              group="plan")
    answer = await app.push_screen_wait(RunEndedScreen(now, current))
    if answer == RESUME:
        run = current
    elif answer == WATCH:
        from tui.screens.watch_run import pick_watch_run  # the watch readers load only when asked for

        run = await pick_watch_run(app, now)
    elif isinstance(answer, datetime):
        run = await place_run(app, answer)
    else:
        return
    if run is not None:
        await show_plan(app, run)


async def place_run(app: AppServices, ended: datetime) -> dict[str, Any] | None:
    """The run of that day that ended near `ended`, corrected; else a new
    one of the kind the user picks (None if they leave the question)."""
    near = await in_thread(app, lambda: app.read_journal(lambda journal: journal.near_run(ended)), group="plan")
    if near is not None:
        placed = await app.write("run", lambda journal: journal.place_run(ended)[0]).wait()
        if placed is not None:
            return placed
    answer = await app.push_screen_wait(RunKindScreen())
    if answer is None:
        return None
    kind = answer or None
    if app.journal is None:
        app.notify(NOT_RECORDED, severity="warning")
        return {**new_run(ended, kind), "id": None}
    placed = await app.write("run", lambda journal: journal.place_run(ended, kind)[0]).wait()
    if placed is None:  # the write has said why; the plan is still worth showing
        app.notify(NOT_SAVED, severity="warning")
        return {**new_run(ended, kind), "id": None}
    return placed


async def show_plan(app: AppServices, run: dict[str, Any]) -> None:
    source = PlanSource.standard(r.id for r in app.library.routines)
    settings = app.settings

    def plan() -> RunPlan:
        notes = tonight_notes(app.journal, run, lambda: app.library.routines, settings.bedtime)  # self-experiments' nights
        return run_plan(source, run, app.now(), settings.bedtime, settings.units, notes)

    try:
        planned = await in_thread(app, plan, DataFileError, group="plan")
    except DataFileError as error:
        app.notify(str(error), title="Plan", severity="error")
        return
    await app.push_screen(PlanScreen(run, planned))

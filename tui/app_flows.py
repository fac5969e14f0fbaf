"""The app's flows (routines, journal writes, the plan), in a collaborator
RecoveryApp owns rather than a mixin: it is given the app and uses only its
attributes (`writer`, `journal`, `now`, `clock`, `settings`, `library`) and
Textual's public App API (`notify`, `post_message`, `push_screen`,
`push_screen_wait`, `run_worker`). Its outcomes come back to the app as
Messages, handled there with `@on`.

- Writes run in thread workers through the app's JournalWriter, one at a
  time and in order; each posts JournalSaved or JournalFailed, every failure
  said every time, the next write trying again.
- Flows that ask the user run as async workers and read top to bottom:
  `open_plan` asks when the run ended, then perhaps its kind, then shows the
  plan; `offer_repair` asks what to do about a damaged journal. Journal I/O
  inside them goes off the UI thread with asyncio.to_thread.
"""

from __future__ import annotations

import asyncio
from collections.abc import Callable
from datetime import datetime
from typing import TYPE_CHECKING, Any

from tui.core.journal.store.errors import JournalCorruptError, JournalError
from tui.core.journal.writer import NoJournal, pain_notice, rating_change, session_change
from tui.messages import JournalFailed, JournalSaved, JournalUnreadable

if TYPE_CHECKING:
    from textual.message import Message
    from textual.message_pump import MessagePump
    from textual.worker import Worker

    from tui.app import RecoveryApp
    from tui.core.plan.definition import DueStep
    from tui.screens.session import SessionResult
    from tui.widgets.soreness_form import SorenessEntry


class AppFlows:
    def __init__(self, app: RecoveryApp) -> None:
        self.app = app
        self.repair_offered = False  # the damaged-journal dialog is open

    # -- routines ----------------------------------------------------------------
    def start(self, routine_id: str, on_complete: Callable[[], None] | None = None) -> None:
        """Play a routine through (a session; "run" is only ever the workout);
        `on_complete` is called if the session counts as done."""
        from tui.screens.session import SessionScreen

        app = self.app
        routine = app.library.get(routine_id)
        if routine is None:
            app.notify(f"No routine called {routine_id!r}.", severity="error")
            return
        session = SessionScreen(routine, clock=app.clock, now=app.now, get_ready=app.get_ready,
                               switch_sides=app.switch_sides)
        app.push_screen(session, callback=lambda result: self.session_ended(result, on_complete))

    def session_ended(self, result: SessionResult | None, on_complete: Callable[[], None] | None) -> None:
        """Record the session, then show its summary with the soreness form."""
        from tui.screens.summary import SummaryScreen

        if result is None:
            return
        if not result.report.began:
            self.app.notify("Left before the first exercise began: nothing recorded.")
            return
        if on_complete is not None and result.report.counts_as_practice:
            on_complete()
        self.write("session", session_change(result.routine, result.report, result.started, result.ended))
        self.app.push_screen(SummaryScreen(result))  # it saves the rating itself (SaveSoreness)

    def start_timed_step(self, step: DueStep, on_complete: Callable[[], None]) -> None:
        """A plan step with a countdown of its own (ice bath, Epsom salt bath)."""
        from tui.screens.timed_step import TimedStepScreen

        def ended(result: SessionResult | None) -> None:
            if result is not None and result.report.counts_as_practice:
                on_complete()

        self.app.push_screen(TimedStepScreen(step, clock=self.app.clock, now=self.app.now), callback=ended)

    # -- writes ------------------------------------------------------------
    def write(self, what: str, change: Callable, origin: MessagePump | None = None) -> None:
        """One change, written off the UI thread; a failure is said."""
        self.app.run_worker(lambda: self.write_now(what, change, origin), thread=True,
                            group="journal-write", exit_on_error=False)

    def write_now(self, what: str, change: Callable, origin: MessagePump | None = None) -> Any:
        """From a worker thread: the record written, or None (and JournalFailed posted)."""
        try:
            return self.app.writer.write(change)
        except NoJournal:
            self.tell(origin, JournalFailed(what, None))
        except (JournalError, ValueError) as error:
            self.tell(origin, JournalFailed(what, error))
        return None

    def tell(self, origin: MessagePump | None, message: Message) -> None:
        """Post to the screen that asked (it bubbles on to the app); to the app
        itself when there is none, or it has closed meanwhile."""
        if origin is None or not origin.post_message(message):
            self.app.post_message(message)

    def save_rating(self, entry: SorenessEntry, form: MessagePump | None = None) -> Worker:
        """Save a rating; `form` hears how it went first and stays open if it failed."""
        def save() -> None:
            now = self.app.now()
            change = rating_change(entry.overall, entry.areas, entry.pain, entry.note, when=now)
            saved = self.write_now("rating", change, form)
            if saved is None:
                return
            try:
                notice = pain_notice(self.app.journal, now)
            except JournalError as error:
                notice = ""
                self.app.post_message(JournalUnreadable(error))
            self.tell(form, JournalSaved("rating", saved, notice))

        return self.app.run_worker(save, thread=True, group="journal-write", exit_on_error=False)

    def saved(self, message: JournalSaved) -> None:
        if message.what == "rating":
            self.app.notify(f"Saved: soreness {message.record['overall']}/10.")
        if message.notice:
            from tui.dialogs.notice import NoticeScreen

            self.app.push_screen(NoticeScreen("Look after yourself", message.notice))
        self.refresh_home()

    def write_failed(self, message: JournalFailed) -> None:
        error = message.error
        if error is None:
            self.app.notify(message.problem, severity="warning")
        elif not isinstance(error, JournalError):
            self.app.notify(f"Not saved: {error}", severity="error")
        else:
            self.app.notify(f"This {message.what} was not saved. {error}", title="Journal",
                            severity="error", timeout=30)
            if isinstance(error, JournalCorruptError):
                self.journal_problem(error)

    def refresh_home(self) -> None:
        from tui.screens.home import HomeScreen

        for screen in self.app.screen_stack:
            if isinstance(screen, HomeScreen):
                screen.load_notices()

    # -- a damaged journal ------------------------------------------------
    def journal_problem(self, error: JournalError) -> None:
        """Say what is wrong; for a damaged file offer a backup or moving it
        aside (one dialog at a time)."""
        self.app.writer.failed = error
        if not isinstance(error, JournalCorruptError):
            self.app.notify(str(error), title="Journal", severity="error", timeout=30)
        elif not self.repair_offered:
            self.repair_offered = True
            self.app.run_worker(self.offer_repair(error), group="journal-repair", exit_on_error=False)

    async def offer_repair(self, error: JournalError) -> None:
        from tui.core.journal.repair import move_damaged_aside, newest_good_backup, restore_newest
        from tui.dialogs.damaged_journal import MOVE_ASIDE, RESTORE, DamagedJournalScreen

        app = self.app
        path = None if app.journal is None else app.journal.path
        try:
            backup = await asyncio.to_thread(newest_good_backup, path, error.path, app.now().date())
            described = None if backup is None else f"the backup of {backup.day} ({backup.records} records)"
            choice = await app.push_screen_wait(DamagedJournalScreen(str(error), described))
        finally:
            self.repair_offered = False
        try:
            if choice == RESTORE:
                moved = await asyncio.to_thread(restore_newest, app.writer, backup, app.now())
                kept = f" The damaged file is kept at {moved}." if moved is not None else ""
                app.notify(f"Restored the journal from the backup of {backup.day} "
                           f"({backup.records} records).{kept}", timeout=15)
            elif choice == MOVE_ASIDE:
                moved = await asyncio.to_thread(move_damaged_aside, app.writer, error.path, app.now())
                app.notify(f"The old journal is kept at {moved}. A new one starts now.", timeout=15)
            else:
                return
        except (OSError, JournalError) as failure:
            what = "The backup was not restored" if choice == RESTORE else "Could not move the journal aside"
            app.notify(f"{what}: {failure}", severity="error")
            return
        self.refresh_home()

    # -- the after-run plan ------------------------------------------------
    def open_plan(self) -> None:
        self.app.run_worker(self.plan_flow(), group="plan", exclusive=True, exit_on_error=False)

    async def read(self, read: Callable, default: Any = None) -> Any:
        """`read(journal)` off the UI thread; a failure is said and `default` returned."""
        if self.app.journal is None:
            return default
        try:
            return await asyncio.to_thread(read, self.app.journal)
        except JournalError as error:
            self.journal_problem(error)
            return default

    async def plan_flow(self) -> None:
        """Ask when the run ended; resume, correct or start that run (the same
        rules as `plan --ended`); show its plan."""
        from tui.dialogs.run_ended import RESUME, WATCH, RunEndedScreen

        now = self.app.now()  # the current run is read every time: an earlier failure does not silence it
        current = await self.read(lambda journal: journal.current_run(now))
        answer = await self.app.push_screen_wait(RunEndedScreen(now, current))
        if answer == RESUME:
            run = current
        elif answer == WATCH:
            run = await self.watch_run(now)
        elif isinstance(answer, datetime):
            run = await self.place_run(answer)
        else:
            return
        if run is not None:
            await self.show_plan(run)

    async def place_run(self, ended: datetime) -> dict | None:
        """The run of that day that ended near `ended`, corrected; else a new
        one of the kind the user picks (None if they leave the question)."""
        from tui.core.journal.records import new_run
        from tui.dialogs.run_kind import RunKindScreen

        if await self.read(lambda journal: journal.near_run(ended)) is not None:
            placed = await asyncio.to_thread(self.write_now, "run", lambda j: j.place_run(ended)[0])
            if placed is not None:
                return placed
        kind = await self.app.push_screen_wait(RunKindScreen())
        if kind is None:
            return None
        kind = kind or None
        if self.app.journal is None:
            self.app.notify("The journal is not available: this run is not recorded, "
                            "and what you tick in the plan is not saved.", severity="warning")
            return {**new_run(ended, kind), "id": None}
        placed = await asyncio.to_thread(self.write_now, "run", lambda j: j.place_run(ended, kind)[0])
        if placed is None:  # write_now has said why; the plan is still worth showing
            self.app.notify("The plan is shown, but what you tick in it is not "
                            "saved. Press r again to retry recording the run.", severity="warning")
            return {**new_run(ended, kind), "id": None}
        return placed

    async def watch_run(self, now: datetime) -> dict | None:
        """The run read from a watch file the user picks: recorded (or the typed
        run it completes, its plan re-timed), or the one already imported from it."""
        from tui.flows_watch import pick_watch_run

        return await pick_watch_run(self, now)

    async def show_plan(self, run: dict) -> None:
        from tui.core.common.errors import DataFileError
        from tui.core.plan.run_plan import PlanSource, run_plan
        from tui.screens.plan import PlanScreen

        app = self.app
        source = PlanSource.standard(r.id for r in app.library.routines)
        try:
            planned = await asyncio.to_thread(run_plan, source, run, app.now(), app.settings.bedtime,
                                              app.settings.units)
        except DataFileError as error:
            app.notify(str(error), title="Plan", severity="error")
            return
        await app.push_screen(PlanScreen(run, planned))

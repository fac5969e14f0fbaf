"""The after-run plan flow of the app: `r` asks when the run ended, then
resumes, corrects or starts a run (the same rules as `plan --ended`)."""

from __future__ import annotations

from datetime import datetime

from textual import work

from tui.core.records import new_run
from tui.messages import JournalUnreadable, ShowPlan


class PlanFlow:
    """Mixed into RecoveryApp; needs `journal`, `now`, `settings`, `library`, and
    JournalWrites (its `_write` reports every failure)."""

    def open_plan(self) -> None:
        """Ask when the run ended (or go back to the current run's plan)."""
        self.find_current_run()

    @work(thread=True, exclusive=True, group="plan", exit_on_error=False)
    def find_current_run(self) -> None:
        from tui.core.store.errors import JournalError
        from tui.screens.run_ended import RunEndedScreen

        run, now = None, self.now()
        if self.journal is not None:  # tried every time: an earlier failure does not silence the plan
            try:
                run = self.journal.current_run(now)
            except JournalError as error:
                self.post_message(JournalUnreadable(error))
        self.call_from_thread(self.push_screen, RunEndedScreen(now, run),
                              lambda answer: self.run_end_given(answer, run))

    def run_end_given(self, answer: datetime | str | None, current: dict | None) -> None:
        from tui.screens.run_ended import RESUME

        if answer == RESUME:
            self.show_plan(current)
        elif isinstance(answer, datetime):
            self.place_run(answer)

    @work(thread=True, exclusive=True, group="plan", exit_on_error=False)
    def place_run(self, ended: datetime) -> None:
        """Correct the run of that day that ended near `ended`, or ask the kind of a new one."""
        from tui.core.store.errors import JournalError
        from tui.screens.run_start import RunKindScreen

        journal = self.journal
        try:
            if journal is not None and journal.near_run(ended) is not None:
                run, _ = journal.place_run(ended)
                self.post_message(ShowPlan(run))
                return
        except JournalError as error:
            self.post_message(JournalUnreadable(error))
        self.call_from_thread(self.push_screen, RunKindScreen(),
                              lambda kind: None if kind is None else self.begin_run(ended, kind or None))

    @work(thread=True, group="plan", exit_on_error=False)
    def begin_run(self, ended: datetime, kind: str | None) -> None:
        run = {**new_run(ended, kind), "id": None}  # saved below if the journal is there
        if self.journal is None:
            self.call_from_thread(self.notify, "The journal is not available: this run is not recorded, "
                                  "and what you tick in the plan is not saved.", severity="warning")
        else:
            placed = self._write("run", lambda journal: journal.place_run(ended, kind)[0])
            if placed is not None:
                run = placed
            else:  # _write has said why; the plan is still worth showing
                self.call_from_thread(self.notify, "The plan is shown, but what you tick in it is not "
                                      "saved. Press r again to retry recording the run.", severity="warning")
        self.post_message(ShowPlan(run))

    def plan_steps(self, run: dict):
        """The run's plan fitted to its evening, and any problems of the user's
        plan file; raises DataFileError when no plan can be read. Safe off the
        UI thread: home reads it in a worker."""
        from routines import PLAN_FILE
        from tui.core.evening import build_plan
        from tui.core.paths import user_plan_path
        from tui.core.plan import load_plan
        from tui.core.when import in_zone_of

        plan, errors = load_plan(user_plan_path(), PLAN_FILE, [r.id for r in self.library.routines])
        ended = in_zone_of(datetime.fromisoformat(run["time"]), self.now())
        steps = build_plan(plan, ended, self.settings.bedtime, run["run_kind"], self.settings.units)
        return steps, errors

    def plan_for(self, run: dict):
        """(steps, heading) of a run's plan; None (and a notice) if no plan can be read."""
        from tui.core.errors import DataFileError
        from tui.core.evening import night_for
        from tui.core.when import in_zone_of

        try:
            steps, errors = self.plan_steps(run)
        except DataFileError as error:
            self.notify(str(error), title="Plan", severity="error")
            return None
        if errors:  # one notice for them all, each line as `recovery-tui validate` words it
            self.notify("\n".join(str(error) for error in errors),
                        title="Your plan file has problems: using the built-in plan",
                        severity="warning", timeout=30)
        ended = in_zone_of(datetime.fromisoformat(run["time"]), self.now())
        bedtime = self.settings.bedtime
        night = night_for(ended, bedtime)
        kind = f"{run['run_kind'].capitalize()} run" if run["run_kind"] else "Run"
        heading = f"{kind} ended {ended:%H:%M} · bedtime {bedtime:%H:%M}"
        if night.short:
            heading += f" · late run: short plan, sleep {night.sleep:%H:%M}"
        return steps, heading

    def show_plan(self, run: dict) -> None:
        from tui.screens.plan import PlanScreen

        planned = self.plan_for(run)
        if planned is not None:
            self.push_screen(PlanScreen(run, *planned))

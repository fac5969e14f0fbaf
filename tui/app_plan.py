"""The after-run plan flow of the app: resume today's run or start one."""

from __future__ import annotations

from datetime import datetime

from textual import work


class PlanFlow:
    """Mixed into RecoveryApp."""

    def open_plan(self) -> None:
        """Resume today's plan, or ask about the run and start one."""
        self.find_todays_run()

    @work(thread=True, exclusive=True, group="plan")
    def find_todays_run(self) -> None:
        from tui.core.storage import JournalError
        from tui.screens.run_start import RunKindScreen

        run = None
        if self.journal is not None and self.journal_failed is None:
            try:
                run = self.journal.run_for_day(self.now().date())
            except JournalError as error:
                self.call_from_thread(self.journal_problem, error)
        if run is not None:
            self.call_from_thread(self.show_plan, run)
        else:
            self.call_from_thread(self.push_screen, RunKindScreen(), self.run_kind_chosen)

    def run_kind_chosen(self, kind: str | None) -> None:
        if kind is not None:
            self.begin_run(kind or None)

    @work(thread=True, group="plan")
    def begin_run(self, kind: str | None) -> None:
        from tui.core.storage import JournalError

        ended = self.now()
        run = {"id": None, "type": "run", "time": ended.isoformat(), "run_kind": kind,
               "practices": [], "skipped": [], "plan_date": ended.date().isoformat()}
        if self.journal is not None and self.journal_failed is None:
            try:
                run, _ = self.journal.start_run(ended, kind)
            except JournalError as error:
                self.call_from_thread(self.journal_problem, error)
        self.call_from_thread(self.show_plan, run)

    def show_plan(self, run: dict) -> None:
        from routines import PLAN_FILE
        from tui.core.errors import DataFileError
        from tui.core.paths import user_plan_path
        from tui.core.plan import build_plan, load_plan
        from tui.screens.plan import PlanScreen

        try:
            plan, errors = load_plan(user_plan_path(), PLAN_FILE, [r.id for r in self.library.routines])
        except DataFileError as error:
            self.notify(str(error), title="Plan", severity="error")
            return
        if errors:  # one notice for them all, each line as `recovery-tui validate` words it
            self.notify("\n".join(str(error) for error in errors),
                        title="Your plan file has problems: using the built-in plan",
                        severity="warning", timeout=30)
        ended = datetime.fromisoformat(run["time"])
        steps = build_plan(plan, ended, self.settings.bedtime, run["run_kind"], self.settings.units)
        kind = f"{run['run_kind'].capitalize()} run" if run["run_kind"] else "Run"
        heading = f"{kind} ended {ended:%H:%M} · bedtime {self.settings.bedtime:%H:%M}"
        self.push_screen(PlanScreen(run, steps, heading))


"""The names a run's steps are shown by, read when first needed and once.

`history` and `history --json` show a run's steps as the plan in use names
them. While there is no plan of the user's own and every id of a run is one
the shipped plan names ("hydrate", "foam-rolling"), the shipped plan alone
gives them; the routine library is read only for an id it does not name (a
routine of no step: "runner-yoga"), as tui.cli.library.practice_names reads it.
Light to import: a command that shows no run reads nothing for names.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from tui.core.common.paths import user_plan_path

if TYPE_CHECKING:
    from tui.core.plan.practices import PracticeNames


class StepNames:
    """Called with a run's ids: names for them."""

    def __init__(self) -> None:
        self.shipped: PracticeNames | None = None
        self.everything: PracticeNames | None = None

    def __call__(self, ids: Iterable[str]) -> PracticeNames:
        if self.everything is None:
            from tui.core.plan.practices import shipped_plan_names

            if self.shipped is None and not user_plan_path().exists():
                self.shipped = shipped_plan_names()
            if self.shipped is not None and all(map(self.shipped.knows, ids)):
                return self.shipped
            from tui.cli.library import practice_names

            self.everything = practice_names()
        return self.everything

"""RecoveryApp: the screens over the app's services (tui/app_services.py).

Only what the home screen needs is imported up front: every other screen is
imported where it is opened, so the first frame comes sooner. The flows live
with the screens that own them; the app starts them from its actions.
"""

from __future__ import annotations

from typing import Any

from textual.app import App

from tui.app_services import AppServices
from tui.min_size import MIN_WIDTH, NARROW_BELOW
from tui.screens.home import HomeScreen


def recovery_commands() -> Any:
    """The palette's routines and screens, imported when the palette opens."""
    from tui.commands import RecoveryCommands

    return RecoveryCommands


class RecoveryApp(AppServices):
    """The post-run recovery companion."""

    COMMANDS = App.COMMANDS | {recovery_commands}
    CSS_PATH = "app.tcss"  # home's, History's and the dialogs' styles (see its head)
    # Screens narrower than 60 columns (a phone held upright) get -narrow: their CSS stacks panels.
    # Below the smallest size the screens are under the request to enlarge the window, and keep
    # the wide layout (Textual's OptionList cannot measure an auto height at width 0).
    HORIZONTAL_BREAKPOINTS = [(0, "-too-small"), (MIN_WIDTH, "-narrow"), (NARROW_BELOW, "-normal")]

    def __init__(self, *args: Any, start_routine: str | None = None, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.start_routine = start_routine

    def get_default_screen(self) -> HomeScreen:
        # Home is the first screen itself, rather than pushed over a blank
        # default one: one screen fewer to compose and lay out before the first frame.
        return HomeScreen(self.library)

    def on_mount(self) -> None:  # after AppServices.on_mount (Textual calls both)
        if self.start_routine and self.library.get(self.start_routine) is not None:
            self.action_start_routine(self.start_routine)

    # -- what home (and the palette) opens ------------------------------------------
    def action_start_routine(self, routine_id: str) -> None:
        """Play a routine through, then its summary (tui/screens/summary.py)."""
        from tui.screens.summary import start

        start(self, routine_id)

    def action_just_ran(self) -> None:
        """Ask when the run ended, then show its plan (tui/screens/just_ran.py)."""
        from tui.screens.just_ran import just_ran

        self.run_worker(just_ran(self), group="plan", exclusive=True, exit_on_error=False)

    def action_log_soreness(self) -> None:
        from tui.screens.soreness import SorenessScreen

        self.push_screen(SorenessScreen("How do your legs feel today?"))

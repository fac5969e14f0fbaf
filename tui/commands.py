"""The command palette (ctrl+p): every routine, and every screen home opens.

Offered from the home screen, where the same keys do the same things; over
a session or a form the palette keeps to Textual's own commands, so a
routine is never started on top of another.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider

SCREENS = (  # (name, what it does, the action that opens it, from home)
    ("Just ran", "Say when your run ended and see its plan", "app.just_ran"),
    ("Log soreness", "Rate how your legs feel", "app.log_soreness"),
    ("History", "Past runs, sessions and ratings", "history"),
    ("Insights", "What seems to help, from your journal", "insights"),
    ("Experiments", "Let a fair coin decide which runs get a practice", "experiments"),
    ("Settings", "Timers, bedtime, units, theme, sound", "settings"),
)


class RecoveryCommands(Provider):
    """Routines ("Start: Post-run stretches") and screens, by name."""

    def commands(self) -> Iterator[tuple[str, str, Callable[[], object]]]:
        from tui.screens.home import HomeScreen

        home = self.screen
        if not isinstance(home, HomeScreen):
            return
        for name, help_text, action in SCREENS:
            yield name, help_text, partial(home.run_action, action)
        for routine in home.library.routines:
            yield (f"Start: {routine.name}", f"Play this routine through ({len(routine.exercises)} exercises)",
                   partial(home.start, routine.id))

    async def discover(self) -> Hits:
        for name, help_text, run in self.commands():
            yield DiscoveryHit(name, run, help=help_text)

    async def search(self, query: str) -> Hits:
        matcher = self.matcher(query)
        for name, help_text, run in self.commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), run, help=help_text)

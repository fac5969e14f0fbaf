"""Each phase has its own band colour, in every theme and at 256 and 16 colours:
from 2 m away the colour alone says get ready, hold, switch sides or rest."""

from __future__ import annotations

from rich.color import ColorSystem

from tests.clock import FakeClock
from tests.ui.helpers import make_app, polled
from tui.core.routines.timer import Phase
from tui.screens.session import SessionScreen

SYSTEMS = (ColorSystem.TRUECOLOR, ColorSystem.EIGHT_BIT, ColorSystem.STANDARD)


def band_colours(app, states: dict) -> dict:
    """The band's background per state and theme, as each colour system would
    draw it. `states` are the session's classes as the timer left them in each
    phase; the stylesheet is applied to them with no await in between, so the
    session's own ticks cannot change them meanwhile, and the whole CSS is
    refreshed once a theme (not once a theme and phase: that was 10 s)."""
    session = app.screen
    band = session.query_one("#band")
    kept = set(session.classes)
    found: dict = {state: {} for state in states}
    for theme in sorted(app.available_themes):
        app.theme = theme
        app.refresh_css(animate=False)
        for state, classes in states.items():
            session.set_classes(classes)
            app.stylesheet.update(session, animate=False)
            colour = band.styles.background.rich_color
            found[state][theme] = tuple(colour.downgrade(system).get_truecolor() for system in SYSTEMS)
    session.set_classes(kept)
    return found


async def test_every_phase_has_its_own_band_colour_in_every_theme_and_colour_depth():
    clock = FakeClock()
    app = make_app(clock, start_routine="post-run-stretches")
    states: dict[Phase | str, frozenset[str]] = {}
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        session = app.screen
        assert isinstance(session, SessionScreen)
        first = session.routine.exercises[0]
        # get ready (5 s), left (first.seconds), switch (5 s), right, rest
        steps = [(0, Phase.GET_READY), (5, Phase.HOLD), (first.seconds, Phase.SWITCH),
                 (5 + first.seconds, Phase.REST)]
        for seconds, phase in steps:
            clock.advance(seconds)
            await polled(pilot)
            assert session.timer.segment.phase is phase
            states[phase] = frozenset(session.classes)
        await pilot.press("space")
        await polled(pilot)
        states["paused"] = frozenset(session.classes)  # red: "stopped", so no phase may look like it
        per_phase = band_colours(app, states)
    themes = per_phase[Phase.HOLD].keys()
    assert len(themes) > 5  # Textual's themes are all offered in Settings
    for theme in themes:
        for depth, system in enumerate(SYSTEMS):
            colours = {state: per_phase[state][theme][depth] for state in [*Phase, "paused"]}
            assert len(set(colours.values())) == len(colours), (theme, system, colours)

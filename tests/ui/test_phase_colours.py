"""Each phase has its own band colour, in every theme and at 256 and 16 colours:
from 2 m away the colour alone says get ready, hold, switch sides or rest."""

from __future__ import annotations

from rich.color import ColorSystem

from tests.clock import FakeClock
from tests.ui.helpers import make_app, polled
from tui.core.routines.timer import Phase
from tui.screens.session import SessionScreen

SYSTEMS = (ColorSystem.TRUECOLOR, ColorSystem.EIGHT_BIT, ColorSystem.STANDARD)


def band_colours(app) -> dict[str, tuple]:
    """The band's background per theme, as each colour system would draw it."""
    band = app.screen.query_one("#band")
    found = {}
    for theme in sorted(app.available_themes):
        app.theme = theme
        app.refresh_css(animate=False)
        colour = band.styles.background.rich_color
        found[theme] = tuple(colour.downgrade(system).get_truecolor() for system in SYSTEMS)
    return found


async def test_every_phase_has_its_own_band_colour_in_every_theme_and_colour_depth():
    clock = FakeClock()
    app = make_app(clock, start_routine="post-run-stretches")
    per_phase: dict[Phase | str, dict[str, tuple]] = {}
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
            per_phase[phase] = band_colours(app)
        await pilot.press("space")
        paused = band_colours(app)  # red: "stopped", so no phase may look like it
    themes = per_phase[Phase.HOLD].keys()
    assert len(themes) > 5  # Textual's themes are all offered in Settings
    for theme in themes:
        for depth, system in enumerate(SYSTEMS):
            colours = {phase: per_phase[phase][theme][depth] for phase in Phase}
            colours["paused"] = paused[theme][depth]
            assert len(set(colours.values())) == len(colours), (theme, system, colours)

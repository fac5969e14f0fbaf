"""The one-widget header: title and sub-title, kept current; the icon opens the palette."""

from __future__ import annotations

from textual.command import CommandPalette

from tests.ui.helpers import make_app
from tui import __version__
from tui.widgets.header import ICON_WIDTH, Header


def drawn(app) -> str:
    """The header's line as it is on screen (its cached render)."""
    return app.screen.query_one(Header).render_line(0).text


async def test_header_shows_the_app_title_and_version_centred():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        line = drawn(app)
        assert len(line) == 100
        title = f"recovery-tui — v{__version__}"
        assert title in line
        middle = line.index(title) + len(title) / 2
        assert abs(middle - (ICON_WIDTH + (100 - ICON_WIDTH - 10) / 2)) <= 1


async def test_a_screen_title_replaces_the_apps_and_follows_changes():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        app.screen.title = "Routines"
        app.screen.sub_title = "7 to choose from"
        await pilot.pause()
        assert "Routines — 7 to choose from" in drawn(app)
        app.screen.sub_title = ""
        await pilot.pause()
        assert "—" not in drawn(app) and "Routines" in drawn(app)


async def test_clicking_the_icon_opens_the_command_palette():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await pilot.click(Header, offset=(ICON_WIDTH + 20, 0))  # the title: nothing
        await pilot.pause()
        assert not isinstance(app.screen, CommandPalette)
        await pilot.click(Header, offset=(1, 0))
        await pilot.pause()
        assert isinstance(app.screen, CommandPalette)

"""The one-widget footer: the screen's keys, kept current, and clickable."""

from __future__ import annotations

from rich.style import Style
from textual.app import App, ComposeResult
from textual.binding import Binding
from textual.widgets import Static

from tests.ui.helpers import make_app
from tui.widgets.footer import Footer

DIM = Style(dim=True)


def drawn(app) -> str:
    """The footer's line as it is on screen (its cached render, not a new one)."""
    return app.screen.query_one(Footer).render_line(0).text


def column_of(app, text: str) -> int:
    return drawn(app).index(text)


async def test_home_footer_shows_its_keys_and_the_lists_enter():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        line = drawn(app)
        for label in ("Start", "Just ran", "Log soreness", "History", "Insights", "Settings", "Quit"):
            assert label in line
        assert line.rstrip().endswith("palette")
        assert "Back" not in line


async def test_the_footer_follows_the_screen_it_is_on():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("h")
        await pilot.pause()
        line = drawn(app)
        assert "Back" in line and "Log soreness" not in line


async def test_clicking_a_key_runs_it():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        assert await pilot.click(Footer, offset=(column_of(app, "History") + 1, 0))
        await pilot.pause()
        assert type(app.screen).__name__ == "HistoryScreen"


async def test_clicking_between_keys_does_nothing():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        gap = len(drawn(app).rstrip().removesuffix("palette").rstrip()) - 10  # in the padding
        assert app.screen.query_one(Footer).key_at(gap) is None
        await pilot.click(Footer, offset=(gap, 0))
        await pilot.pause()
        assert type(app.screen).__name__ == "HomeScreen"


class KeysApp(App):
    """Two keys, one of them unavailable until `ready`."""

    BINDINGS = [Binding("a", "note('a')", "Always"), Binding("b", "note('b')", "Later")]

    def __init__(self) -> None:
        super().__init__()
        self.ready = False
        self.notes: list[str] = []

    def compose(self) -> ComposeResult:
        yield Static("keys")
        yield Footer()

    def check_action(self, action: str, parameters) -> bool | None:
        if action == "note" and parameters == ("b",) and not self.ready:
            return None  # shown, but disabled
        return True

    def action_note(self, which: str) -> None:
        self.notes.append(which)


async def test_a_disabled_key_is_dimmed_and_a_click_on_it_does_nothing():
    app = KeysApp()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        footer = app.query_one(Footer)
        later = footer.key_at(column_of(app, "Later"))
        assert later is not None and not later.enabled
        always = footer.key_at(column_of(app, "Always"))
        assert DIM in [span.style for span in later.label.spans]
        assert DIM not in [span.style for span in always.label.spans]
        await pilot.click(Footer, offset=(column_of(app, "Later"), 0))
        await pilot.click(Footer, offset=(column_of(app, "Always"), 0))
        await pilot.pause()
        assert app.notes == ["a"]


async def test_the_footer_redraws_when_a_key_becomes_available():
    app = KeysApp()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        app.ready = True
        app.refresh_bindings()
        await pilot.pause()
        assert app.query_one(Footer).key_at(column_of(app, "Later")).enabled
        await pilot.click(Footer, offset=(column_of(app, "Later"), 0))
        await pilot.pause()
        assert app.notes == ["b"]


async def test_hovering_a_key_highlights_only_that_key():
    app = KeysApp()
    async with app.run_test(size=(60, 5)) as pilot:
        await pilot.pause()
        footer = app.query_one(Footer)
        hover = footer.get_component_rich_style("footer-key--hover", partial=True).bgcolor

        def highlighted(text: str) -> bool:
            return footer.render().get_style_at_offset(app.console, column_of(app, text)).bgcolor == hover

        assert not highlighted("Always") and not highlighted("Later")
        await pilot.hover(Footer, offset=(column_of(app, "Always"), 0))
        await pilot.pause()
        assert highlighted("Always") and not highlighted("Later")
        await pilot.hover(Static)
        await pilot.pause()
        assert not highlighted("Always")

"""The title line at the top of a screen, drawn as one widget.

It looks like Textual's Header (icon, title — sub-title, clock space) but is
one widget instead of four (kept with the hand-written Footer: see its
docstring for the figures measured on Textual 8).
"""

from __future__ import annotations

from textual import events
from textual.content import Content
from textual.widget import Widget

ICON = "⭘"
ICON_WIDTH = 8  # the icon and the room around it, as in Textual's Header
RIGHT_WIDTH = 10  # where Textual's Header keeps its clock


class Header(Widget, can_focus=False):
    """App title and sub-title (or the screen's own), centred; the icon opens the command palette."""

    ALLOW_SELECT = False
    DEFAULT_CSS = """
    Header {
        dock: top;
        width: 100%;
        height: 1;
        background: $panel;
        color: $foreground;
    }
    """

    def on_mount(self) -> None:
        for node in (self.app, self.screen):
            for name in ("title", "sub_title"):
                self.watch(node, name, self._title_changed, init=False)

    def _title_changed(self, _value) -> None:
        self.refresh()

    @property
    def screen_title(self) -> str:
        title = self.screen.title
        return self.app.title if title is None else title

    @property
    def screen_sub_title(self) -> str:
        sub_title = self.screen.sub_title
        return self.app.sub_title if sub_title is None else sub_title

    def render(self) -> Content:
        title = self.app.format_title(self.screen_title, self.screen_sub_title)
        room = max(0, self.size.width - ICON_WIDTH - RIGHT_WIDTH)
        return Content.assemble(
            f" {ICON}".ljust(ICON_WIDTH), title.center(room, ellipsis=True), " " * RIGHT_WIDTH
        )

    async def on_click(self, event: events.Click) -> None:
        if event.x < ICON_WIDTH and self.app.ENABLE_COMMAND_PALETTE:
            event.stop()
            await self.run_action("app.command_palette")

"""The key bar at the bottom of every screen, drawn as one widget.

It shows what Textual's Footer shows, in the same colours, but draws the
whole line itself. Textual's Footer mounts one widget per key; here a change
of keys is a repaint. Measured again on Textual 8 (issue 23, side by side):
Textual's Footer and Header put the settled first frame 84 ms and 893 ms
later (two runs on a loaded machine), over the 30 ms that would have made
them worth using; History opened 46 and 156 ms sooner with them.
"""

from __future__ import annotations

from dataclasses import dataclass

from rich.cells import cell_len
from rich.style import Style
from rich.text import Text
from textual import events
from textual.binding import Binding
from textual.geometry import Size
from textual.widget import Widget


@dataclass(frozen=True)
class FooterKey:
    """One key of the bar, as drawn."""

    key: str  # what a click presses
    label: Text  # key and description
    enabled: bool
    palette: bool = False  # the command palette's key, drawn last at the right

    @property
    def width(self) -> int:
        return cell_len(self.label.plain)


class Footer(Widget, can_focus=False):
    """The screen's keys, then the command palette's at the right; on as many
    lines as they need, so that every key can be seen and clicked (tapped, on a
    phone 40 columns wide)."""

    ALLOW_SELECT = False
    COMPONENT_CLASSES = {
        "footer-key--key",
        "footer-key--description",
        "footer-key--hover",
        "footer--separator",
    }
    DEFAULT_CSS = """
    Footer {
        dock: bottom;
        height: auto;
        color: $footer-foreground;
        background: $footer-background;
        text-wrap: nowrap;
        .footer-key--key {
            color: $footer-key-foreground;
            background: $footer-key-background;
            text-style: bold;
        }
        .footer-key--description {
            color: $footer-description-foreground;
            background: $footer-description-background;
        }
        .footer-key--hover {
            background: $block-hover-background;
        }
        .footer--separator {
            color: $foreground 20%;
        }
    }
    """

    def __init__(self, *, id: str | None = None, classes: str | None = None) -> None:
        super().__init__(id=id, classes=classes)
        self._spans: list[tuple[int, int, int, FooterKey]] = []  # line and cells of each key, as drawn
        self._rows = 1  # lines drawn
        self._hover: str | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen) -> None:
        """Redrawn; laid out again only when the keys need more or fewer lines."""
        self.refresh(layout=len(self.rows(self.size.width)) != self._rows)

    def keys(self) -> tuple[list[FooterKey], FooterKey | None]:
        """The keys to show (one per action, as Textual's Footer does) and the palette's."""
        app = self.app
        active = self.screen.active_bindings
        styles = (self.get_component_rich_style("footer-key--key"),
                  self.get_component_rich_style("footer-key--description"))
        shown: dict[str, FooterKey] = {}
        for _node, binding, enabled, _tooltip in active.values():
            if binding.show and binding.action not in shown:
                shown[binding.action] = self._key(binding, enabled, *styles)
        palette = None
        if app.ENABLE_COMMAND_PALETTE and app.COMMAND_PALETTE_BINDING in active:
            _node, binding, enabled, _tooltip = active[app.COMMAND_PALETTE_BINDING]
            palette = self._key(binding, enabled, *styles, palette=True)
            shown.pop(binding.action, None)
        return list(shown.values()), palette

    def _key(self, binding: Binding, enabled: bool, key_style: Style, description_style: Style,
             palette: bool = False) -> FooterKey:
        label = Text.assemble(
            (f" {self.app.get_key_display(binding)} ", key_style),
            (f"{binding.description} ", description_style),
        )
        if not enabled:
            label.stylize(Style(dim=True))
        return FooterKey(binding.key, label, enabled, palette)

    def rows(self, width: int) -> list[list[FooterKey]]:
        """The keys line by line at `width`: as many as fit on a line, then the next
        line; the palette's key last, at the right of the last line or on a line of its own."""
        keys, palette = self.keys()
        rows: list[list[FooterKey]] = [[]]
        used = 0
        for key in keys:
            size = key.width
            if rows[-1] and used + size > width:
                rows.append([])
                used = 0
            rows[-1].append(key)
            used += size
        if palette is not None:
            if rows[-1] and used + 1 + palette.width > width:
                rows.append([])
            rows[-1].append(palette)
        return rows

    def get_content_height(self, container: Size, viewport: Size, width: int) -> int:
        return len(self.rows(width))

    def render(self) -> Text:
        width = self.size.width
        rows = self.rows(width)
        self._rows = len(rows)
        self._spans = []
        hover = self.get_component_rich_style("footer-key--hover", partial=True)
        separator = Text("▏", style=self.get_component_rich_style("footer--separator"))
        lines = []
        for y, row in enumerate(rows):
            line = Text(no_wrap=True, overflow="crop", end="")
            for key in row:
                if key.palette:
                    line.append(" " * max(0, width - line.cell_len - key.width - 1))
                    line.append_text(separator)
                self._add(line, y, key, hover)
            lines.append(line)
        return Text("\n", no_wrap=True, overflow="crop", end="").join(lines)

    def _add(self, line: Text, y: int, key: FooterKey, hover: Style) -> None:
        start = line.cell_len
        label = key.label.copy()
        if key.key == self._hover and key.enabled:
            label.stylize(hover)
        line.append_text(label)
        self._spans.append((y, start, line.cell_len, key))

    @property
    def drawn_keys(self) -> list[tuple[int, int, FooterKey]]:
        """(column, line, key) of each key as last drawn."""
        return [(start, row, key) for row, start, _end, key in self._spans]

    def key_at(self, x: int, y: int = 0) -> FooterKey | None:
        """The key drawn at column x of line y, if any."""
        return next((key for row, start, end, key in self._spans if row == y and start <= x < end), None)

    def on_click(self, event: events.Click) -> None:
        key = self.key_at(event.x, event.y)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self.key_at(event.x, event.y)
        self._set_hover(None if key is None else key.key)

    def on_leave(self, _event: events.Leave) -> None:
        self._set_hover(None)

    def _set_hover(self, key: str | None) -> None:
        if key != self._hover:
            self._hover = key
            self.refresh()

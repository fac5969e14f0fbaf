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
from textual.widget import Widget


@dataclass(frozen=True)
class FooterKey:
    """One key of the bar, as drawn."""

    key: str  # what a click presses
    label: Text  # key and description
    enabled: bool


class Footer(Widget, can_focus=False):
    """One line of keys: the screen's bindings on the left, the command palette's on the right."""

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
        height: 1;
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
        self._spans: list[tuple[int, int, FooterKey]] = []  # cells each key covers, as drawn
        self._hover: str | None = None

    def on_mount(self) -> None:
        self.screen.bindings_updated_signal.subscribe(self, self._bindings_changed)

    def on_unmount(self) -> None:
        self.screen.bindings_updated_signal.unsubscribe(self)

    def _bindings_changed(self, _screen) -> None:
        self.refresh()

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
            palette = self._key(binding, enabled, *styles)
            shown.pop(binding.action, None)
        return list(shown.values()), palette

    def _key(self, binding: Binding, enabled: bool, key_style: Style, description_style: Style) -> FooterKey:
        label = Text.assemble(
            (f" {self.app.get_key_display(binding)} ", key_style),
            (f"{binding.description} ", description_style),
        )
        if not enabled:
            label.stylize(Style(dim=True))
        return FooterKey(binding.key, label, enabled)

    def render(self) -> Text:
        keys, palette = self.keys()
        line = Text(no_wrap=True, overflow="crop", end="")
        self._spans = []
        hover = self.get_component_rich_style("footer-key--hover", partial=True)
        for key in keys:
            self._add(line, key, hover)
        if palette is not None:
            separator = Text("▏", style=self.get_component_rich_style("footer--separator"))
            room = self.size.width - line.cell_len - cell_len(palette.label.plain) - 1
            if room >= 1:
                line.append(" " * room)
                line.append_text(separator)
                self._add(line, palette, hover)
        return line

    def _add(self, line: Text, key: FooterKey, hover: Style) -> None:
        start = line.cell_len
        label = key.label.copy()
        if key.key == self._hover and key.enabled:
            label.stylize(hover)
        line.append_text(label)
        self._spans.append((start, line.cell_len, key))

    def key_at(self, x: int) -> FooterKey | None:
        """The key drawn at column x, if any."""
        return next((key for start, end, key in self._spans if start <= x < end), None)

    def on_click(self, event: events.Click) -> None:
        key = self.key_at(event.x)
        if key is None:
            return
        if key.enabled:
            self.app.simulate_key(key.key)
        else:
            self.app.bell()

    def on_mouse_move(self, event: events.MouseMove) -> None:
        key = self.key_at(event.x)
        self._set_hover(None if key is None else key.key)

    def on_leave(self, _event: events.Leave) -> None:
        self._set_hover(None)

    def _set_hover(self, key: str | None) -> None:
        if key != self._hover:
            self._hover = key
            self.refresh()

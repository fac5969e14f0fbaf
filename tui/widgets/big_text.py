"""Block-font text that grows with its region: the session's clock and side.

Textual's Digits is always 3 rows tall; from a mat two metres away the clock
has to fill the space it is given, in width and in height. The font and the
choice of size live in tui/widgets/block_font.py (no Textual there); the size
is chosen again at every render, so a resize redraws it to fit.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

from tui.widgets.block_font import NONE, Fit, best_layout, can_draw, render_rows


class BigText(Widget):
    """Text in the block font, as large as the widget allows, centred.
    Text the font cannot draw, or a region too small for it, is shown plainly."""

    DEFAULT_CSS = """
    BigText {
        width: 1fr; height: 1fr; text-style: bold; content-align: center middle;
        text-wrap: nowrap;  /* wrapping would strip the spaces inside the glyphs */
    }
    """

    def __init__(self, text: str = "", *, max_scale: int = 8, id: str | None = None) -> None:
        super().__init__(id=id)
        self.text = text
        self.max_scale = max_scale

    @property
    def drawn(self) -> tuple[str, Fit]:
        """What is drawn now (the text, or a word a line) and at what size (scale 0: plain text)."""
        if not can_draw(self.text):
            return self.text, NONE
        return best_layout(self.text, self.size.width, self.size.height, self.max_scale)

    @property
    def fit(self) -> Fit:
        return self.drawn[1]

    @property
    def scale(self) -> int:
        return self.fit.scale

    def update(self, text: str) -> None:
        if text != self.text:
            self.text = text
            self.refresh()

    def render(self) -> Text:
        text, fit = self.drawn
        rows = render_rows(text, fit) if fit.scale else [text]
        return Text("\n".join(rows), no_wrap=True, overflow="crop")

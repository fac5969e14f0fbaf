"""Block-font text that grows with its region: the session's clock and side.

Textual's Digits is always 3 rows tall; from a mat two metres away the clock
has to fill the space it is given. Each glyph is a 3x5 bitmap; a pixel is k
columns wide and k half-rows tall (drawn with half blocks, so it is about
square), and k is the largest that fits the widget's size.
"""

from __future__ import annotations

from rich.text import Text
from textual.widget import Widget

GLYPH_ROWS = 5
FONT: dict[str, tuple[str, ...]] = {
    "0": ("###", "#.#", "#.#", "#.#", "###"),
    "1": (".#.", "##.", ".#.", ".#.", "###"),
    "2": ("###", "..#", "###", "#..", "###"),
    "3": ("###", "..#", ".##", "..#", "###"),
    "4": ("#.#", "#.#", "###", "..#", "..#"),
    "5": ("###", "#..", "###", "..#", "###"),
    "6": ("###", "#..", "###", "#.#", "###"),
    "7": ("###", "..#", "..#", ".#.", ".#."),
    "8": ("###", "#.#", "###", "#.#", "###"),
    "9": ("###", "#.#", "###", "..#", "###"),
    ":": (".", "#", ".", "#", "."),
    "→": ("..#..", "...#.", "#####", "...#.", "..#.."),
    " ": ("..", "..", "..", "..", ".."),
    "D": ("##.", "#.#", "#.#", "#.#", "##."),
    "E": ("###", "#..", "##.", "#..", "###"),
    "F": ("###", "#..", "##.", "#..", "#.."),
    "G": (".##", "#..", "#.#", "#.#", ".##"),
    "H": ("#.#", "#.#", "###", "#.#", "#.#"),
    "I": ("###", ".#.", ".#.", ".#.", "###"),
    "L": ("#..", "#..", "#..", "#..", "###"),
    "N": ("##.", "#.#", "#.#", "#.#", "#.#"),
    "O": (".#.", "#.#", "#.#", "#.#", ".#."),
    "R": ("##.", "#.#", "##.", "#.#", "#.#"),
    "T": ("###", ".#.", ".#.", ".#.", ".#."),
}
HALF_BLOCKS = {(True, True): "█", (True, False): "▀", (False, True): "▄", (False, False): " "}


def can_draw(text: str) -> bool:
    return bool(text) and all(char in FONT for char in text)


def pixel_rows(text: str) -> list[str]:
    """The text as GLYPH_ROWS rows of '#' and '.', one pixel gap between glyphs."""
    glyphs = [FONT[char] for char in text]
    return [".".join(glyph[row] for glyph in glyphs) for row in range(GLYPH_ROWS)]


def size_at(text: str, scale: int) -> tuple[int, int]:
    """(columns, rows) that the text takes at a scale."""
    width = len(pixel_rows(text)[0]) * scale
    return width, -(-GLYPH_ROWS * scale // 2)


def best_scale(text: str, width: int, height: int) -> int:
    """The largest scale that fits width x height; 0 when none does."""
    scale = 0
    while True:
        columns, rows = size_at(text, scale + 1)
        if columns > width or rows > height:
            return scale
        scale += 1


def render_rows(text: str, scale: int) -> list[str]:
    """The text drawn with half blocks at `scale`."""
    halves = [row.replace(".", " ") for row in pixel_rows(text) for _ in range(scale)]
    halves = [("".join(char * scale for char in row)) for row in halves]
    if len(halves) % 2:
        halves.append(" " * len(halves[0]))
    return [
        "".join(HALF_BLOCKS[(top == "#", bottom == "#")] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(halves[::2], halves[1::2], strict=True)
    ]


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
    def scale(self) -> int:
        """The scale the text is drawn at now (0: plain text)."""
        if not can_draw(self.text):
            return 0
        return min(self.max_scale, best_scale(self.text, self.size.width, self.size.height))

    def update(self, text: str) -> None:
        if text != self.text:
            self.text = text
            self.refresh()

    def render(self) -> Text:
        scale = self.scale
        rows = render_rows(self.text, scale) if scale else [self.text]
        return Text("\n".join(rows), no_wrap=True, overflow="crop")

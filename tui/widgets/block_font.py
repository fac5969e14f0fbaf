"""The session's block font, and the size it is drawn at: no Textual here.

Each glyph is a 3x5 bitmap drawn with half blocks. A pixel is `scale`
columns wide; the three bar rows (top, middle, bottom) are `scale` half-rows
tall, so strokes are about square, and the two stem rows between them are
`stem` half-rows tall. A region taller than the square glyph grows the stems
only: the digits take the height they are given while the strokes stay even,
the way a tall seven-segment display does.
"""

from __future__ import annotations

from dataclasses import dataclass

GLYPH_ROWS = 5
BAR_ROWS = (0, 2, 4)
MAX_STRETCH = 3  # stems up to 3x the bars: a digit about three times as tall as it is wide
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


@dataclass(frozen=True)
class Fit:
    """How big to draw: `scale` columns per pixel and half-rows per bar row,
    `stem` half-rows per stem row (stem >= scale). Scale 0: not drawable."""

    scale: int
    stem: int

    def half_rows(self, row: int) -> int:
        return self.scale if row in BAR_ROWS else self.stem


NONE = Fit(0, 0)


def can_draw(text: str) -> bool:
    return bool(text) and all(char in FONT for char in text)


def pixel_rows(text: str) -> list[str]:
    """The text as GLYPH_ROWS rows of '#' and '.', one pixel gap between glyphs."""
    glyphs = [FONT[char] for char in text]
    return [".".join(glyph[row] for glyph in glyphs) for row in range(GLYPH_ROWS)]


def size_at(text: str, fit: Fit) -> tuple[int, int]:
    """(columns, rows) that the text takes when drawn at `fit`."""
    halves = sum(fit.half_rows(row) for row in range(GLYPH_ROWS))
    return len(pixel_rows(text)[0]) * fit.scale, -(-halves // 2)


def best_fit(text: str, width: int, height: int, max_scale: int = 8) -> Fit:
    """The largest square scale (at most max_scale) that fits width x height,
    then the tallest stems that still fit the height; NONE when nothing fits."""

    def fits(fit: Fit) -> bool:
        columns, rows = size_at(text, fit)
        return columns <= width and rows <= height

    scale = 0
    while scale < max_scale and fits(Fit(scale + 1, scale + 1)):
        scale += 1
    if scale == 0:
        return NONE
    stem = scale
    while stem < MAX_STRETCH * scale and fits(Fit(scale, stem + 1)):
        stem += 1
    return Fit(scale, stem)


def render_rows(text: str, fit: Fit) -> list[str]:
    """The text drawn with half blocks at `fit`: one string per terminal row."""
    halves: list[str] = []
    for row, pixels in enumerate(pixel_rows(text)):
        line = "".join((" " if pixel == "." else "#") * fit.scale for pixel in pixels)
        halves += [line] * fit.half_rows(row)
    if len(halves) % 2:
        halves.append(" " * len(halves[0]))
    return [
        "".join(HALF_BLOCKS[(top == "#", bottom == "#")] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(halves[::2], halves[1::2], strict=True)
    ]

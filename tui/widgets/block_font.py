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
    return bool(text) and all(char in FONT for char in text.replace("\n", ""))


def pixel_rows(text: str) -> list[tuple[int, str]]:
    """The text as (glyph row, pixels) pairs of '#' and '.', one pixel gap
    between glyphs. Lines (split at "\n") are centred on the widest and stacked
    with a bar row's gap between them (glyph row 0: as tall as a bar)."""
    lines = [[FONT[char] for char in line] for line in text.split("\n")]
    drawn = [[".".join(glyph[row] for glyph in glyphs) for row in range(GLYPH_ROWS)] for glyphs in lines]
    width = max(len(rows[0]) for rows in drawn)
    stacked: list[tuple[int, str]] = []
    for rows in drawn:
        if stacked:
            stacked.append((0, "." * width))
        left = (width - len(rows[0])) // 2
        stacked += [(row, "." * left + pixels + "." * (width - left - len(pixels))) for row, pixels in enumerate(rows)]
    return stacked


def size_at(text: str, fit: Fit) -> tuple[int, int]:
    """(columns, rows) that the text takes when drawn at `fit`."""
    rows = pixel_rows(text)
    halves = sum(fit.half_rows(row) for row, _ in rows)
    return len(rows[0][1]) * fit.scale, -(-halves // 2)


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


def best_layout(text: str, width: int, height: int, max_scale: int = 8) -> tuple[str, Fit]:
    """The text on one line, or a word a line when that draws it bigger (the
    side word "→ RIGHT" on a phone upright): what to draw, and its fit."""
    whole = best_fit(text, width, height, max_scale)
    if " " not in text:
        return text, whole
    stacked = "\n".join(text.split())
    fit = best_fit(stacked, width, height, max_scale)
    return (stacked, fit) if fit.scale > whole.scale else (text, whole)


def render_rows(text: str, fit: Fit) -> list[str]:
    """The text drawn with half blocks at `fit`: one string per terminal row."""
    halves: list[str] = []
    for row, pixels in pixel_rows(text):
        line = "".join((" " if pixel == "." else "#") * fit.scale for pixel in pixels)
        halves += [line] * fit.half_rows(row)
    if len(halves) % 2:
        halves.append(" " * len(halves[0]))
    return [
        "".join(HALF_BLOCKS[(top == "#", bottom == "#")] for top, bottom in zip(upper, lower, strict=True))
        for upper, lower in zip(halves[::2], halves[1::2], strict=True)
    ]

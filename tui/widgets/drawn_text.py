"""Text from the runner's files as it is drawn: control, bidi and zero-width
characters shown (tui/core/common/terminal_text.py), and cut to the room it
may take. Only what is drawn is cut: a 10,000-character routine name stays
whole in its file and in the journal, and a 10 MB note stays in the journal.

Room is measured in terminal cells (rich.cells), the way Textual lays text
out: a wide character takes two, a combining mark none, so a border after
the text stays where Textual put it.
"""

from __future__ import annotations

from rich.cells import cell_len, set_cell_size

from tui.core.common.terminal_text import one_line, visible

NAME_CELLS = 48  # a routine or exercise name in a list, a label or a line of text
PREVIEW_NAME_CELLS = 120  # home's preview, which wraps it
BAND_NAME_CELLS = 24  # the routine's name beside the phase in the session's band
TEXT_CHARACTERS = 10_000  # a description, cue or note drawn whole up to here


def fitted(text: str, cells: int = NAME_CELLS) -> str:
    """`text` on one line, at most `cells` cells wide: cut, it ends in "…"."""
    head = text[: cells * 4]  # most characters take a cell: no need to measure 10 MB
    shown = one_line(head)
    if len(head) == len(text) and cell_len(shown) <= cells:
        return shown
    return set_cell_size(shown, cells - 1).rstrip() + "…"


def size_words(size: int) -> str:
    """"820 bytes", "12.3 kB", "10.5 MB", "640 MB" (powers of 1000, as file managers say)."""
    for unit, scale in (("MB", 1_000_000), ("kB", 1_000)):
        if size >= scale:
            value = size / scale
            return f"{value:.1f}".removesuffix(".0") + f" {unit}" if value < 100 else f"{value:.0f} {unit}"
    return f"{size} bytes"


def paragraph(text: str, limit: int = TEXT_CHARACTERS) -> str:
    """A description or cue as drawn: lines kept, cut to `limit` characters with "…"."""
    shown, cut = cut_text(text, limit)
    return shown if cut is None else f"{shown}…"


def cut_text(text: str, limit: int = TEXT_CHARACTERS) -> tuple[str, str | None]:
    """Long text as drawn (lines kept, unseen characters shown) and, when it is
    longer than `limit` characters, the line that says how much is not shown."""
    if len(text) <= limit:
        return visible(text, lines=True), None
    size = size_words(len(text.encode("utf-8", "surrogatepass")))
    return visible(text[:limit], lines=True), f"cut: {size}, shown the first {limit:,} characters"

"""Text from the journal made safe to draw: a note can hold anything, and an
escape sequence drawn as it is would reach the terminal and act on it."""

from __future__ import annotations

import re

REPLACEMENT = "\N{REPLACEMENT CHARACTER}"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")  # C0 and C1 controls but tab and newline
_LINE_BREAKS = re.compile(r"\s*[\n\t]\s*")


def printable(text: str) -> str:
    """Every control character but tab and newline shown as �."""
    return _CONTROL.sub(REPLACEMENT, text)


def one_line(text: str) -> str:
    """printable(), with line breaks and tabs as single spaces (for a table cell)."""
    return printable(_LINE_BREAKS.sub(" ", text))

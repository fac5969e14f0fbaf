"""Text on its way to a terminal, with control characters made visible.

Notes, routine names and file names come from the user and from files: an
escape sequence in one (ESC ] 0 ; title BEL retitles the window, ESC [ 2 J
clears it, OSC 52 writes the clipboard, and C1 characters such as U+009B act
as ESC [) must reach the screen as text, never as a command. The journal
keeps such text exactly as typed; only what is shown changes.

- `visible(text)`: C0 controls, DEL, C1 controls (U+0080-U+009F) and lone
  surrogates (bytes that were not UTF-8) as `\\x1b`, `\\x9b`, `\\udc9b`.
  Newlines and tabs are kept with `lines=True`; `one_line(text)` makes each
  run of line breaks and tabs one space first (a table cell).
- `json_text(text)`: JSON that escapes the same characters (`\\u001b`,
  `\\u009b`); `json.dumps(..., ensure_ascii=False)` leaves DEL, C1 and lone
  surrogates as they are.
- `quoted(value)`, `shortened(message)`: a bad value in a message, cut to
  a readable length (a 100,000-character argument is not echoed whole).
- `VisibleStream`: standard output or error for the command line, every
  write passed through `visible(..., lines=True)`.

Hand-written on purpose: Rich strips only five controls (BEL, BS, VT, FF, CR)
and leaves ESC, DEL and C1 in place; the command line does not load Rich.
"""

from __future__ import annotations

import re
from typing import IO, Any

# Everything a terminal may act on, and lone surrogates (which cannot be encoded).
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f\ud800-\udfff]")
# The same but newline, tab and the carriage return of a CRLF line end (CSV rows).
_CONTROL_IN_LINES = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff]|\r(?!\n)")
_JSON_RAW = re.compile(r"[\x7f-\x9f\ud800-\udfff]")
_LINE_BREAKS = re.compile(r"\s*[\n\t]\s*")


_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _shown(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def visible(text: str, *, lines: bool = False) -> str:
    """`text` with every control character written out as an escape."""
    pattern = _CONTROL_IN_LINES if lines else _CONTROL
    return pattern.sub(_shown, text) if pattern.search(text) else text


def one_line(text: str) -> str:
    """visible(), with line breaks and tabs as single spaces (for a table cell)."""
    return visible(_LINE_BREAKS.sub(" ", text))


def first_control(text: str, *, lines: bool = False) -> str | None:
    """The first control character in `text`, shown as an escape; None if there is none."""
    found = (_CONTROL_IN_LINES if lines else _CONTROL).search(text)
    return None if found is None else _shown(found)


def quoted(value: str, limit: int = 40) -> str:
    """A value typed by the user, for a message: in quotes, control characters
    visible, and a long one cut to its first `limit` characters and its length."""
    if len(value) <= limit:
        return f"'{visible(value)}'"
    return f"'{visible(value[:limit])}…' ({len(value):,} characters)"


def shortened(message: str, limit: int = 300) -> str:
    """A message cut in the middle when a value it quotes makes it too long."""
    if len(message) <= limit:
        return message
    return f"{message[: limit - 80]} … {message[-60:]}"


def json_text(dumped: str) -> str:
    """JSON text (from json.dumps with ensure_ascii=False) with DEL, C1 and lone
    surrogates escaped too; they can only occur inside its strings."""
    return _JSON_RAW.sub(lambda match: f"\\u{ord(match.group()):04x}", dumped)


class VisibleStream:
    """A text stream that shows control characters instead of sending them."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(visible(text, lines=True))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)  # flush, fileno, isatty, encoding, ...

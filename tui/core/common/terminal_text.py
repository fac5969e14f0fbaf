"""Text on its way to a terminal, with control characters made visible.

Notes, routine names and file names come from the user and from files: an
escape sequence in one (ESC ] 0 ; title BEL retitles the window, ESC [ 2 J
clears it, OSC 52 writes the clipboard, and C1 characters such as U+009B act
as ESC [) must reach the screen as text, never as a command. The journal
keeps such text exactly as typed; only what is shown changes.

- `visible(text)`: C0 controls, DEL, C1 controls (U+0080-U+009F) and lone
  surrogates (bytes that were not UTF-8) as `\\x1b`, `\\x9b`, `\\udc9b`;
  bidi controls and zero-width characters too, as `\\u202e`, `\\u200b`
  (see _UNSEEN). Rich gives those no width, so they may stay in a routine
  file (the loader refuses only the controls, `first_control`).
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
_ACTING = r"\x00-\x1f\x7f-\x9f\ud800-\udfff"
_ACTING_IN_LINES = r"\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff"  # but newline and tab
# Characters that do not show, yet change what is shown: bidi controls (U+202A-U+202E,
# U+2066-U+2069, the marks U+200E/U+200F, U+061C), after which a terminal that applies
# them draws the rest of the line reversed; and zero-width characters (U+200B-U+200D,
# U+2060, U+FEFF), which some terminals draw a cell wide, moving a panel's right border.
_UNSEEN = "\u061c\u200b-\u200f\u202a-\u202e\u2060\u2066-\u2069\ufeff"
_CONTROL = re.compile(f"[{_ACTING}]")
_SHOWN = re.compile(f"[{_ACTING}{_UNSEEN}]")
# The same but newline, tab and the carriage return of a CRLF line end (CSV rows).
_CONTROL_IN_LINES = re.compile(f"[{_ACTING_IN_LINES}]|\r(?!\n)")
_SHOWN_IN_LINES = re.compile(f"[{_ACTING_IN_LINES}{_UNSEEN}]|\r(?!\n)")
_JSON_RAW = re.compile(f"[\\x7f-\\x9f\\ud800-\\udfff{_UNSEEN}]")  # json.dumps escapes C0 itself
_LINE_BREAKS = re.compile(r"\s*[\n\t]\s*")


_NAMED = {"\n": "\\n", "\t": "\\t", "\r": "\\r"}


def _shown(match: re.Match) -> str:
    char = match.group()
    code = ord(char)
    return _NAMED.get(char) or (f"\\x{code:02x}" if code < 0x100 else f"\\u{code:04x}")


def visible(text: str, *, lines: bool = False) -> str:
    """`text` with every control, bidi and zero-width character written out as an escape."""
    pattern = _SHOWN_IN_LINES if lines else _SHOWN
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
    """JSON text (from json.dumps with ensure_ascii=False) with DEL, C1, lone
    surrogates, bidi and zero-width characters escaped too; they can only occur
    inside its strings, where `\\u202e` reads back as the character itself."""
    return _JSON_RAW.sub(lambda match: f"\\u{ord(match.group()):04x}", dumped)


class VisibleStream:
    """A text stream that shows control characters instead of sending them."""

    def __init__(self, stream: IO[str]) -> None:
        self.stream = stream

    def write(self, text: str) -> int:
        return self.stream.write(visible(text, lines=True))

    def __getattr__(self, name: str) -> Any:
        return getattr(self.stream, name)  # flush, fileno, isatty, encoding, ...

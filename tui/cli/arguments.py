"""Argument types: each checks one value, and argparse turns the
ArgumentTypeError it raises into a usage error naming the option."""

from __future__ import annotations

import argparse
from pathlib import Path

from tui.cli.common import did_you_mean
from tui.core.common.ids import AREAS
from tui.core.common.terminal_text import quoted, visible
from tui.core.journal.records import NOTE_LIMIT, area_name


def whole_number(text: str) -> int | None:
    """Plain ASCII digits only: int() would also take '+3', '1_0' and '٣'."""
    digits = text.strip()
    return int(digits) if digits.isascii() and digits.isdigit() and len(digits) <= 6 else None


def rating(text: str) -> int:
    number = whole_number(text)
    if number is None or not 0 <= number <= 10:
        raise argparse.ArgumentTypeError(f"must be a whole number from 0 to 10, got {quoted(text)}")
    return number


def area(text: str) -> str:
    try:
        return area_name(text)
    except ValueError:
        raise argparse.ArgumentTypeError(
            f"unknown area {quoted(text)}{did_you_mean(text, AREAS)} (known: {', '.join(AREAS)})") from None


def area_rating(text: str) -> tuple[str, int]:
    name, equals, value = text.partition("=")
    if not equals or not name.strip() or not value.strip():
        raise argparse.ArgumentTypeError(f"{quoted(text)} is not AREA=N (for example calves=4)")
    try:
        number = rating(value.strip())
    except argparse.ArgumentTypeError:
        raise argparse.ArgumentTypeError(
            f"{visible(name.strip()[:40])} must be rated with a whole number from 0 to 10, got {quoted(value)}"
        ) from None
    return area(name), number


def positive(text: str) -> int:
    number = whole_number(text)
    if number is None or number < 1:
        raise argparse.ArgumentTypeError(f"must be a positive whole number, got {quoted(text)}")
    return number


def note(text: str) -> str:
    """Any text, kept as typed; bytes that are not UTF-8 arrive as lone
    surrogates and could not be saved."""
    bad = next((char for char in text if "\ud800" <= char <= "\udfff"), None)
    if bad is not None:
        raise argparse.ArgumentTypeError(
            f"is not valid UTF-8 text (byte {ord(bad) - 0xDC00:#04x}); check the terminal's encoding")
    if len(text.strip()) > NOTE_LIMIT:
        raise argparse.ArgumentTypeError(
            f"is {len(text.strip()):,} characters; a note holds at most {NOTE_LIMIT} (nothing was saved)")
    return text


def new_file(text: str) -> Path:
    if not text.strip():
        raise argparse.ArgumentTypeError("needs a file name, got an empty one")
    return Path(text)


def port_number(text: str) -> int:
    if not text.isdigit() or not 1 <= int(text) <= 65535:
        raise argparse.ArgumentTypeError(f"'{text}' is not a port (1 to 65535)")
    return int(text)

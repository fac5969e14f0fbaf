"""Shown over everything while the terminal is below the smallest usable size."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

MIN_WIDTH = 60
MIN_HEIGHT = 18


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT


class TooSmallScreen(ModalScreen[None]):
    DEFAULT_CSS = """
    TooSmallScreen { align: center middle; background: $background; }
    TooSmallScreen Static { width: 1fr; height: auto; text-align: center; }
    """

    def compose(self) -> ComposeResult:
        yield Static(
            f"Make the window larger (at least {MIN_WIDTH}×{MIN_HEIGHT}).", id="too-small"
        )

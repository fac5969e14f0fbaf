"""Shown over everything while the terminal is below the smallest usable size."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.screen import ModalScreen
from textual.widgets import Static

from tui.min_size import MIN_HEIGHT, MIN_WIDTH


class TooSmallScreen(ModalScreen[None]):

    def compose(self) -> ComposeResult:
        yield Static(
            f"Make the window larger (at least {MIN_WIDTH}×{MIN_HEIGHT}).", id="too-small"
        )

"""The box in the middle of the screen that questions and notices share."""

from __future__ import annotations

from textual.screen import ModalScreen, ScreenResultType


class DialogScreen(ModalScreen[ScreenResultType]):
    """A modal screen laid out as one centred box, `#dialog`."""

    DEFAULT_CSS = """
    DialogScreen { align: center middle; }
    DialogScreen #dialog {
        width: 60; max-width: 100%; height: auto;
        border: thick $primary; background: $surface; padding: 1 2;
    }
    DialogScreen #question { text-style: bold; }
    DialogScreen #detail { width: 1fr; margin-top: 1; color: $text-muted; }
    DialogScreen #dialog-buttons { height: auto; margin-top: 1; align: right middle; }
    DialogScreen #dialog-buttons Button { margin-left: 2; }
    """

"""The box in the middle of the screen that questions and notices share."""

from __future__ import annotations

from textual.screen import ModalScreen, ScreenResultType


class DialogScreen(ModalScreen[ScreenResultType]):
    """A modal screen laid out as one centred box, `#dialog`."""

    CSS_PATH = "dialog.tcss"

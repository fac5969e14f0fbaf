"""The box in the middle of the screen that questions and notices share."""

from __future__ import annotations

from textual.app import ComposeResult
from textual.containers import Vertical
from textual.screen import ModalScreen, ScreenResultType

from tui.widgets.footer import Footer


class DialogScreen(ModalScreen[ScreenResultType]):
    """A modal screen laid out as one centred box, `#dialog`, over a footer
    of its own: the screen under a dialog keeps its footer, whose keys do
    nothing while the dialog is open, so this one covers it."""


    def compose(self) -> ComposeResult:
        with Vertical(id="dialog"):
            yield from self.compose_dialog()
        yield Footer()

    def compose_dialog(self) -> ComposeResult:
        """What the box holds: the question or title first (`#question`)."""
        yield from ()

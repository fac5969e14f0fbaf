"""Leave a routine part-way? The footer's keys say what the buttons say."""

from __future__ import annotations

from textual.binding import Binding

from tui.dialogs.confirm import ConfirmScreen

LEAVE = "Leave"
KEEP_GOING = "Keep going"


class LeaveRoutineScreen(ConfirmScreen):
    """The session's question when Escape is pressed: answered True to leave."""

    BINDINGS = [
        Binding("y", "answer(True)", LEAVE),
        Binding("n,escape", "answer(False)", KEEP_GOING),
    ]

    def __init__(self) -> None:
        super().__init__(
            "Leave this routine?",
            "What you have done so far is recorded as left part-way.",
            yes=LEAVE,
            no=KEEP_GOING,
        )

"""Ask when the run ended: just now, 15/30/60 minutes ago, or a time typed in
(as `recovery-tui plan --ended` takes it). With a current run (today's, or
last night's just after midnight), the first answer goes back to its plan;
the last reads the run from a watch file."""

from __future__ import annotations

from datetime import datetime, timedelta

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.widgets import Input, Label, OptionList
from textual.widgets.option_list import Option

from tui.core.common.when import parse_ended
from tui.core.plan.runs import run_end
from tui.dialogs.base import DialogScreen

RESUME = "resume"
WATCH = "watch"  # the run's end from a watch file (tui/dialogs/watch_file.py)
MINUTES_AGO = (0, 15, 30, 60)
HINT = "Enter picks; or type the time it ended, like 21:40. Esc cancels."


def ago_label(minutes: int) -> str:
    return "Just now" if minutes == 0 else f"{minutes} min ago"


class RunEndedScreen(DialogScreen[datetime | str | None]):
    """Dismisses with when the run ended, RESUME (back to the current run's
    plan), WATCH (read it from a watch file), or None."""

    BINDINGS = [Binding("escape", "cancel", "Cancel")]
    choices = getters.query_one("#run-ended", OptionList)
    ended_at = getters.query_one("#ended-at", Input)
    detail = getters.query_one("#detail", Label)

    def __init__(self, now: datetime, current_run: dict | None = None) -> None:
        super().__init__()
        self.now = now
        self.current_run = current_run

    def compose_dialog(self) -> ComposeResult:
        options = [Option(ago_label(m), id=str(m)) for m in MINUTES_AGO]
        if self.current_run is not None:
            ended = run_end(self.current_run, self.now)
            day = "today's" if ended.date() == self.now.date() else f"{ended:%A}'s"
            options.insert(0, Option(f"Back to {day} plan (run ended {ended:%H:%M})", id=RESUME))
        options.append(Option("From the watch file…", id=WATCH))
        yield Label("When did your run end?", id="question")
        yield OptionList(*options, id="run-ended")
        yield Input(placeholder="or a time, like 21:40", id="ended-at", max_length=8, select_on_focus=False)
        yield Label(HINT, id="detail")

    def on_mount(self) -> None:
        self.choices.focus()

    @on(OptionList.OptionSelected)
    def chosen(self, event: OptionList.OptionSelected) -> None:
        if event.option.id in (RESUME, WATCH):
            self.dismiss(event.option.id)
        else:
            self.dismiss(self.now - timedelta(minutes=int(event.option.id or 0)))

    @on(Input.Submitted)
    def typed(self, event: Input.Submitted) -> None:
        try:
            ended = parse_ended(event.value, self.now)
        except ValueError as error:
            detail = self.detail
            detail.update(str(error))
            detail.add_class("error")
            return
        self.dismiss(ended)

    def on_key(self, event) -> None:
        """Typing a digit on the list goes to the time field."""
        field = self.ended_at
        if event.character and event.character.isdigit() and not field.has_focus:
            self.set_focus(field)  # at once: the next key may already be on its way
            field.insert_text_at_cursor(event.character)
            event.stop()

    def action_cancel(self) -> None:
        self.dismiss(None)

"""A routine session: one exercise at a time, readable from the mat.

The screen only polls the timer engine and shows what it says; every timing
rule lives in tui.core.routines.timer.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import datetime
from typing import Any

from textual import getters, on
from textual.app import ComposeResult
from textual.binding import Binding
from textual.containers import Container, Horizontal, Vertical
from textual.screen import Screen
from textual.timer import Timer
from textual.widgets import Label, ProgressBar, Static
from textual.worker import Worker

from tui.app_services import AppServices
from tui.core.common.when import format_duration
from tui.core.journal.writer import Change, session_change
from tui.core.routines.model import Exercise, Routine
from tui.core.routines.timer import Clock, Phase, Report, RoutineTimer, Segment
from tui.core.routines.voice import CueTracker
from tui.dialogs.leave import LeaveRoutineScreen
from tui.messages import Cue, VoiceMissing
from tui.widgets.big_text import BigText
from tui.widgets.drawn_text import BAND_NAME_CELLS, fitted, paragraph
from tui.widgets.footer import Footer
from tui.widgets.voice_notice import VoiceNotice

PHASE_CLASSES = {
    Phase.GET_READY: "-get-ready",
    Phase.HOLD: "-hold",
    Phase.SWITCH: "-switch",
    Phase.REST: "-rest",
}
POLL_SECONDS = 0.1
ROW_LAYOUT_BELOW = 32  # window rows
SHORT_BELOW = 20  # window rows: a switch keeps the side beside the clock (see session.tcss)
DEADLINE_MARGIN = 0.001  # Textual wakes timers up to 0.5 ms early


@dataclass(frozen=True)
class SessionResult:
    """What a session hands back when a routine ends or is left."""

    routine: Routine
    report: Report
    started: datetime
    ended: datetime
    saving: Worker[Any] | None = field(default=None, compare=False, repr=False)  # the record's write


class SessionScreen(Screen[SessionResult | None]):
    """Records itself when it ends, and dismisses with what happened. Before
    the first exercise began nothing is recorded: left then, it dismisses with
    None; with every exercise skipped, with the result (its summary says so)."""

    BINDINGS = [
        Binding("space", "pause", "Pause"),
        Binding("space", "resume", "Resume"),
        Binding("n", "next", "Next"),
        Binding("right", "next", "Next", show=False),
        Binding("p", "previous", "Prev"),
        Binding("left", "previous", "Previous", show=False),
        Binding("plus,equals_sign", "adjust(15)", "15 s", key_display="+"),
        Binding("minus", "adjust(-15)", "15 s", key_display="-"),
        Binding("f", "finish", "Finish"),
        Binding("escape", "leave", "Leave"),
    ]
    CSS_PATH = "session.tcss"
    app = getters.app(AppServices)
    position_label = getters.query_one("#position", Label)
    phase_label = getters.query_one("#phase", Label)
    name_label = getters.query_one("#exercise-name", Label)
    side_text = getters.query_one("#side", BigText)
    countdown = getters.query_one("#countdown", BigText)
    cue = getters.query_one("#cue", Static)
    areas_label = getters.query_one("#areas", Label)
    up_next_label = getters.query_one("#up-next", Label)
    progress_bar = getters.query_one("#progress", ProgressBar)
    times_label = getters.query_one("#times", Label)
    clock_box = getters.query_one("#clock", Container)
    voice_notice = getters.query_one("#voice-notice", VoiceNotice)

    def __init__(
        self,
        routine: Routine,
        *,
        clock: Clock,
        now: Callable[[], datetime],
        get_ready: float = 5,
        switch_sides: float = 5,
    ) -> None:
        super().__init__()
        self.routine = routine
        self.now = now
        self.timer = RoutineTimer(
            routine, clock, get_ready=get_ready, switch_sides=switch_sides
        )
        self.cues = CueTracker(routine)
        self.started: datetime | None = None
        self._shown: tuple | None = None
        self._ended = False
        self._deadline_wake: Timer | None = None

    def compose(self) -> ComposeResult:
        with Vertical(id="session"):
            with Horizontal(id="band"):
                # Names and cues come from routine files: text, never markup
                # (a "[/]" in a cue would otherwise stop the session).
                yield Label(id="phase", markup=False)
                yield Label(fitted(self.routine.name, BAND_NAME_CELLS), id="routine-name", markup=False)
                yield Label(id="position", markup=False)
            yield Label(id="exercise-name", markup=False)
            with Container(id="clock"):
                yield BigText(id="side", max_scale=4)
                yield BigText(id="countdown")
            yield Static(id="cue", markup=False)
            yield Label(id="areas")
            yield Label(id="up-next", markup=False)
            with Horizontal(id="session-bottom"):
                yield ProgressBar(total=1.0, show_eta=False, show_percentage=True, id="progress")
                yield Label(id="times")
            yield VoiceNotice(id="voice-notice")
        yield Footer()

    @classmethod
    def of(cls, app: AppServices, routine: Routine) -> SessionScreen:
        """A session on the app's clocks, with this user's pauses."""
        return cls(routine, clock=app.clock, now=app.now, get_ready=app.get_ready,
                   switch_sides=app.switch_sides)

    def on_mount(self) -> None:
        self.app.leaving.subscribe(self, self.record_before_leaving, immediate=True)
        self.started = self.now()
        self.timer.start()
        self._poll = self.set_interval(POLL_SECONDS, self.poll)
        self.speak_cues()
        self.refresh_display()

    def on_resize(self) -> None:
        """A short window puts the side beside the clock, so both can be bigger."""
        self.clock_box.set_class(self.size.height < ROW_LAYOUT_BELOW, "-row")
        self.clock_box.set_class(self.size.height < SHORT_BELOW, "-short")

    def on_screen_resume(self) -> None:
        """A voice found missing before (told once per app) is said in every session."""
        if self.app.voice and self.app.voice_out.missing:
            self.voice_notice.show()

    @on(VoiceMissing)
    def show_voice_missing(self, message: VoiceMissing) -> None:
        message.stop()  # said here, in the layout: the app's notice would cover the cue
        self.voice_notice.show()

    def poll(self) -> None:
        if self._ended:
            return
        changes = self.timer.update()
        if changes:
            self.app.post_message(Cue(bell=True))
        self.speak_cues()
        if self.timer.finished:
            self.end()
            return
        self.refresh_display()
        self._wake_at_deadline()

    def speak_cues(self) -> None:
        """Hand the cues due now to the app, which speaks them if the voice is on."""
        for line in self.cues.update(self.timer):
            self.app.post_message(Cue(line))

    def _wake_at_deadline(self) -> None:
        """The interval ticks out of step with the phases: a phase ending
        between two ticks would be seen up to POLL_SECONDS late, so also
        wake just after the deadline itself."""
        remaining = self.timer.remaining()
        if self.timer.paused or remaining >= POLL_SECONDS or self._deadline_wake is not None:
            return

        def wake() -> None:
            self._deadline_wake = None
            self.poll()

        self._deadline_wake = self.set_timer(remaining + DEADLINE_MARGIN, wake)

    def result(self) -> SessionResult:
        return SessionResult(self.routine, self.timer.report(), self.started or self.now(), self.now())

    def record(self, result: SessionResult) -> Worker[Any] | None:
        """The session's record, written off the UI thread (a failure is said there)."""
        return self.app.write("session", self.change(result))

    def change(self, result: SessionResult) -> Change:
        return session_change(result.routine, result.report, result.started, result.ended)

    def record_before_leaving(self, _signum: int) -> None:
        """The app is leaving on a signal: what was done so far is recorded as
        left part-way, now, through the one write path (a worker might never
        start: once the terminal is gone the loop can stall for good)."""
        if not self._ended:
            self._ended = True  # the app leaves: no summary, and end() records nothing more
            self._poll.stop()
            self.timer.finish(left=True)
            result = self.result()
            if result.report.began:
                self.app.write_now("session", self.change(result))

    def end(self) -> None:
        if self._ended:
            return
        self._ended = True
        self._poll.stop()
        found = self.result()
        result: SessionResult | None = found
        if found.report.began:
            result = replace(found, saving=self.record(found))
        elif found.report.left:
            self.notify("Left before the first exercise began: nothing recorded.")
            result = None
        if self.is_active:
            self.dismiss(result)
            return
        # Covered (by the request to enlarge the window): Textual's dismiss pops
        # the top screen, so the ones above go first, then this one, in order.
        self.pop_until_active()
        self.app.call_later(self.dismiss, result)

    def refresh_display(self) -> None:
        timer = self.timer
        if timer.finished:
            return
        segment = timer.segment
        if segment is None:  # finished (see RoutineTimer.segment)
            return
        exercise = self.routine.exercises[segment.exercise]
        remaining = timer.remaining()
        state = (segment, int(-(-remaining // 1)), timer.paused, int(timer.elapsed()))
        if state == self._shown:
            return
        self._shown = state
        for phase, css_class in PHASE_CLASSES.items():
            self.set_class(phase is segment.phase, css_class)
        self.set_class(timer.paused, "-paused")
        self.position_label.update(self.position_text(segment.exercise))
        self.phase_label.update(self.phase_text(segment, exercise))
        self.name_label.update(fitted(exercise.name))
        side = self.side_text
        side_word = self.side_word(segment)
        side.update(side_word)
        side.set_class(not side_word, "-hidden")
        self.countdown.update(format_duration(remaining))
        self.cue.update(paragraph(self.cue_text(exercise)))
        self.areas_label.update(self.areas_text(exercise))
        self.up_next_label.update(self.up_next_text())
        self.progress_bar.update(progress=timer.progress())
        self.times_label.update(
            f"Elapsed {format_duration(timer.elapsed())} · "
            f"Left {format_duration(timer.routine_remaining())}"
        )

    def side_word(self, segment: Segment) -> str:
        """The side held now; in a switch, the side that comes next."""
        if segment.phase is Phase.SWITCH:
            following = self.timer.segments[self.timer.index + 1 :]
            upcoming = next((s.side for s in following if s.side), None)
            return f"→ {upcoming.upper()}" if upcoming else ""
        return (segment.side or "").upper()

    def phase_text(self, segment: Segment, exercise: Exercise) -> str:
        """The phase in words, so that it reads without colour too."""
        if self.timer.paused:
            return "PAUSED · space to resume"
        if segment.phase is Phase.HOLD:
            word = "HOLD"
            if self.routine.kind == "warmup":
                word = "GO · keep moving"
            elif exercise.moving:
                word = "KEEP MOVING"
            return f"{word} · {segment.side.upper()} SIDE" if segment.side else word
        if segment.phase is Phase.SWITCH:
            return "SWITCH SIDES · now the right"
        if segment.phase is Phase.REST:
            return "REST · next up, left side first" if exercise.sides == 2 else "REST · next up"
        if exercise.sides == 2:
            return "GET READY · left side first"
        return "GET READY"

    # What the labels say; a timed plan step shows less (see timed_step.py).
    def position_text(self, index: int) -> str:
        return f"· {index + 1} of {len(self.routine.exercises)}"

    def cue_text(self, exercise: Exercise) -> str:
        return exercise.cue

    def areas_text(self, exercise: Exercise) -> str:
        return "Works: " + ", ".join(exercise.areas)

    def up_next_text(self) -> str:
        following = self.timer.next_exercise_index()
        if following is None:
            return "Next: finish"
        nxt = self.routine.exercises[following]
        sides = " each side" if nxt.sides == 2 else ""
        return f"Next: {fitted(nxt.name)} ({format_duration(nxt.seconds)}{sides})"

    def _command(self, command: Callable[[], None]) -> None:
        before = (self.timer.segment, self.timer.paused)
        command()
        self.speak_cues()
        if self.timer.finished:
            self.end()
            return
        if self.timer.segment != before[0]:
            self.app.post_message(Cue(bell=True))
        if self.timer.paused != before[1]:
            self.refresh_bindings()  # the footer says Pause or Resume
        self._poll.resume() if not self.timer.paused else self._poll.pause()
        self.refresh_display()

    def check_action(self, action: str, parameters: tuple) -> bool | None:
        """Space is Pause while running and Resume while paused."""
        if action == "pause":
            return not self.timer.paused
        if action == "resume":
            return self.timer.paused
        return True

    def action_pause(self) -> None:
        self._command(self.timer.toggle_pause)

    def action_resume(self) -> None:
        self._command(self.timer.toggle_pause)

    def action_next(self) -> None:
        self._command(self.timer.next)

    def action_previous(self) -> None:
        self._command(self.timer.previous)

    def action_adjust(self, seconds: int) -> None:
        self._command(lambda: self.timer.adjust(seconds))

    def action_finish(self) -> None:
        self._command(self.timer.finish)

    def action_leave(self) -> None:
        if self.timer.finished:
            self.end()
            return
        was_paused = self.timer.paused
        if not was_paused:
            self._command(self.timer.toggle_pause)

        def answered(leave: bool | None) -> None:
            if leave:
                self._command(lambda: self.timer.finish(left=True))
            elif not was_paused:
                self._command(self.timer.toggle_pause)

        self.app.push_screen(LeaveRoutineScreen(), callback=answered)

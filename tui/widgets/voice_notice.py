"""The session's line for a missing voice: a line of the layout, not a toast,
so it takes its own rows and never covers the countdown or the cue (a toast
at the bottom right lay over the cue at every size)."""

from __future__ import annotations

from textual.widgets import Static

VOICE_NOTICE = "No voice: espeak-ng not found (install it to hear cues)"  # fits 56 columns


class VoiceNotice(Static):
    """Hidden until shown; shown, it stays for the session (the voice stays missing)."""

    DEFAULT_CSS = """
    VoiceNotice {
        display: none; width: 1fr; height: auto; padding: 0 2;
        text-align: center; color: $text-warning;
    }
    VoiceNotice.-shown { display: block; }
    """

    def __init__(self, *, id: str | None = None) -> None:
        super().__init__(VOICE_NOTICE, id=id, markup=False)

    def show(self) -> None:
        self.add_class("-shown")

    @property
    def shown(self) -> bool:
        return self.has_class("-shown")

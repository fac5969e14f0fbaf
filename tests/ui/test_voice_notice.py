"""With the voice on and no espeak-ng, the session says so in a line of its
own layout: at every size the notice covers neither the countdown nor the
cue (the toast it replaced lay over the cue at the bottom right), a later
session says it again, and a screen that is not a session gets the notice."""

from __future__ import annotations

import pytest
from textual.geometry import Region

from tests.clock import FakeClock
from tests.ui.helpers import make_app, polled, wait_until
from tui.messages import Cue
from tui.screens.session import SessionScreen
from tui.widgets.big_text import BigText

SIZES = [(80, 24), (60, 18), (40, 44), (120, 40)]


def notice_regions(screen) -> list[Region]:
    """Where the screen tells of the missing voice: toasts and the session's line."""
    regions = [toast.region for toast in screen.query("Toast")]  # Textual's notices
    regions += [line.region for line in screen.query("#voice-notice") if line.display]
    return regions


@pytest.mark.parametrize("size", SIZES, ids=[f"{w}x{h}" for w, h in SIZES])
async def test_the_missing_voice_notice_covers_neither_the_countdown_nor_the_cue(size, tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))  # no espeak-ng here
    clock = FakeClock()
    app = make_app(clock, start_routine="post-run-stretches", voice=True)
    async with app.run_test(size=size, notifications=True) as pilot:
        await wait_until(pilot, lambda: app.voice_out.missing)
        clock.advance(5 + 12)  # into the hold: the side, the digits and the cue all shown
        await polled(pilot)
        await wait_until(pilot, lambda: bool(notice_regions(app.screen)))
        session = app.screen
        assert isinstance(session, SessionScreen)
        notices = notice_regions(session)
        assert all(notice.height > 0 and session.region.contains_region(notice) for notice in notices)
        for selector in ("#countdown", "#side", "#cue"):
            region = session.query_one(selector).region
            assert region.height > 0, selector
            covered = [notice for notice in notices if notice.overlaps(region)]
            assert covered == [], f"{selector} {region} is under {covered}"
        assert session.query_one("#countdown", BigText).scale >= 1
        assert "espeak-ng" in str(session.query_one("#voice-notice").render())


@pytest.mark.slow  # two screens in one app: 2-3 s on a loaded machine
async def test_a_later_session_says_it_again_and_other_screens_get_a_notice(tmp_path, monkeypatch):
    monkeypatch.setenv("PATH", str(tmp_path))
    notices: list[str] = []
    app = make_app(FakeClock(), voice=True)
    monkeypatch.setattr(app, "notify", lambda message, **options: notices.append(message))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.pause()
        home = app.screen
        app.post_message(Cue("hello"))
        await wait_until(pilot, lambda: app.voice_out.missing and notices != [])
        assert app.screen is home and any("apt install espeak-ng" in notice for notice in notices)
        await pilot.press("enter")  # the highlighted routine
        await wait_until(pilot, lambda: isinstance(app.screen, SessionScreen))
        await pilot.pause()
        assert app.screen.query_one("#voice-notice").display
        assert len(notices) == 1  # the session's line, no second toast

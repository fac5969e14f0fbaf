"""On a phone held upright (40 columns) the footer wraps, and every key can be tapped."""

from __future__ import annotations

import pytest

from tests.clock import FakeClock
from tests.ui.helpers import make_app, polled, settle
from tui.widgets.footer import Footer

PHONE = (40, 44)


def footer_of(app) -> Footer:
    return app.screen.query_one(Footer)


def shown_actions(app) -> set[str]:
    """What the screen's bindings put in the footer, and the command palette."""
    active = app.screen.active_bindings.values()
    return {binding.action for _node, binding, _enabled, _tip in active if binding.show} | {"command_palette"}


def drawn_actions(app) -> set[str]:
    active = app.screen.active_bindings
    return {active[key.key].binding.action for _x, _y, key in footer_of(app).drawn_keys}


async def click_key(pilot, description: str) -> None:
    """Click the footer key whose label ends with `description`, where it is drawn."""
    footer = footer_of(pilot.app)
    for x, y, key in footer.drawn_keys:
        if key.label.plain.strip().endswith(description):
            assert await pilot.click(Footer, offset=(x + 1, y))
            await pilot.pause()
            return
    raise AssertionError(f"{description!r} is not in the footer: {footer.drawn_keys}")


def drawn_lines(app) -> list[str]:
    footer = footer_of(app)
    return [footer.render_line(y).text for y in range(footer.size.height)]


async def test_home_at_40_columns_draws_every_key_whole_on_three_lines():
    app = make_app()
    async with app.run_test(size=PHONE) as pilot:
        await pilot.pause()
        footer = footer_of(app)
        lines = drawn_lines(app)
        assert len(lines) == footer.size.height == 3, lines
        assert all(len(line.rstrip()) <= PHONE[0] for line in lines)
        text = "\n".join(lines)
        for label in ("Start", "Just ran", "Log soreness", "History", "Insights", "Settings", "Quit", "palette"):
            assert label in text
        assert drawn_actions(app) == shown_actions(app)


def is_screen(name: str):
    return lambda app: type(app.screen).__name__ == name


HOME_KEYS = {
    "Start": is_screen("SessionScreen"),
    "Just ran": is_screen("RunEndedScreen"),
    "Log soreness": is_screen("SorenessScreen"),
    "History": is_screen("HistoryScreen"),
    "Insights": is_screen("InsightsScreen"),
    "Settings": is_screen("SettingsScreen"),
    "palette": is_screen("CommandPalette"),
    "Quit": lambda app: app.return_code == 0,  # last: the others go back to home
}


async def test_tapping_each_home_key_at_40_columns_runs_it(tmp_path):
    """One app: each key tapped on home, then back to home for the next (Quit last)."""
    app = make_app(journal_path=tmp_path / "journal.json")
    async with app.run_test(size=PHONE) as pilot:
        await pilot.pause()
        await settle(pilot)
        for description, opened in HOME_KEYS.items():
            await click_key(pilot, description)
            await settle(pilot)
            assert opened(app), (description, type(app.screen).__name__)
            if description != "Quit":
                while len(app.screen_stack) > 1:  # back to home, as escape would
                    await app.screen.dismiss()
                    await pilot.pause()
                await settle(pilot)
                assert type(app.screen).__name__ == "HomeScreen"


async def in_first_hold(pilot, clock: FakeClock) -> None:
    await polled(pilot)
    clock.advance(20)
    await polled(pilot)


SESSION_KEYS = {
    "Pause": lambda screen, before: screen.timer.paused,
    "Next": lambda screen, before: screen.timer.exercise_index == before + 1,
    "Finish": lambda screen, before: screen.timer.finished,
    "Leave": lambda screen, before: type(screen.app.screen).__name__ == "LeaveRoutineScreen",
}


@pytest.mark.parametrize("description", SESSION_KEYS)
async def test_tapping_each_session_key_at_40_columns_runs_it(description, tmp_path):
    clock = FakeClock()
    app = make_app(clock, journal_path=tmp_path / "journal.json", start_routine="post-run-stretches")
    async with app.run_test(size=PHONE) as pilot:
        await in_first_hold(pilot, clock)
        session = app.screen
        assert drawn_actions(app) == shown_actions(app)
        before = session.timer.exercise_index
        await click_key(pilot, description)
        assert SESSION_KEYS[description](session, before)


async def test_tapping_plus_and_minus_at_40_columns_changes_the_hold(tmp_path):
    clock = FakeClock()
    app = make_app(clock, journal_path=tmp_path / "journal.json", start_routine="post-run-stretches")
    async with app.run_test(size=PHONE) as pilot:
        await in_first_hold(pilot, clock)
        timer = app.screen.timer
        footer = footer_of(app)
        plus, minus = (next((x, y) for x, y, key in footer.drawn_keys if key.key == name)
                       for name in ("plus", "minus"))
        start = timer.remaining()
        await pilot.click(Footer, offset=(plus[0] + 1, plus[1]))
        await pilot.pause()
        assert timer.remaining() == pytest.approx(start + 15)
        await pilot.click(Footer, offset=(minus[0] + 1, minus[1]))
        await pilot.pause()
        assert timer.remaining() == pytest.approx(start)


async def test_the_palette_key_stays_in_the_session_footer_while_paused(tmp_path):
    """One paused session, the window resized to each size in turn."""
    clock = FakeClock()
    app = make_app(clock, journal_path=tmp_path / "journal.json", start_routine="post-run-stretches")
    async with app.run_test(size=PHONE) as pilot:
        await in_first_hold(pilot, clock)
        await pilot.press("space")
        await pilot.pause()
        for size in [(40, 44), (60, 18), (80, 24)]:
            await pilot.resize_terminal(*size)
            text = "\n".join(drawn_lines(app))
            assert "Resume" in text and "esc Leave" in text and "^p palette" in text, (size, text)
            await click_key(pilot, "palette")
            assert type(app.screen).__name__ == "CommandPalette", size
            await app.screen.dismiss()
            await pilot.pause()

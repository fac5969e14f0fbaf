"""A phone held upright (40 to 43 columns, the served page at 16 px): the
summary's text, the soreness form's question, hint and note box, and the
plan's heading are drawn whole, inside the screen and clear of the
scrollbar; lists of items ("a · b · c") break between items."""

from __future__ import annotations

from datetime import timedelta

import pytest
from rich.text import Text
from textual.widgets import Input

from tests.clock import FakeClock
from tests.ui.helpers import EVENING, FakeWallClock, make_app, polled, settle, start_evening_plan, wait_until
from tui.screens.plan import PlanScreen
from tui.screens.summary import SummaryScreen
from tui.widgets.packed_text import packed
from tui.widgets.soreness_form import HINT, NOTE_PLACEHOLDER

PHONE = [(40, 44), (43, 44)]
SUMMARY_TEXT = ("#summary-text", "#soreness-question", "#soreness-hint", "#soreness-warning")


def drawn(widget) -> list[str]:
    return [strip.text.rstrip() for strip in widget.render_lines(widget.region.reset_offset)]


def words(text: str) -> list[str]:
    return text.replace("·", " ").split()


def assert_whole(widget, full: str) -> None:
    """Every word of `full` drawn, in order, and the widget inside its container's content."""
    lines = drawn(widget)
    assert words(" ".join(lines)) == words(full), lines
    assert not any(line.endswith("·") or line.lstrip().startswith("·") for line in lines), lines
    room = widget.parent.content_region
    assert room.x <= widget.region.x and widget.region.right <= room.right, (widget, widget.region, room)


def test_packed_breaks_between_items_and_keeps_their_styles():
    text = Text("Ended 21:45 · bedtime 22:30 · late run\n")
    text.stylize("bold", 0, 5)
    shown = packed(text, 28)
    assert shown.plain == "Ended 21:45 · bedtime 22:30\nlate run\n"
    assert [(span.start, span.end, span.style) for span in shown.spans] == [(0, 5, "bold")]
    assert packed(Text("a · b"), 80).plain == "a · b"
    assert packed(Text("a very long item · b"), 4).plain == "a very long item\nb"  # wrapped by Textual


async def summary_after_skipping(app, pilot, clock) -> SummaryScreen:
    """The post-run stretches, every exercise skipped with `f` 35 s in: the longest summary."""
    clock.advance(35)
    await polled(pilot)
    await pilot.press("f")
    await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
    await pilot.pause()
    await settle(pilot)
    return app.screen


@pytest.mark.parametrize("size", PHONE)
async def test_the_summary_and_its_form_are_whole_on_a_phone(size, tmp_path):
    clock = FakeClock()
    app = make_app(clock, journal_path=tmp_path / "journal.json", start_routine="post-run-stretches")
    async with app.run_test(size=size) as pilot:
        screen = await summary_after_skipping(app, pilot, clock)
        assert screen.has_class("-narrow")
        for selector in SUMMARY_TEXT:
            widget = screen.query_one(selector)
            full = HINT if selector == "#soreness-hint" else str(widget.source if selector == "#summary-text"
                                                                else widget.content)
            assert_whole(widget, full)
        assert "Time spent: 0:35" in drawn(screen.query_one("#summary-text"))[3]
        note = screen.query_one("#soreness-note", Input)
        assert NOTE_PLACEHOLDER in " ".join(drawn(note)), drawn(note)
        room = screen.query_one("#soreness-screen").content_region
        assert note.region.right <= room.right and screen.query_one("#ratings").region.right <= room.right


@pytest.mark.parametrize("size", PHONE)
async def test_the_rating_offered_again_is_whole_on_a_phone(size, tmp_path):
    clock = FakeClock()
    app = make_app(clock, journal_path=tmp_path / "journal.json", start_routine="legs-up-the-wall")
    app.journal.add_soreness(4, {"calves": 6}, when=app.now() - timedelta(minutes=5))
    async with app.run_test(size=size) as pilot:
        screen = await summary_after_skipping(app, pilot, clock)
        line = screen.query_one("#rated-recently")
        await wait_until(pilot, lambda: line.display)
        await pilot.pause()
        assert_whole(line, str(line.content))


async def test_the_plans_heading_is_whole_on_a_phone(tmp_path):
    """A tempo run that ended 21:45, at 22:15, bedtime 22:30: the heading's
    three items and the line of steps left out tonight, at each phone width
    (one plan, the window resized)."""
    clock = FakeClock()
    app = make_app(clock, journal_path=tmp_path / "journal.json",
                   now=FakeWallClock(clock, EVENING.replace(hour=22, minute=15)))
    async with app.run_test(size=PHONE[0]) as pilot:
        await start_evening_plan(pilot)
        screen = app.screen
        assert isinstance(screen, PlanScreen)
        for size in PHONE:
            if size != app.size:
                await pilot.resize_terminal(*size)
                await settle(pilot)
            heading = screen.query_one("#plan-heading")
            full = screen.heading
            assert "late run" in full and "Left out tonight" in full, full
            assert_whole(heading, full)
            assert drawn(heading)[0] == "Tempo run ended 21:45 · bedtime 22:30", size


@pytest.mark.parametrize("size", PHONE)
async def test_the_plans_questions_are_whole_on_a_phone(size, tmp_path):
    """`r`: when the run ended, then what kind it was (the second was cut at "What kind wa")."""
    app = make_app(journal_path=tmp_path / "journal.json")
    async with app.run_test(size=size) as pilot:
        for keys in (("r",), ("enter",)):
            await pilot.press(*keys)
            await settle(pilot)
            question = app.screen.query_one("#question")
            assert_whole(question, str(question.content))
        assert "What kind was it?" in str(question.content)

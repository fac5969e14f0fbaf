"""History: Enter opens a record in full, cut cells end in "…", and "latest"
beside a trend is the latest rating; with an empty journal and a long one."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable, Static

from tests.ui.helpers import FIXED_NOW, make_app, settle
from tui.core.journal.journal import Journal
from tui.screens.history import HistoryScreen

LONG_NOTE = ("Left calf tight on the hills, eased off after the stretches; "
             "right hamstring fine. Slept badly, so the next run stays easy and short. "
             "Second line:\nfoam roller helped most.")


def visible(widget) -> list[str]:
    """The lines a widget draws, as text."""
    return [strip.text for strip in widget.render_lines(widget.region.reset_offset)]


async def open_history(app, pilot) -> HistoryScreen:
    await pilot.press("h")
    await settle(pilot)
    assert isinstance(app.screen, HistoryScreen)
    return app.screen


def journal_with_a_long_note(path) -> Journal:
    with Journal(path, now=lambda: FIXED_NOW) as journal:
        session = journal.add_session("post-run-stretches", "Post-run stretches",
                                      FIXED_NOW - timedelta(hours=3, minutes=13), FIXED_NOW - timedelta(hours=3),
                                      False, 6, 2, 8, 610)
        journal.add_soreness(4, {"calves": 6, "hamstrings": 2}, ["calves"], LONG_NOTE,
                             when=FIXED_NOW - timedelta(hours=2), session_id=session["id"])
        journal.add_soreness(2, when=FIXED_NOW - timedelta(hours=1))
    return journal


async def test_enter_opens_the_whole_record_and_escape_comes_back(tmp_path):
    from tui.dialogs.record import RecordScreen

    journal_with_a_long_note(tmp_path / "journal.json")
    app = make_app(journal_path=tmp_path / "journal.json")
    async with app.run_test(size=(80, 24)) as pilot:
        history = await open_history(app, pilot)
        table = history.query_one(DataTable)
        assert "⏎ Open record" in visible(history.query_one("Footer"))[0]
        await pilot.press("down", "enter")  # the second row: the rating with the note
        await pilot.pause()
        assert isinstance(app.screen, RecordScreen)
        shown = "\n".join(visible(app.screen.query_one("#record-fields", Static)))
        words = " ".join(shown.split())
        assert "Note " + " ".join(LONG_NOTE.split()) in words  # all of it, wrapped
        for expected in ("Overall 4/10", "Areas hamstrings 2/10, calves 6/10", "Sharp pain calves",
                         "After the routine of record #1", "Record #2"):
            assert expected in words, expected
        assert "Soreness rating, Sunday 22 November 2026, 05:40" in str(app.screen.query_one("#question").render())
        assert "esc Back to History" in visible(app.screen.query_one("Footer"))[0]
        await pilot.press("escape")
        await pilot.pause()
        assert app.screen is history and table.cursor_row == 1


async def test_a_session_and_a_run_open_in_full_too(tmp_path):
    path = tmp_path / "journal.json"
    journal = journal_with_a_long_note(path)
    run = journal.add_run(FIXED_NOW - timedelta(minutes=30), "long")
    journal.record_practices(run["id"], ["hydrate", "foam-roll"])
    journal.skip_steps(run["id"], ["ice-bath"])
    app = make_app(journal_path=path)
    async with app.run_test(size=(120, 40)) as pilot:
        history = await open_history(app, pilot)
        row = history.query_one(DataTable).get_row_at(0)  # the run's row says the plan's names too
        assert (str(row[1]), str(row[2])) == ("Run", "long run; done: Drink, Foam rolling; skipped: Ice bath")
        await pilot.press("enter")  # the run, newest
        await pilot.pause()
        words = " ".join("\n".join(visible(app.screen.query_one("#record-fields"))).split())
        for expected in ("Kind long run", "Ended Sunday 22 November 2026, 07:10", "Plan day Sunday 22 November 2026",
                         "Done Drink, Foam rolling", "Skipped Ice bath"):
            assert expected in words, expected
        await pilot.press("escape")
        history.query_one(DataTable).move_cursor(row=3)  # the session
        await pilot.press("enter")
        await pilot.pause()
        words = " ".join("\n".join(visible(app.screen.query_one("#record-fields"))).split())
        for expected in ("Routine Post-run stretches (post-run-stretches)", "Started Sunday 22 November 2026, 04:27",
                         "Time 10:10", "State left part-way", "Exercises 6 of 8 done, 2 skipped"):
            assert expected in words, expected


async def test_cut_details_end_in_an_ellipsis_and_fit_the_window(tmp_path):
    journal_with_a_long_note(tmp_path / "journal.json")
    app = make_app(journal_path=tmp_path / "journal.json")
    async with app.run_test(size=(80, 24)) as pilot:
        history = await open_history(app, pilot)
        for size in ((80, 24), (120, 40), (64, 20)):
            await pilot.resize_terminal(*size)
            await pilot.pause()
            await pilot.pause()
            table = history.query_one(DataTable)
            assert table.virtual_size.width <= table.scrollable_content_region.width, size  # no sideways scrolling
            lines = visible(table)
            note_row = next(line for line in lines if "4/10 (" in line)
            assert note_row.rstrip(" ▁▂▃▄▅▆▇█▉▊▋▌▍▎▏").endswith("…"), (size, note_row)
            assert "2/10" in next(line for line in lines if "Soreness" in line)  # a short one is whole


async def test_latest_beside_a_trend_is_the_latest_rating_not_the_days_mean(tmp_path):
    path = tmp_path / "journal.json"
    with Journal(path, now=lambda: FIXED_NOW) as journal:
        journal.add_soreness(3, {"calves": 8}, when=FIXED_NOW - timedelta(days=1, hours=2))
        journal.add_soreness(9, {"calves": 2}, when=FIXED_NOW - timedelta(hours=2))
        journal.add_soreness(1, {"calves": 9}, when=FIXED_NOW - timedelta(hours=1))  # today's mean: 5.5
    app = make_app(journal_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        history = await open_history(app, pilot)
        trend = str(history.query_one("#history-trend", Static).render())
        overall = next(line for line in trend.splitlines() if line.startswith("Overall"))
        calves = next(line for line in trend.splitlines() if line.startswith("Calves"))
        assert overall.endswith("latest 1") and calves.endswith("latest 9")


async def test_an_empty_journal(tmp_path):
    app = make_app(journal_path=tmp_path / "journal.json")
    async with app.run_test(size=(80, 24)) as pilot:
        history = await open_history(app, pilot)
        stats = " ".join(" ".join(visible(history.query_one("#history-stats"))).split())
        assert "Nothing in the journal yet: finish a routine or press l on home to log soreness." in stats  # wrapped, not cut
        footer = visible(history.query_one("Footer"))[0]
        assert "Open record" in footer and not history.query_one(DataTable).check_action("select_cursor", ())
        assert "No soreness ratings in the last 28 days." in str(history.query_one("#history-trend").render())
        await pilot.press("enter")
        await pilot.pause()
        assert app.screen is history


async def test_a_note_with_escape_sequences_cannot_reach_the_terminal(tmp_path):
    path = tmp_path / "journal.json"
    with Journal(path, now=lambda: FIXED_NOW) as journal:
        journal.add_soreness(3, note="ok\x1b[2J\x1b]0;owned\x07 \x9b31m end", when=FIXED_NOW - timedelta(hours=1))
    app = make_app(journal_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        history = await open_history(app, pilot)
        row = next(line for line in visible(history.query_one(DataTable)) if "3/10" in line)
        assert "\x1b" not in row and "\x9b" not in row and "\x07" not in row
        assert r"ok\x1b[2J\x1b]0;owned\x07 \x9b31m end" in row
        await pilot.press("enter")
        await pilot.pause()
        shown = "\n".join(visible(app.screen.query_one("#record-fields")))
        assert r"ok\x1b[2J\x1b]0;owned\x07 \x9b31m end" in shown and "\x1b" not in shown


def rated_every_area(path) -> None:
    from tui.core.common.ids import AREAS

    with Journal(path, now=lambda: FIXED_NOW) as journal:
        for day in range(1, 5):
            journal.add_soreness(3, {area: (i + day) % 9 for i, area in enumerate(AREAS)},
                                 when=FIXED_NOW - timedelta(days=day))


async def test_the_trend_shows_every_area_she_rates_at_every_size(tmp_path):
    """Issue 24: Ankles, Achilles and IT band were cut off below the first ten rows."""
    rated_every_area(tmp_path / "journal.json")
    for size in ((80, 24), (100, 30), (160, 50)):
        app = make_app(journal_path=tmp_path / "journal.json")
        async with app.run_test(size=size) as pilot:
            history = await open_history(app, pilot)
            shown = "\n".join(visible(history.query_one("#history-trend", Static)))
            for label in ("Overall", "Quads", "Hamstrings", "Calves", "Hips", "Glutes", "Shins", "Feet", "Back",
                          "Knees", "Ankles", "Achilles", "IT band"):
                assert label in shown, (size, label)
            assert history.query_one("#history-table").region.height >= 3  # rows still show below it


def archived_three_months(path) -> None:
    """Ratings in August, September and October 2026; August and September archived."""
    from datetime import datetime

    with Journal(path, now=lambda: FIXED_NOW) as journal:
        for month, overall in ((8, 2), (9, 5), (10, 7)):
            journal.add_soreness(overall, when=datetime(2026, month, 10, 8, tzinfo=FIXED_NOW.tzinfo))
        journal.archive_old_months()
        assert journal.archive_months() == ["2026-09", "2026-08"]


async def test_one_damaged_archive_month_hides_nothing_else_in_history(tmp_path):
    from tui.core.journal.archive import archive_path

    path = tmp_path / "journal.json"
    archived_three_months(path)
    september = archive_path(path, "2026-09")
    september.write_bytes(september.read_bytes()[:40])  # truncated
    app = make_app(journal_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        history = await open_history(app, pilot)
        table = history.query_one(DataTable)
        shown = [str(table.get_row_at(i)[2]) for i in range(table.row_count)]
        assert shown == ["7/10", "2/10"]  # October and August
        stats = str(history.query_one("#history-stats").render())
        assert "Archive month 2026-09 is damaged and left out" in stats and "recovery-tui doctor" in stats

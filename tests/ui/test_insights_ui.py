"""The insights screen on hand-made journals whose right answer is known."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable, Static

from tests.ui.helpers import FIXED_NOW, make_app, settle_workers
from tui.core.insights.findings import NOT_PROOF
from tui.core.journal.journal import Journal
from tui.core.journal.store.errors import JournalAccessError
from tui.screens.home import HomeScreen
from tui.screens.insights import InsightsScreen


def rated_run(journal: Journal, days_ago: int, practices: list[str], overall: int, calves: int) -> None:
    """A run `days_ago` days before FIXED_NOW, rated the next morning."""
    ended = FIXED_NOW - timedelta(days=days_ago, hours=12)
    run = journal.add_run(ended)
    journal.record_practices(run["id"], practices)
    journal.add_soreness(overall, {"calves": calves}, when=ended + timedelta(hours=20))


def known_journal(path):
    """foam-roll after 3 runs (soreness 2), not after 3 others (soreness 6): -4.0.
    ice-bath after one run only (2 more needed); hydrate after all (3 more without needed)."""
    with Journal(path) as journal:
        for days_ago in (12, 10, 8):
            rated_run(journal, days_ago, ["hydrate", "foam-roll"], 2, calves=1)
        rated_run(journal, 6, ["hydrate", "ice-bath"], 6, calves=5)
        for days_ago in (4, 2):
            rated_run(journal, days_ago, ["hydrate"], 6, calves=5)
    return path


async def open_insights(app, pilot) -> InsightsScreen:
    await pilot.press("i")
    await settle_workers(app)
    await pilot.pause()
    assert isinstance(app.screen, InsightsScreen)
    return app.screen


def rows(screen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def text_of(screen, selector: str) -> str:
    widget = screen.query_one(selector, Static)
    return str(widget.render()) if widget.display else ""


async def test_ranked_table_chart_and_areas(tmp_path):
    app = make_app(journal_path=known_journal(tmp_path / "journal.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_insights(app, pilot)
        assert NOT_PROOF in text_of(screen, "#insights-headline")
        assert rows(screen) == [
            ["Foam rolling", "3 runs · 2.0", "3 runs · 6.0", "-4.0", "-4.0"],
            ["Ice bath", "1 run", "5 runs", "2 more runs needed", ""],
            ["Drink", "6 runs", "0 runs", "3 more runs needed", ""],
        ]
        chart = text_of(screen, "#insights-chart").splitlines()
        assert len(chart) == 2 and "◀ less" in chart[0]  # only foam rolling has enough data
        assert chart[1].startswith("Foam rolling") and "●" in chart[1]
        assert chart[1].endswith("-4.0 to -4.0  helps")  # every rating alike on each side
        areas = dict(line.split(maxsplit=1) for line in text_of(screen, "#insights-areas").splitlines()[1:])
        assert areas == {
            "Calves": "Foam rolling  -4.0 (-4.0 to -4.0)",
            "Quads": "no clear difference yet",
            "Hamstrings": "no clear difference yet",
            "Hips": "no clear difference yet",
        }
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


def mixed_journal(path):
    """Foam rolling clearly helps, a nap makes no clear difference (runs of no kind);
    legs-up-the-wall (the routine) is the plan's "Legs up the wall" step."""
    with Journal(path) as journal:
        for days_ago, practices, overall in (
            (30, ["foam-roll", "nap"], 2), (28, ["foam-roll"], 3), (26, ["foam-roll", "nap"], 2),
            (24, ["legs-up-the-wall"], 6), (22, ["nap"], 7), (20, ["legs-up"], 6), (18, ["meal"], 7),
        ):
            rated_run(journal, days_ago, practices, overall, calves=overall)
    return path


async def test_sorted_by_adjusted_difference_and_unclear_greyed(tmp_path):
    app = make_app(journal_path=mixed_journal(tmp_path / "journal.json"))
    async with app.run_test(size=(120, 40)) as pilot:
        screen = await open_insights(app, pilot)
        table = screen.query_one(DataTable)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert names == ["Foam rolling", "Nap", "Legs up the wall", "Meal"]
        foam, nap = table.get_row_at(0), table.get_row_at(1)
        assert "green" in str(foam[4].style) and "dim" not in str(foam[0].style)
        assert "dim" in str(nap[0].style) and "dim" in str(nap[4].style)  # no clear difference
        chart = text_of(screen, "#insights-chart").splitlines()
        assert chart[1].startswith("Foam rolling") and chart[1].endswith("helps")
        assert chart[2].startswith("Nap") and chart[2].endswith("no clear difference")
        assert "│" in chart[2] or "━" in chart[2][19:40]  # the zero line inside the interval


async def test_fewer_than_three_runs_say_how_many_more(tmp_path):
    path = tmp_path / "journal.json"
    with Journal(path) as journal:
        rated_run(journal, 3, ["foam-roll"], 3, calves=2)
        rated_run(journal, 1, ["foam-roll", "stretch"], 4, calves=2)
    app = make_app(journal_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_insights(app, pilot)
        assert rows(screen) == [
            ["Foam rolling", "2 runs", "0 runs", "4 more runs needed", ""],
            ["Stretch", "1 run", "1 run", "4 more runs needed", ""],
        ]  # equally short: by name
        assert "rate your soreness" in text_of(screen, "#insights-hint")
        assert text_of(screen, "#insights-chart") == ""
        assert text_of(screen, "#insights-areas").count("no clear difference yet") == 4
        await pilot.press("i")
        assert isinstance(app.screen, HomeScreen)


async def test_empty_journal_explains_how_to_build_data(tmp_path):
    path = tmp_path / "journal.json"
    with Journal(path) as journal:  # a rating but no runs: still nothing to compare
        journal.add_soreness(3, when=FIXED_NOW - timedelta(days=1))
    app = make_app(journal_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_insights(app, pilot)
        headline = text_of(screen, "#insights-headline")
        assert "No runs in your journal yet" in headline
        assert "press r" in headline and "recovery-tui did" in headline
        assert not screen.query_one(DataTable).display


async def test_a_run_without_practices_is_not_called_no_runs(tmp_path):
    path = tmp_path / "journal.json"
    with Journal(path) as journal:
        journal.add_run(FIXED_NOW - timedelta(hours=2), "easy")
    app = make_app(journal_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_insights(app, pilot)
        headline = text_of(screen, "#insights-headline")
        assert "No runs in your journal yet" not in headline
        assert "nothing to compare yet" in headline and "recovery-tui did" in headline


async def test_no_journal_says_so(tmp_path):
    app = make_app()
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_insights(app, pilot)
        assert "No journal is open" in text_of(screen, "#insights-headline")


class UnreadableJournal:
    problems: list[str] = []

    def reading(self):
        raise JournalAccessError("/nowhere/journal.json", "Cannot read the journal at /nowhere/journal.json.")

    def records(self, since=None):
        self.reading()


async def test_journal_error_is_shown_not_raised():
    app = make_app(journal=UnreadableJournal())
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_insights(app, pilot)
        assert text_of(screen, "#insights-headline") == "Cannot read the journal at /nowhere/journal.json."
        assert not screen.query_one(DataTable).display

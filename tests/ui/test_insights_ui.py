"""The insights screen on hand-made journals whose right answer is known."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import DataTable, Static

from tests.damaged_month import write_damaged_september
from tests.ui.helpers import FIXED_NOW, make_app, settle
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


def known_journal(path, nights: int = 40):
    """Foam rolling on every other night (the morning after: 2 or 3), not on the others
    (6 or 7): -4.0. An ice bath once (far too few runs); a drink after every run (no run without)."""
    with Journal(path) as journal:
        for night in range(nights):
            foam = night % 2 == 0
            practices = ["hydrate", "foam-roll"] if foam else ["hydrate"]
            if night == 5:
                practices.append("ice-bath")
            overall = (2 if foam else 6) + night // 2 % 2
            rated_run(journal, nights - night, practices, overall, calves=overall - 1)
    return path


async def open_insights(app, pilot) -> InsightsScreen:
    await pilot.press("i")
    await settle(pilot)
    assert isinstance(app.screen, InsightsScreen)
    return app.screen


def rows(screen) -> list[list[str]]:
    table = screen.query_one(DataTable)
    return [[str(cell) for cell in table.get_row_at(i)] for i in range(table.row_count)]


def text_of(screen, selector: str) -> str:
    widget = screen.query_one(selector, Static)
    return str(widget.render()) if widget.display else ""


async def test_ranked_table_sentences_chart_and_areas(tmp_path):
    app = make_app(journal_path=known_journal(tmp_path / "journal.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_insights(app, pilot)
        headline = text_of(screen, "#insights-headline")
        assert NOT_PROOF in headline and "first soreness rating after the night" in headline
        assert "Raw:" in headline and "Adjusted:" in headline and "95% interval:" in headline
        table = rows(screen)
        assert table[0] == ["Foam rolling", "20 runs · 2.5", "20 runs · 6.5", "-4.0", "-4.0"]
        short = {row[0]: row[1:] for row in table[1:]}  # closest to a verdict first
        assert short["Ice bath"][:2] == ["1 run", "39 runs"] and short["Ice bath"][2].startswith("about ")
        assert short["Drink"][:2] == ["40 runs", "0 runs"] and short["Drink"][2].startswith("about ")
        sentences = text_of(screen, "#insights-sentences").splitlines()
        assert sentences[0] == "After runs with foam rolling you rated about 4 points lower the next morning."
        beside = sentences[sentences.index("What reviews found, beside your own records:") + 1:]
        assert any(line.startswith("Foam rolling") or "foam rolling" in line.lower() for line in beside)
        assert any("You:" in line for line in beside)  # her own result next to the reviews'
        chart = text_of(screen, "#insights-chart").splitlines()
        assert len(chart) == 2 and "◀ less" in chart[0]  # only foam rolling has a verdict
        assert chart[1].startswith("Foam rolling") and "●" in chart[1] and chart[1].endswith("helps")
        areas = dict(line.split(maxsplit=1) for line in text_of(screen, "#insights-areas").splitlines()[1:])
        assert areas["Calves"].startswith("Foam rolling  -4.0 (")
        assert areas["Quads"] == "no clear difference yet"
        await pilot.press("escape")
        assert isinstance(app.screen, HomeScreen)


async def test_at_80x24_the_screen_says_it_scrolls(tmp_path):
    app = make_app(journal_path=known_journal(tmp_path / "journal.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_insights(app, pilot)
        await pilot.pause()
        more = screen.query_one("#insights-more", Static)
        assert more.display and "more below" in str(more.render()) and more.region.y < 23
        assert "More" in str(screen.query_one("Footer").render())
        await pilot.press("end")
        await pilot.pause()
        await pilot.pause()
        assert not more.display  # at the bottom: nothing more below
    app = make_app(journal_path=known_journal(tmp_path / "journal.json"))
    async with app.run_test(size=(120, 80)) as pilot:
        screen = await open_insights(app, pilot)
        await pilot.pause()
        assert not screen.query_one("#insights-more", Static).display  # it all fits


async def test_fewer_runs_say_about_how_many_more(tmp_path):
    path = tmp_path / "journal.json"
    with Journal(path) as journal:
        rated_run(journal, 3, ["foam-roll"], 3, calves=2)
        rated_run(journal, 1, ["foam-roll", "stretch"], 4, calves=2)
    app = make_app(journal_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        screen = await open_insights(app, pilot)
        table = rows(screen)
        assert [row[:3] for row in table] == [["Foam rolling", "2 runs", "0 runs"], ["Stretch", "1 run", "1 run"]]
        assert all(row[3].startswith("about ") and row[3].endswith(" more") for row in table)
        assert "rate your soreness the morning after" in text_of(screen, "#insights-hint")
        assert "too few rated runs to tell yet" in text_of(screen, "#insights-sentences")
        assert text_of(screen, "#insights-chart") == ""
        await pilot.press("i")
        assert isinstance(app.screen, HomeScreen)


async def test_no_clear_difference_is_greyed_and_ranked_after_a_verdict(tmp_path):
    path = tmp_path / "journal.json"
    with Journal(path) as journal:
        for night in range(60):
            foam = night % 2 == 0
            practices = ["foam-roll"] if foam else ["meal"]
            if night % 3 == 0:
                practices.append("nap")  # no effect of its own
            rated_run(journal, 60 - night, practices, (2 if foam else 4) + night // 2 % 2, calves=3)
    app = make_app(journal_path=path)
    async with app.run_test(size=(120, 50)) as pilot:
        screen = await open_insights(app, pilot)
        table = screen.query_one(DataTable)
        names = [str(table.get_row_at(i)[0]) for i in range(table.row_count)]
        assert names == ["Foam rolling", "Nap", "Meal"]
        foam, nap = table.get_row_at(0), table.get_row_at(1)
        assert "green" in str(foam[4].style) and "dim" not in str(foam[0].style)
        assert "dim" in str(nap[0].style) and "dim" in str(nap[4].style)  # no clear difference
        chart = text_of(screen, "#insights-chart").splitlines()
        assert chart[1].startswith("Foam rolling") and chart[1].endswith("helps")
        assert chart[2].startswith("Nap") and chart[2].endswith("no clear difference")
        assert chart[3].startswith("Meal") and chart[3].endswith("worse")


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
        # the runs-needed rule of the core, not a number of its own: 2 (1.96 + 0.84)^2 1.5^2 / 1^2 = 35.3
        assert "a verdict takes more, about 36 a side" in " ".join(headline.split())
        assert "at least 3 each" not in headline
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


async def test_one_damaged_archive_month_hides_nothing_else(tmp_path):
    path = tmp_path / "journal.json"
    write_damaged_september(path, FIXED_NOW)
    app = make_app(journal_path=path)
    async with app.run_test(size=(100, 40)) as pilot:
        screen = await open_insights(app, pilot)
        assert rows(screen)[0][:3] == ["Foam rolling", "8 runs", "8 runs"]  # August and October
        damaged = text_of(screen, "#insights-damaged")
        assert "Archive month 2026-09 is damaged and left out" in damaged and "recovery-tui doctor" in damaged

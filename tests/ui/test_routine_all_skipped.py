"""A routine skipped whole with `n` in its get-ready says so, still offers
the soreness form, and is neither recorded nor counted as a practice."""

from __future__ import annotations

from datetime import timedelta

from textual.widgets import Static

from tests.clock import FakeClock
from tests.ui.helpers import FIXED_NOW, make_app, polled, settle, settle_workers, wait_until
from tui.core.insights.facts import RUN_PRACTICES, facts_of
from tui.core.journal.journal import Journal
from tui.screens.home import HomeScreen
from tui.screens.summary import SummaryScreen


async def test_skipping_every_exercise_shows_the_summary_and_records_no_practice(tmp_path):
    path = tmp_path / "journal.json"
    Journal(path).add_run(FIXED_NOW - timedelta(minutes=40), "easy")
    clock = FakeClock()
    app = make_app(clock, journal_path=path, start_routine="post-run-stretches")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await polled(pilot)
        await pilot.press(*["n"] * 8)  # each from the rest before the next exercise: none ever began
        await wait_until(pilot, lambda: isinstance(app.screen, SummaryScreen))
        summary = str(app.screen.query_one("#summary-text", Static).render())
        assert "All 8 exercises skipped: Post-run stretches" in summary
        assert "not recorded" in summary and "does not count as a practice" in summary
        assert "nothing recorded" not in " ".join(str(t.render()) for t in app.screen.query("Toast"))
        await pilot.press("3", "enter")
        await settle(pilot)
        assert isinstance(app.screen, HomeScreen)
    records = Journal(path).records()
    assert sorted(r["type"] for r in records) == ["run", "soreness"]
    (run,) = [r for r in records if r["type"] == "run"]
    assert run["practices"] == []
    (fact,) = facts_of(records).runs
    assert fact[RUN_PRACTICES] == []  # insights see no practice done after that run


async def test_leaving_in_the_first_get_ready_still_records_nothing_and_shows_no_form(tmp_path):
    path = tmp_path / "journal.json"
    clock = FakeClock()
    app = make_app(clock, journal_path=path, start_routine="post-run-stretches")
    async with app.run_test(size=(80, 24), notifications=True) as pilot:
        await polled(pilot)
        await pilot.press("escape", "y")
        await wait_until(pilot, lambda: isinstance(app.screen, HomeScreen))
        await settle_workers(app)
    assert not path.exists() or Journal(path).records() == []

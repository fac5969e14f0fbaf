"""The Experiments screen: opened from home and the palette, its figures,
starting and stopping an experiment; and the plan saying tonight's arm."""

from __future__ import annotations

from textual.command import CommandList
from textual.widgets import OptionList

from tests.ui.experiment_journal import experiment_journal
from tests.ui.helpers import make_app, settle, wait_until
from tui.core.experiments.book import ExperimentBook
from tui.core.journal.journal import Journal
from tui.dialogs.confirm import ConfirmScreen
from tui.dialogs.experiment_start import ExperimentStartScreen
from tui.screens.experiments import ExperimentsScreen


def detail(app) -> str:
    return str(app.screen.query_one("#experiments-detail").render())


def first_hit(app) -> str:
    hits = app.screen.query_one(CommandList)
    return str(hits.get_option_at_index(0).prompt) if hits.option_count else ""


def listed(app) -> list[str]:
    options = app.screen.query_one("#experiments-list", OptionList)
    return [str(options.get_option_at_index(i).prompt) for i in range(options.option_count)]


async def test_e_on_home_opens_it_with_the_result_beside_the_evidence(tmp_path):
    app = make_app(journal_path=experiment_journal(tmp_path / "journal.json"))
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await settle(pilot)
        assert isinstance(app.screen, ExperimentsScreen)
        text = detail(app)
        assert listed(app) == ["Ice bath: 4 of 8 runs, running since Sat 14 Nov 2026"]
        assert "So far: with, without, without, with" in text
        assert "run 3 (did it when told not to)" in text
        assert "Reviews: less soreness on average, from low-quality trials. You: no clear difference after 4" in text
        assert "Bleakley et al., 2012" in text
        await pilot.press("escape")
        assert not isinstance(app.screen, ExperimentsScreen)


async def test_the_palette_offers_it(tmp_path):
    app = make_app(journal_path=tmp_path / "journal.json")
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("ctrl+p")
        await pilot.pause()
        await pilot.press(*"Experiments")
        await wait_until(pilot, lambda: first_hit(app).startswith("Experiments"))  # the palette searches in a worker
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ExperimentsScreen)
        assert "No experiments yet. Press n to start one" in detail(app)


async def test_n_starts_one_and_x_stops_it(tmp_path):
    path = tmp_path / "journal.json"
    app = make_app(journal_path=path)
    async with app.run_test(size=(80, 24)) as pilot:
        await pilot.press("e")
        await settle(pilot)
        await pilot.press("n")
        await settle(pilot)
        assert isinstance(app.screen, ExperimentStartScreen)
        options = app.screen.query_one("#experiment-practices", OptionList)
        ids = [options.get_option_at_index(i).id for i in range(options.option_count)]
        assert "ice-bath" in ids and "sleep" not in ids and "meal" not in ids
        detail_label = app.screen.query_one("#detail")
        assert "8 runs the coin's test cannot go below p = 0.125" in str(detail_label.render())
        app.screen.query_one("#experiment-runs").value = 12
        await pilot.pause()
        assert "cannot go below" not in str(detail_label.render())
        app.screen.query_one("#experiment-runs").value = 8
        await pilot.pause()
        options.highlighted = ids.index("foam-roll")
        await pilot.press("enter")
        await settle(pilot)
        assert isinstance(app.screen, ExperimentsScreen)
        assert listed(app)[0].startswith("Foam rolling: 0 of 8 runs, running since")
        await pilot.press("x")
        await settle(pilot)
        assert isinstance(app.screen, ConfirmScreen)
        await pilot.press("y")
        await settle(pilot)
        assert "stopped early on" in listed(app)[0]
    with Journal(path) as journal:
        (experiment,) = ExperimentBook(journal).all()
    assert experiment.practice == "foam-roll" and experiment.stopped is not None


async def test_the_plan_after_a_run_says_tonight_is_with_or_without(tmp_path):
    path = experiment_journal(tmp_path / "journal.json")  # four runs done: the fifth is "without"
    app = make_app(journal_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("r")
        await settle(pilot)
        await pilot.press("enter")  # the run ended just now
        await settle(pilot)
        await pilot.press("enter")  # its kind: easy, the first
        await settle(pilot)
        heading = str(app.screen.query_one("#plan-heading").render())
        assert heading.startswith("Experiment 5 of 8: no ice bath tonight — do the rest as usual")
        titles = [s.title for s in app.screen.steps]
        assert "Ice bath: not tonight (experiment)" in titles


async def test_home_reminds_of_a_counted_runs_missing_morning_rating(tmp_path):
    from datetime import timedelta

    from tests.ui.helpers import FIXED_NOW

    path = experiment_journal(tmp_path / "journal.json")
    with Journal(path) as journal:
        journal.add_run(FIXED_NOW - timedelta(hours=14), "easy")  # last night's run: number 5, not rated yet
    app = make_app(journal_path=path)
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.pause()
        await settle(pilot)
        notice = str(app.screen.query_one("#home-notices").render())
        assert "Ice bath experiment, run 5 of 8 (Sat 21 Nov): rate your soreness this morning" in notice

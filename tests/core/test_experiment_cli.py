"""`recovery-tui experiment start | status | stop`."""

from __future__ import annotations

import json
from datetime import datetime, timedelta, timezone

import pytest

from tests.core.cli_support import run
from tui.core.experiments.result import JSON_KEYS
from tui.core.journal.journal import Journal

TZ = timezone(timedelta(hours=1))
NOW = datetime(2024, 11, 4, 9, 0, tzinfo=TZ)


@pytest.fixture(autouse=True)
def env(tmp_path, monkeypatch):
    monkeypatch.setenv("RECOVERY_TUI_NOW", NOW.isoformat())
    monkeypatch.setenv("RECOVERY_TUI_CONFIG_DIR", str(tmp_path / "config"))
    monkeypatch.setenv("RECOVERY_TUI_JOURNAL", str(tmp_path / "j" / "journal.json"))
    return monkeypatch


@pytest.fixture
def path(tmp_path):
    return tmp_path / "j" / "journal.json"


def runs_with_ratings(path, plan: list[tuple[bool, int]]) -> None:
    """A run each evening from 4 Nov, the ice bath done or not, rated at 08:00 the next day."""
    with Journal(path) as journal:
        for day, (did, rating) in enumerate(plan):
            ended = NOW.replace(hour=18) + timedelta(days=day)
            run = journal.add_run(ended, "long")
            if did:
                journal.record_practices(run["id"], ["ice-bath"])
            journal.add_soreness(rating, when=ended + timedelta(hours=14))


def test_status_json_after_a_whole_experiment(capsys, path, env):
    code, out, err = run(capsys, "experiment", "start", "ice-bath", "--runs", "4", "--seed", "1", "--after", "long")
    assert (code, err) == (0, "")
    assert "Started experiment #1: Ice bath on 4 long runs" in out
    # seed 1: with, without, without, with; the runner skips the bath on run 4
    runs_with_ratings(path, [(True, 2), (False, 5), (False, 4), (False, 3)])
    env.setenv("RECOVERY_TUI_NOW", (NOW + timedelta(days=5)).isoformat())
    code, out, err = run(capsys, "experiment", "status", "--json")
    assert (code, err) == (0, "")
    (data,) = json.loads(out)
    assert tuple(data) == JSON_KEYS
    assert data["assigned"] == ["with", "without", "without", "with"] and data["done"] == 4
    assert (data["practice"], data["after"], data["runs"]) == ("ice-bath", "long", 4)
    assert data["with_mean"] == 2.5 and data["without_mean"] == 4.5 and data["difference"] == -2
    assert data["p_value"] == 0.5  # differences -3 and -1: of the flips' sums 4, 2, -2, -4, two reach |-4|
    assert data["verdict"] == "no clear difference"
    assert data["adherence"]["not_followed"] == 1
    assert data["adherence"]["marked"][0]["place"] == 4
    assert data["adherence"]["as_done"]["with_mean"] == 2 and data["adherence"]["as_done"]["without_mean"] == 4


def test_status_in_words_says_how_few_runs_and_what_reviews_found(capsys, path, env):
    run(capsys, "experiment", "start", "ice-bath", "--runs", "4", "--seed", "1")
    runs_with_ratings(path, [(True, 2), (False, 5)])
    env.setenv("RECOVERY_TUI_NOW", (NOW + timedelta(days=2)).isoformat())
    code, out, err = run(capsys, "experiment", "status")
    assert (code, err) == (0, "")
    assert "Ice bath: 2 of 4 runs, running since Mon 04 Nov 2024" in out
    assert "So far: with, without; the next run's is shown after it" in out
    assert "not proof" in out
    assert "Reviews: less soreness on average, from low-quality trials. You: no clear difference after 2 runs so far" in out
    assert "(Bleakley et al., 2012, Cochrane Database of Systematic Reviews" in out


def test_stop_ends_it_early_and_status_says_so(capsys, path, env):
    run(capsys, "experiment", "start", "foam-rolling", "--seed", "3")  # a routine id counts as its step
    runs_with_ratings(path, [(True, 3)])
    env.setenv("RECOVERY_TUI_NOW", (NOW + timedelta(days=2)).isoformat())
    code, out, err = run(capsys, "experiment", "stop")
    assert (code, err) == (0, "")
    assert out.startswith("Stopped the foam rolling experiment after 1 of 8 runs.")
    code, out, _ = run(capsys, "experiment", "status")
    assert "Foam rolling: 1 of 8 runs, stopped early on Wed 06 Nov 2024" in out
    code, _, err = run(capsys, "experiment", "stop")
    assert code == 1 and err == "recovery-tui: no experiment is running\n"


@pytest.mark.parametrize(("argv", "message"), [
    (["start", "ice-bath", "--runs", "5"], "argument --runs: must be an even number from 4 to 40, got 5"),
    (["start", "ice-bath", "--runs", "2"], "argument --runs: must be an even number from 4 to 40, got 2"),
    (["start", "ice-bath", "--seed", "-3"], "argument --seed: must be a whole number"),
    (["start", "ice-bath", "--after", "sprint"], "argument --after: invalid choice: 'sprint'"),
    (["start", "hot-coals"], "unknown practice 'hot-coals' (valid: cool-down-walk,"),
    (["start", "sleep"], "'sleep' is not left out on purpose"),
])
def test_bad_input_exits_2_and_touches_no_journal(capsys, path, argv, message):
    code, _, err = run(capsys, "experiment", *argv)
    assert code == 2 and message in err
    assert not path.exists()


def test_a_second_experiment_on_the_same_practice_is_refused(capsys, path):
    run(capsys, "experiment", "start", "ice-bath")
    code, _, err = run(capsys, "experiment", "start", "ice-bath")
    assert code == 1 and "Ice bath already has an experiment running (#1" in err


def test_insights_show_what_reviews_found_beside_the_runners_own_records(capsys, path, env):
    runs_with_ratings(path, [(True, 2), (False, 5), (True, 3), (False, 4)])
    env.setenv("RECOVERY_TUI_NOW", (NOW + timedelta(days=5)).isoformat())
    code, out, err = run(capsys, "insights")
    assert code == 0, err
    assert "What reviews found, beside your own records" in out
    assert "Ice bath: Reviews: less soreness on average, from low-quality trials. You: too few runs yet (4 runs so far)" in out


@pytest.mark.parametrize(("runs", "warned"), [(4, True), (8, True), (10, True), (12, False), (16, False)])
def test_start_says_when_the_runs_can_never_give_a_verdict(capsys, runs, warned):
    code, out, err = run(capsys, "experiment", "start", "foam-roll", "--runs", str(runs), "--seed", "2")
    assert (code, err) == (0, "")
    assert ("no verdict; 12 runs or more can show a clear difference" in out) is warned

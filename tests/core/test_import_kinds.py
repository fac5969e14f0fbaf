"""The kind rules, each at its boundary, and the training load's formula."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from math import exp

import pytest

from tui.core.watch.activity import Activity, Lap
from tui.core.watch.kinds import Usual, classify, usual_run
from tui.core.watch.load import THRESHOLD_HR, pace_load, training_load, trimp100

START = datetime(2024, 11, 22, 17, 0, tzinfo=UTC)
NO_HISTORY = Usual()
HISTORY = Usual(duration_s=35 * 60, speed=3.0, runs=6)


def run(minutes: float, speed: float = 2.8, hr: int | None = 140, laps=(), speeds=()) -> Activity:
    seconds = minutes * 60
    return Activity("running", START, seconds, seconds, distance_m=speed * seconds, avg_hr=hr,
                    max_hr=hr and hr + 15, laps=tuple(laps), speeds=tuple(speeds))


def test_long_without_history_starts_at_75_minutes():
    assert classify(run(75), NO_HISTORY).kind == "long"
    assert classify(run(75), NO_HISTORY).reasons == ["1 h 15 min ≥ 1 h 15 min"]
    assert classify(run(74.99), NO_HISTORY).kind == "easy"


def test_long_with_history_is_one_and_a_half_times_the_usual():
    assert classify(run(52.5, 3.0), HISTORY).kind == "long"
    assert classify(run(52.5, 3.0), HISTORY).reasons == ["52 min ≥ 1.5× your usual 35 min"]
    assert classify(run(52.4, 3.0), HISTORY).kind == "easy"
    assert classify(run(90, 3.0), Usual(duration_s=80 * 60, speed=3.0, runs=3)).kind == "easy"  # a long-run habit


def test_tempo_with_history_is_8_percent_quicker_than_usual():
    assert classify(run(30, 3.0 * 1.08), HISTORY).kind == "tempo"
    assert classify(run(30, 3.0 * 1.079), HISTORY).kind == "easy"
    assert classify(run(14.9, 3.5), HISTORY).kind == "easy"  # too short to be a tempo


def test_tempo_without_history_goes_by_heart_rate_near_threshold():
    limit = 0.95 * THRESHOLD_HR  # 161.5
    assert classify(run(30, hr=162), NO_HISTORY).kind == "tempo"
    assert classify(run(30, hr=161), NO_HISTORY).kind == "easy"
    assert classify(run(30, hr=None), NO_HISTORY).kind == "easy"
    assert classify(run(30, hr=162), NO_HISTORY).reasons == [f"30 min at a heart rate of {limit:g} or more"]
    warmed_up = [Lap(600, 1700, 140), Lap(900, 2900, 162), Lap(300, 800, 140)]
    assert classify(run(30, hr=150, laps=warmed_up), NO_HISTORY).kind == "tempo"  # its 15-min lap
    shorter = [Lap(600, 1700, 140), Lap(899, 2900, 162), Lap(300, 800, 140)]
    assert classify(run(30, hr=150, laps=shorter), NO_HISTORY).kind == "easy"


def six_by_800(rest_speed: float, marked: bool = False) -> list[Lap]:
    laps = [Lap(600, 1800)]  # warm-up
    for _ in range(6):
        laps += [Lap(180, 800), Lap(120, 120 * rest_speed, rest=marked)]
    return [*laps, Lap(600, 1800)]


def test_intervals_need_three_work_laps_each_followed_by_rest():
    work = 800 / 180  # 4.44 m/s
    assert classify(run(50, laps=six_by_800(0.79 * work)), NO_HISTORY).kind == "intervals"
    assert classify(run(50, laps=six_by_800(0.8 * work)), NO_HISTORY).kind == "easy"  # not 20% slower
    assert classify(run(50, laps=six_by_800(work, marked=True)), NO_HISTORY).kind == "intervals"
    two = [Lap(600, 1800), Lap(180, 800), Lap(120, 240), Lap(180, 800), Lap(120, 240), Lap(600, 1800)]
    assert classify(run(40, laps=two), NO_HISTORY).kind != "intervals"
    three = [Lap(600, 1800), *[Lap(180, 800), Lap(120, 240)] * 3, Lap(600, 1800)]
    assert classify(run(45, laps=three), NO_HISTORY).reasons == ["3 work laps with rest between"]


def surging(count: int, every: int = 300, surge: int = 60) -> list[tuple[float, float]]:
    """A run at 3 m/s with `count` surges at 4 m/s of `surge` s, one each `every` s."""
    samples = []
    for second in range(every * (count + 1)):
        in_surge = second // every >= 1 and second % every < surge
        samples.append((float(second), 4.0 if in_surge else 3.0))
    return samples


def test_intervals_from_four_regular_surges():
    assert classify(run(25, speeds=surging(4)), NO_HISTORY).reasons == ["4 regular surges"]
    assert classify(run(20, speeds=surging(3)), NO_HISTORY).kind == "easy"
    assert classify(run(25, speeds=surging(4, surge=15)), NO_HISTORY).kind == "easy"  # too short to be a surge


def test_a_race_is_only_suggested():
    race = run(20, speed=5000 / 1200, hr=175)
    kind = classify(race, NO_HISTORY)
    assert kind.kind == "tempo" and kind.race_suggested == "5 km at tempo effort"
    assert classify(run(20, speed=5200 / 1200, hr=175), NO_HISTORY).race_suggested is None  # 4% long
    assert classify(run(20, speed=5000 / 1200, hr=150), NO_HISTORY).race_suggested is None  # not hard


def test_the_usual_run_is_the_median_of_six_weeks_and_needs_three_runs():
    now = datetime(2024, 11, 22, 18, 0, tzinfo=UTC)

    def stored(days_ago: float, minutes: float) -> dict:
        return {"time": (now - timedelta(days=days_ago)).isoformat(), "moving_s": minutes * 60,
                "distance_m": minutes * 60 * 3.0}

    assert usual_run([stored(1, 30), stored(2, 40)], now) == Usual(runs=2)
    usual = usual_run([stored(1, 30), stored(2, 40), stored(3, 35), stored(43, 200)], now)
    assert usual.duration_s == 35 * 60 and usual.runs == 3 and usual.speed == pytest.approx(3.0)
    assert usual_run([stored(1, 30), {"time": now.isoformat()}, stored(2, 40)], now).runs == 2  # typed runs


def test_trimp100_is_100_for_an_hour_at_threshold_and_follows_goldencheetah():
    assert trimp100(3600, THRESHOLD_HR) == pytest.approx(100)
    reserve = (150 - 60) / (190 - 60)
    by_hand = 45 * reserve * 0.64 * exp(1.92 * reserve)
    threshold = (170 - 60) / 130
    assert trimp100(45 * 60, 150) == pytest.approx(100 * by_hand / (60 * threshold * 0.64 * exp(1.92 * threshold)))
    assert trimp100(3600, 50) == 0.0


def test_load_without_heart_rate_comes_from_pace():
    assert training_load(run(60, hr=None, speed=3.3), 3.0) == (round(pace_load(3600, 3.3, 3.0), 1), "pace")
    assert pace_load(3600, 3.3, 3.0) == pytest.approx(100)
    assert training_load(run(60, hr=150), None)[1] == "trimp100"
    empty = Activity("running", START, 600, 600)
    assert training_load(empty, None) == (None, None)

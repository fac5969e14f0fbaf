"""The training load of a run.

With heart rate: GoldenCheetah's "TRIMP(100) Points" (src/Metrics/TRIMPPoints.cpp):
Banister's TRIMP with Green et al.'s coefficient, from the moving time and the
average heart rate,

    TRIMP = minutes × HRr × 0.64 × e^(k × HRr),  HRr = (HR − rest) / (max − rest)

scaled so that an hour at threshold heart rate scores 100:

    load = 100 × TRIMP / (60 × HRr_t × 0.64 × e^(k × HRr_t)),  HRr_t = (threshold − rest) / (max − rest)

with k = 1.92 (GoldenCheetah's default), rest 60, max 190 and threshold 170.

Without heart rate: hours × (speed / threshold speed)² × 100, the same
"an hour at threshold is 100" shape, where threshold speed is 1.1× the
runner's usual speed (3.33 m/s, 5:00/km, without history).
"""

from __future__ import annotations

from math import exp

from tui.core.watch.activity import Activity

K = 1.92
REST_HR, MAX_HR, THRESHOLD_HR = 60, 190, 170
THRESHOLD_SPEED_SHARE, FIXED_THRESHOLD_SPEED = 1.1, 1000 / 300
HR_FORMULA, PACE_FORMULA = "trimp100", "pace"


def _trimp(minutes: float, heart_rate: float) -> float:
    if heart_rate < REST_HR:
        return 0.0
    reserve = (heart_rate - REST_HR) / (MAX_HR - REST_HR)
    return minutes * reserve * 0.64 * exp(K * reserve)


def trimp100(moving_s: float, avg_hr: float) -> float:
    """TRIMP(100): 100 for an hour at THRESHOLD_HR."""
    return 100 * _trimp(moving_s / 60, avg_hr) / _trimp(60, THRESHOLD_HR)


def pace_load(moving_s: float, speed: float, usual_speed: float | None) -> float:
    threshold = THRESHOLD_SPEED_SHARE * usual_speed if usual_speed else FIXED_THRESHOLD_SPEED
    return moving_s / 3600 * (speed / threshold) ** 2 * 100


def training_load(activity: Activity, usual_speed: float | None) -> tuple[float | None, str | None]:
    """(load rounded to 0.1, formula name), or (None, None) with neither heart rate nor pace."""
    if activity.avg_hr:
        return round(trimp100(activity.moving_s, activity.avg_hr), 1), HR_FORMULA
    if activity.speed:
        return round(pace_load(activity.moving_s, activity.speed, usual_speed), 1), PACE_FORMULA
    return None, None

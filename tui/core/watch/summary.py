"""The one line shown for a file before anything is written:
"Ended 18:03 · 57 min · 6.75 km · 5:04/km · HR 147/176 → long (57 min ≥ 1.5× your usual 35 min)"."""

from __future__ import annotations

from datetime import datetime

METRES = {"metric": (1000.0, "km"), "imperial": (1609.344, "mi")}


def clock_duration(seconds: float) -> str:
    """"57 min", "1 h 32 min"."""
    minutes = round(seconds / 60)
    hours, minutes = divmod(minutes, 60)
    return f"{hours} h {minutes:02d} min" if hours else f"{minutes} min"


def distance_text(metres: float, units: str = "metric") -> str:
    size, unit = METRES.get(units, METRES["metric"])
    return f"{metres / size:.2f} {unit}"


def pace_text(speed: float, units: str = "metric") -> str:
    """"5:04/km" from m/s."""
    size, unit = METRES.get(units, METRES["metric"])
    seconds = round(size / speed)
    return f"{seconds // 60}:{seconds % 60:02d}/{unit}"


def summary_line(ended: datetime, now: datetime, moving_s: float, distance_m: float | None,
                 speed: float | None, avg_hr: int | None, max_hr: int | None, kind: str,
                 reasons: list[str], units: str = "metric") -> str:
    day = ""  # today's run needs no day; one of another year says its year
    if ended.date() != now.date():
        day = f"{ended:%a %d %b} " if ended.year == now.year else f"{ended:%a %d %b %Y} "
    parts = [f"Ended {day}{ended:%H:%M}", clock_duration(moving_s)]
    if distance_m:
        parts.append(distance_text(distance_m, units))
    if speed:
        parts.append(pace_text(speed, units))
    if avg_hr:
        parts.append(f"HR {avg_hr}/{max_hr}" if max_hr else f"HR {avg_hr}")
    why = f" ({'; '.join(reasons)})" if reasons else ""
    return f"{' · '.join(parts)} → {kind}{why}"

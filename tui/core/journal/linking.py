"""How records link: a rating to its session, a moment to its run.

A rating belongs to the latest session that ended within 72 hours before it;
`plan` and `did` go on with a run that ended in the last 12 hours; a run said
to end within two hours of one of the same day is that run.
"""

from __future__ import annotations

from collections.abc import Iterable
from datetime import datetime, timedelta

from tui.core.journal.records import record_time

LINK_WINDOW = timedelta(hours=72)
CURRENT_RUN = timedelta(hours=12)
SAME_RUN = timedelta(hours=2)


def linked_session(sessions: Iterable[dict], when: datetime) -> dict | None:
    """The latest session that ended within 72 h before `when`."""
    candidates = [
        (ended, s["id"], s)
        for s in sessions
        if s["type"] == "session" and when - LINK_WINDOW <= (ended := record_time(s)) <= when
    ]
    return max(candidates, key=lambda c: c[:2])[2] if candidates else None


def nearest_run(runs: Iterable[dict], ended: datetime) -> dict | None:
    """Of `runs`, the one that ended within SAME_RUN of `ended`, the nearest if several."""
    near = [(gap, r) for r in runs if (gap := abs(record_time(r) - ended)) <= SAME_RUN]
    return min(near, key=lambda pair: pair[0])[1] if near else None

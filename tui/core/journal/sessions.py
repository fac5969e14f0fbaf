"""A routine session record in words, the same in the CLI and the app."""

from __future__ import annotations

from tui.core.common.when import format_duration


def session_state(record: dict) -> str:
    """"finished", "finished, 2 skipped" or "left part-way".

    A session's "completed" means the routine was finished (walked to the end
    or ended with `f`); skipped exercises are counted apart.
    """
    if not record["completed"]:
        return "left part-way"
    skipped = record["exercises_skipped"]
    return f"finished, {skipped} skipped" if skipped else "finished"


def describe_session(record: dict) -> str:
    """A session in a few words: "left part-way, 5/8 exercises, 14:00"."""
    done = f"{record['exercises_done']}/{record['exercises_total']}"
    return f"{session_state(record)}, {done} exercises, {format_duration(record['seconds'])}"

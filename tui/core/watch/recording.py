"""A run from a watch file, written through the journal's own run methods:
a new run record, or the typed run it completes (its end corrected, its
practices kept, so its plan is re-timed). Checked again under the journal's
lock, so a second import of the same file at the same time adds nothing."""

from __future__ import annotations

from tui.core.journal.journal import Journal
from tui.core.watch.examine import DUPLICATE, NEW, Examined, find_duplicate, typed_run


def run_details(examined: Examined) -> dict:
    a = examined.activity
    assert a is not None and examined.start is not None and examined.kind is not None
    return {
        "started": examined.start.isoformat(), "duration_s": round(a.elapsed_s, 1),
        "moving_s": round(a.moving_s, 1), "distance_m": round(a.distance_m, 1) if a.distance_m else None,
        "avg_hr": a.avg_hr, "max_hr": a.max_hr, "laps": len(a.laps), "sport": a.sport,
        "source": examined.name[-500:], "sha256": examined.sha256, "kind_reasons": list(examined.kind.reasons),
        "load": examined.load, "load_formula": examined.load_formula,
    }


def record(journal: Journal, examined: Examined) -> dict | None:
    """The run record written, or None when it turned out to be a duplicate."""
    if examined.status != NEW:
        raise ValueError(f"{examined.name} is {examined.status}, not a new run")
    assert examined.end is not None and examined.kind is not None
    with journal.locked():
        duplicate = find_duplicate(journal, examined)
        if duplicate is not None:
            examined.status, examined.reason = DUPLICATE, f"already in the journal as run #{duplicate['id']}"
            examined.existing = duplicate
            return None
        examined.typed_run = typed_run(journal, examined)
        details = run_details(examined)
        if examined.typed_run is not None:
            return journal.update_run(examined.typed_run["id"], ended=examined.end,
                                      run_kind=examined.kind.kind, details=details)
        return journal.add_run(examined.end, examined.kind.kind, details)

"""An experiment in words: the lines `experiment status` prints and the
Experiments screen shows, and the runner's result beside what reviews found."""

from __future__ import annotations

from datetime import datetime

from tui.core.experiments.progress import Progress
from tui.core.experiments.result import Result, few_runs_note
from tui.core.insights.findings import Insight
from tui.core.insights.stats import TOO_FEW
from tui.core.insights.words import signed
from tui.core.journal.soreness import DOMS_FROM, DOMS_UNTIL
from tui.core.plan.practices import fallback_name
from tui.core.routines.evidence import Evidence

AS_ASSIGNED = "As the coin assigned"
AS_DONE = "As you did it"


def runs(n: int) -> str:
    return f"{n} run{'s' if n != 1 else ''}"


def you_line(result: Result) -> str:
    """"You: no clear difference after 8 runs" (and "so far" until the last outcome is in)."""
    rated = 2 * len(result.pairs)
    if not rated:
        return f"You: no result yet ({result.progress.experiment.runs - len(result.progress.slots)} runs to go)"
    return f"You: {result.verdict} after {runs(rated)}" + (" so far" if result.provisional else "")


def side_by_side(result: Result, evidence: Evidence | None) -> str:
    """"Reviews: a small benefit on average. You: no clear difference after 8 runs"."""
    reviews = f"Reviews: {evidence.summary}. " if evidence is not None else ""
    return reviews + you_line(result)


def state_line(progress: Progress, name: str) -> str:
    """Where the experiment stands, in one line."""
    e = progress.experiment
    kind = f" after {e.after} runs" if e.after else ""
    head = f"{name}{kind}: {len(progress.slots)} of {e.runs} runs"
    if e.stopped is not None and not progress.finished:
        return f"{head}, stopped early on {e.stopped:%a %d %b %Y}"
    if progress.finished:
        return f"{head}, complete" + (" (waiting for the last rating)" if progress.awaiting else "")
    return f"{head}, running since {e.started:%a %d %b %Y}"


def result_lines(result: Result) -> list[str]:
    """The figures, as assigned and as done, and what they can and cannot say."""
    lines = []
    if result.difference is not None:
        interval = ("no interval with one pair" if len(result.pairs) == 1 else "no interval: the pairs do not vary") \
            if result.interval is None else \
            f"95% interval {signed(result.interval[0])} to {signed(result.interval[1])}"
        lines.append(f"{AS_ASSIGNED}: {result.with_mean:.1f} with, {result.without_mean:.1f} without, "
                     f"difference {signed(result.difference)} ({interval}), p = {result.p_value:.3g}: "
                     f"{result.verdict}" + (" (provisional)" if result.provisional else ""))
    marked = result.marked
    if marked:
        places = ", ".join(f"run {s.place} ({'did it when told not to' if s.done else 'not done when told to'})"
                           for s in marked)
        lines.append(f"Not as the coin said: {places}.")
        done, not_done = result.done_means
        if done is not None and not_done is not None:
            lines.append(f"{AS_DONE}: {done:.1f} when done, {not_done:.1f} when not, difference "
                         f"{signed(done - not_done)}. The coin does not protect this comparison.")
    if result.adjusted_pairs:
        lines.append(f"The difference allows for how sore you already were after the run "
                     f"({result.adjusted_pairs} of {len(result.pairs)} pairs were rated then).")
    lines.append(few_runs_note(result))
    return lines


def reminder(progress: Progress, now: datetime) -> str | None:
    """A nudge for a counted run whose next-day rating is due and missing."""
    due = [slot for slot in progress.awaiting if DOMS_FROM <= now - slot.ended <= DOMS_UNTIL]
    if not due:
        return None
    slot = due[-1]
    name = fallback_name(progress.experiment.practice)
    return (f"{name} experiment, run {slot.place} of {progress.experiment.runs} ({slot.ended:%a %d %b}): "
            "rate your soreness this morning; it is that run's result.")


def insight_beside(insight: Insight, evidence: Evidence) -> str:
    """What reviews found, then what insights read in the runner's own records."""
    n = insight.with_n + insight.without_n
    if insight.verdict == TOO_FEW:
        yours = f"too few runs yet ({runs(n)} so far)"
    else:
        yours = f"{insight.verdict} after {runs(n)}"
    return f"{insight.name}: Reviews: {evidence.summary}. You: {yours}"


def evidence_beside(found: list[Insight], evidence: dict[str, Evidence]) -> list[str]:
    """insight_beside for each practice that has an evidence line, in insights' order."""
    return [insight_beside(insight, evidence[insight.practice]) for insight in found if insight.practice in evidence]

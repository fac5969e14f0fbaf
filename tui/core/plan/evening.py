"""One run's plan laid out on the evening: when its night's sleep is, and
its steps one at a time before it (the rules are in layout.py).

- A run that ends after bedtime (up to 6 hours after it: a late-night run), or
  within an hour before it, gets the short plan: cool-down walk, drink, a
  short stretch, and sleep at the later of bedtime and the run's end plus an hour.
- Every other run keeps the whole plan, fitted before bedtime: nothing ends
  after sleep; a step that cannot fit is dropped ("skip tonight").

All arithmetic is done in UTC, so a day when the clocks change is no
different; the times handed out are wall times in the run's zone.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, replace
from datetime import UTC, datetime, time, timedelta

from tui.core.common.when import in_zone_of, localize
from tui.core.plan.definition import BEDTIME, RUN_END, DueStep, PlanDef, PlanStep, unit_text
from tui.core.plan.layout import EITHER_OR, SLEEP, STRETCH, Layout

SHORT_PLAN = ("cool-down-walk", "hydrate", STRETCH, SLEEP)
LATE_NIGHT = timedelta(hours=6)
SHORT_BEFORE_BED = timedelta(hours=1)
SLEEP_AFTER_RUN = timedelta(hours=1)

LIGHT_SNACK_TITLE = "Light snack instead of a meal"
LIGHT_SNACK_DETAIL = ("Too close to bed for a full meal: something light with carbohydrate and a "
                      "little protein, like yoghurt, a banana or a glass of milk, so you do not go "
                      "to bed hungry.")
SHORT_STRETCH_TITLE = "Short stretch"
SHORT_STRETCH_DETAIL = ("Five easy minutes for calves, quads, hamstrings and hips, then get ready "
                        "for bed. Sleep matters more tonight than a long stretch.")


@dataclass(frozen=True)
class Night:
    """When the plan's sleep is due, and whether the run ended too late for the full plan."""

    sleep: datetime
    short: bool


def next_bedtime(ended: datetime, bedtime: time) -> datetime:
    """The first bedtime after the run ended (tomorrow's if today's has passed)."""
    moment = localize(datetime.combine(ended.date(), bedtime), ended)
    if _utc(moment) <= _utc(ended):
        moment = localize(datetime.combine(ended.date() + timedelta(days=1), bedtime), ended)
    return moment


def night_for(ended: datetime, bedtime: time) -> Night:
    """Tonight's sleep for a run that ended at `ended`.

    A run ending up to 6 h after a bedtime is a late-night run, not one for
    the next evening; one ending within an hour before bedtime is late too.
    """
    coming = next_bedtime(ended, bedtime)
    last = localize(datetime.combine(coming.date() - timedelta(days=1), bedtime), ended)
    an_hour_on = _utc(ended) + SLEEP_AFTER_RUN
    if _utc(ended) - _utc(last) < LATE_NIGHT:
        return Night(in_zone_of(an_hour_on, ended), True)
    if _utc(coming) - _utc(ended) <= SHORT_BEFORE_BED:
        return Night(in_zone_of(max(_utc(coming), an_hour_on), ended), True)
    return Night(coming, False)


def build_plan(plan: PlanDef, ended: datetime, bedtime: time, run_kind: str | None = None,
               units: str = "metric", lengths: Mapping[str, float] | None = None) -> list[DueStep]:
    """Every step of `plan` for one run, in the order to do them, one at a
    time (layout.py); the steps that do not fit tonight (dropped, no window)
    come last before sleep. `lengths` (routine id -> seconds) makes a step's
    window at least as long as its routine."""
    if ended.tzinfo is None:
        raise ValueError("ended must carry a UTC offset")
    night = night_for(ended, bedtime)
    sleep_at = _utc(night.sleep)
    layout = Layout(_utc(ended), sleep_at, lengths or {})
    base = {RUN_END: _utc(ended), BEDTIME: sleep_at}
    ordered = sorted((n for n, s in enumerate(plan.steps) if s.id != SLEEP),
                     key=lambda n: (plan.steps[n].anchor != RUN_END, plan.steps[n].start_minutes, n))
    for n in ordered:
        step = plan.steps[n]
        if night.short and step.id not in SHORT_PLAN:
            layout.drop(step)
        else:
            layout.place(step, base[step.anchor])
    words, optional_for = unit_text(units), _optional_for(run_kind)
    due = _one_row_per_choice({n: _due(step, layout, sleep_at, night.short, words, optional_for, ended)
                               for n, step in enumerate(plan.steps)})

    def order(n: int) -> tuple:
        step = due[n]
        when = sleep_at if step.start is None else _utc(step.start)  # "skip tonight" just before sleep
        return when, step.id == SLEEP, n

    return [due[n] for n in sorted(due, key=order)]


def _one_row_per_choice(due: dict[int, DueStep]) -> dict[int, DueStep]:
    """Heat and the ice bath are one either-or choice: one row, "Ice bath or
    warm bath", in the ice bath's place and window; ticking it records the
    one that was done (runs.practices_for)."""
    by_id = {step.id: n for n, step in due.items()}
    for alternative, main in EITHER_OR.items():
        if alternative in by_id and main in by_id:
            other = due.pop(by_id[alternative])
            first = due[by_id[main]]
            due[by_id[main]] = replace(
                first, title=f"{first.title} or {other.title[:1].lower()}{other.title[1:]}",
                detail=f"{first.detail}\n{other.detail}", optional=first.optional and other.optional,
                choices=(first, other))
    return due


def _optional_for(run_kind: str | None) -> Callable[[PlanStep], bool]:
    """After a kind of run a step is not for, the step is optional."""
    return lambda step: step.optional or (run_kind is not None and run_kind not in step.run_kinds)


def _due(step: PlanStep, layout: Layout, sleep_at: datetime, short: bool, words: dict[str, str],
         optional_for: Callable[[PlanStep], bool], ended: datetime) -> DueStep:
    title, detail, optional = step.title, step.detail.format_map(words), optional_for(step)
    start: datetime | None
    end: datetime | None
    if step.id == SLEEP:
        start = end = sleep_at + timedelta(minutes=step.start_minutes)
    else:
        slot = layout.slots.get(EITHER_OR.get(step.id, "")) or layout.slots[step.id]  # heat: the ice bath's window
        start, end = slot.start, slot.end
        if layout.slots[step.id].start is None:
            start = end = None
        if layout.slots[step.id].light_snack:
            title, detail = LIGHT_SNACK_TITLE, LIGHT_SNACK_DETAIL
    if short and step.id == STRETCH:
        title, detail = SHORT_STRETCH_TITLE, SHORT_STRETCH_DETAIL
    if start is None or end is None:
        return DueStep(step, None, None, title, detail, optional)
    return DueStep(step, in_zone_of(start, ended), in_zone_of(end, ended), title, detail, optional)


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)

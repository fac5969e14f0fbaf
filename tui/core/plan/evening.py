"""One run's plan laid out on the evening: in order from the run's end, and
fitted before bedtime.

- Steps timed from the run's end keep their offsets; steps timed from bedtime
  keep theirs, but none starts before the cool-down walk and the stretches
  are over, nor before the steps before it have had their shortest length
  (on a short evening the Epsom bath comes after the ice bath and the meal,
  and the bedtime stretch after the bath, never at the same time).
- Nothing is due after sleep. A step whose window runs past bedtime is cut to
  end at bedtime if its shortest length (its timer, else 5 minutes) still
  fits; otherwise it is dropped: "skip tonight".
- A nap only fits if it ends 5 hours before bed. A meal that would end after
  bedtime becomes a 15-minute light snack (cut short by bedtime), or is
  dropped if not even 5 minutes fit.
- A run that ends after bedtime (up to 6 hours after it: a late-night run), or
  within an hour before it, gets the short plan: cool-down walk, drink, a
  short stretch, and sleep at the later of bedtime and the run's end plus an hour.

All arithmetic is done in UTC, so a day when the clocks change is no
different; the times handed out are wall times in the run's zone.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, datetime, time, timedelta

from tui.core.common.when import in_zone_of, localize
from tui.core.plan.definition import BEDTIME, RUN_END, DueStep, PlanDef, PlanStep, unit_text

SLEEP, NAP, MEAL, STRETCH = "sleep", "nap", "meal", "stretch"
SHORT_PLAN = ("cool-down-walk", "hydrate", STRETCH, SLEEP)
WAITS_FOR = ("cool-down-walk", STRETCH)  # bedtime steps start only once these are over
LATE_NIGHT = timedelta(hours=6)
SHORT_BEFORE_BED = timedelta(hours=1)
SLEEP_AFTER_RUN = timedelta(hours=1)
NAP_CLEAR_OF_BED = timedelta(hours=5)
LIGHT_SNACK = timedelta(minutes=15)
SHORTEST_STEP = timedelta(minutes=5)

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
               units: str = "metric") -> list[DueStep]:
    """Every step of `plan` for one run, in the order to do them; the steps
    that do not fit tonight (dropped, no window) come last before sleep."""
    if ended.tzinfo is None:
        raise ValueError("ended must carry a UTC offset")
    night = night_for(ended, bedtime)
    fit = _Fitter(ended, night, run_kind, unit_text(units))
    laid: dict[int, tuple[datetime, DueStep]] = {}
    for n, step in enumerate(plan.steps):
        if step.anchor == RUN_END:
            laid[n] = fit.place(step, _utc(ended), wait_until=_utc(ended))
    ready = max((_busy_until(d) for _, d in laid.values() if not d.dropped), default=_utc(ended))
    for n, step in enumerate(plan.steps):
        if step.anchor == BEDTIME:
            laid[n] = fit.place(step, _utc(night.sleep), wait_until=ready if step.id != SLEEP else None)
            placed = laid[n][1]
            if step.id != SLEEP and not placed.dropped:
                ready = max(ready, _busy_until(placed))  # one bedtime step after the other
    sleep_at = _utc(night.sleep)

    def order(n: int) -> tuple:
        natural, due = laid[n]
        when = sleep_at if due.start is None else _utc(due.start)  # "skip tonight" just before sleep
        return when, due.id == SLEEP, natural, n

    return [laid[n][1] for n in sorted(laid, key=order)]


class _Fitter:
    """Places one step at a time on the evening of one run."""

    def __init__(self, ended: datetime, night: Night, run_kind: str | None, words: dict[str, str]) -> None:
        self.ended, self.night, self.run_kind, self.words = ended, night, run_kind, words

    def place(self, step: PlanStep, base: datetime, wait_until: datetime | None) -> tuple[datetime, DueStep]:
        """(where it would start without the fitting; the step as fitted)."""
        natural = base + timedelta(minutes=step.start_minutes)
        start = natural if wait_until is None else max(natural, wait_until)
        end = max(base + timedelta(minutes=step.end_minutes), start)
        return natural, self._fitted(step, start, end)

    def _fitted(self, step: PlanStep, start: datetime, end: datetime) -> DueStep:
        title, detail = step.title, step.detail.format_map(self.words)
        sleep = _utc(self.night.sleep)
        if step.id == SLEEP:
            return self._due(step, start, end, title, detail)
        if self.night.short and step.id not in SHORT_PLAN:
            return self._due(step, None, None, title, detail)
        if self.night.short and step.id == STRETCH:
            title, detail = SHORT_STRETCH_TITLE, SHORT_STRETCH_DETAIL
        if step.id == NAP and end > sleep - NAP_CLEAR_OF_BED:
            return self._due(step, None, None, title, detail)  # no nap in the evening
        if step.id == MEAL and end > sleep:
            title, detail, end = LIGHT_SNACK_TITLE, LIGHT_SNACK_DETAIL, start + LIGHT_SNACK
        shortest = _shortest(step)
        end = max(end, start + shortest)
        if end > sleep:
            if start + shortest > sleep:
                return self._due(step, None, None, title, detail)
            end = sleep
        return self._due(step, start, end, title, detail)

    def _due(self, step: PlanStep, start: datetime | None, end: datetime | None,
             title: str, detail: str) -> DueStep:
        optional = step.optional or (self.run_kind is not None and self.run_kind not in step.run_kinds)
        if start is None or end is None:
            return DueStep(step, None, None, title, detail, optional)
        return DueStep(step, in_zone_of(start, self.ended), in_zone_of(end, self.ended), title, detail, optional)


def _shortest(step: PlanStep) -> timedelta:
    return timedelta(seconds=step.timer_seconds) if step.timer_seconds else SHORTEST_STEP


def _busy_until(due: DueStep) -> datetime:
    """When a placed step has surely been done, for a bedtime step to follow it:
    the cool-down walk and the stretches at the end of their window, any other
    step once its shortest length has passed from its start (a meal due
    between 19:00 and 20:00 is eaten by then, not for the whole hour)."""
    if due.start is None or due.end is None:
        raise ValueError(f"{due.id} was dropped: it has no window")
    if due.id in WAITS_FOR:
        return _utc(due.end)
    return min(_utc(due.start) + _shortest(due.step), _utc(due.end))


def _utc(moment: datetime) -> datetime:
    return moment.astimezone(UTC)

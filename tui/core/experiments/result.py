"""An experiment's result: as assigned (what the coin decided, the fair
comparison) and as done (what the runner did, shown beside it).

As assigned uses the pairs whose two outcomes are both in: the mean
next-morning soreness with and without, and the difference: the mean of the
within-pair differences, each adjusted for how sore the runner already was
between the run and that night when both runs of the pair were rated then
(with minus without, less the same difference of those earlier ratings).
Beside it, its 95% interval and the exact randomisation p-value. The
verdict is insights' rule (stats.Adjusted: "helps" when the whole interval
is below 0, "worse" when above) and, as the coin is what makes the
comparison fair, it also needs the coin's test to agree (p < 0.05);
otherwise "no clear difference". Before the last outcome is in, the figures
are provisional.

As done compares the runs where the practice was done with those where it
was not, whatever the coin said. The coin does not protect it: a runner who
skips the bath on the worst days makes it look better than it is.
"""

from __future__ import annotations

from dataclasses import dataclass

from tui.core.experiments.design import WITH
from tui.core.experiments.permutation import exact_p_value, paired_interval, smallest_p
from tui.core.experiments.progress import Progress, Slot
from tui.core.insights.stats import UNCLEAR, Adjusted

SIGNIFICANCE = 0.05
JSON_KEYS = ("practice", "after", "runs", "done", "assigned", "adherence", "with_mean", "without_mean",
             "difference", "interval", "p_value", "verdict")


@dataclass(frozen=True)
class Result:
    progress: Progress
    pairs: tuple[tuple[Slot, Slot], ...]  # complete pairs: (with, without), both rated
    with_mean: float | None
    without_mean: float | None
    difference: float | None
    interval: tuple[float, float] | None
    p_value: float | None
    adjusted_pairs: int  # pairs whose difference allows for the earlier ratings
    done_means: tuple[float | None, float | None]  # (done, not done), whatever the coin said

    @property
    def verdict(self) -> str:
        if self.difference is None or self.interval is None or self.p_value is None \
                or self.p_value >= SIGNIFICANCE:
            return UNCLEAR
        return Adjusted(self.difference, self.interval, self.difference).verdict

    @property
    def provisional(self) -> bool:
        return not self.progress.finished or bool(self.progress.awaiting)

    @property
    def marked(self) -> list[Slot]:
        """Counted runs where the runner did not do what the coin said."""
        return [slot for slot in self.progress.slots if not slot.followed]

    @property
    def done_difference(self) -> float | None:
        done, not_done = self.done_means
        return None if done is None or not_done is None else done - not_done

    def to_json(self) -> dict:
        experiment, slots = self.progress.experiment, self.progress.slots
        interval = None if self.interval is None else [_round(self.interval[0]), _round(self.interval[1])]
        return {
            "practice": experiment.practice, "after": experiment.after, "runs": experiment.runs,
            "done": len(slots), "assigned": [slot.arm for slot in slots],
            "adherence": {
                "followed": sum(slot.followed for slot in slots), "not_followed": len(self.marked),
                "marked": [{"place": s.place, "run": s.run_id, "assigned": s.arm,
                            "did_practice": s.done} for s in self.marked],
                "as_done": {"with_mean": _round(self.done_means[0]), "without_mean": _round(self.done_means[1]),
                            "difference": _round(self.done_difference)},
            },
            "with_mean": _round(self.with_mean), "without_mean": _round(self.without_mean),
            "difference": _round(self.difference), "interval": interval,
            "p_value": None if self.p_value is None else round(self.p_value, 4),
            "verdict": self.verdict,
        }


def _round(value: float | None) -> float | None:
    return None if value is None else round(value, 2) + 0.0  # + 0.0: never "-0.0"


def complete_pairs(progress: Progress) -> list[tuple[Slot, Slot]]:
    """(with, without) of each pair whose two outcomes are in, in schedule order."""
    by_place = {slot.place: slot for slot in progress.slots if slot.outcome is not None}
    pairs = []
    for first in range(1, progress.experiment.runs, 2):
        if first in by_place and first + 1 in by_place:
            a, b = by_place[first], by_place[first + 1]
            pairs.append((a, b) if a.arm == WITH else (b, a))
    return pairs


def _outcome(slot: Slot) -> float:
    if slot.outcome is None:
        raise ValueError(f"run {slot.place} has no outcome yet")
    return slot.outcome


def pair_difference(with_: Slot, without: Slot) -> float:
    """With minus without, less the difference of the earlier ratings when both have one."""
    raw = _outcome(with_) - _outcome(without)
    if with_.before is None or without.before is None:
        return raw
    return raw - (with_.before - without.before)


def _mean(values: list[float]) -> float | None:
    return sum(values) / len(values) if values else None


def result(progress: Progress) -> Result:
    pairs = complete_pairs(progress)
    differences = [pair_difference(w, wo) for w, wo in pairs]
    rated = [slot for slot in progress.slots if slot.outcome is not None]
    return Result(
        progress, tuple(pairs),
        _mean([_outcome(w) for w, _ in pairs]), _mean([_outcome(wo) for _, wo in pairs]),
        _mean(differences), paired_interval(differences), exact_p_value(differences),
        sum(w.before is not None and wo.before is not None for w, wo in pairs),
        (_mean([_outcome(s) for s in rated if s.done]), _mean([_outcome(s) for s in rated if not s.done])),
    )


def planned_runs_note(runs: int) -> str | None:
    """Said when an experiment starts: whether its runs can ever give a verdict."""
    pairs = runs // 2
    if smallest_p(pairs) < SIGNIFICANCE:
        return None
    fewest = next(n for n in range(pairs + 1, 64) if smallest_p(n) < SIGNIFICANCE)
    return (f"With {runs} runs the coin's test cannot go below p = {smallest_p(pairs):.3g}, so the result "
            f"will show a pattern but no verdict; {2 * fewest} runs or more can show a clear difference.")


def few_runs_note(result: Result) -> str:
    """How few runs it is, plainly, and what the coin's test can show with them."""
    pairs = len(result.pairs)
    if pairs == 0:
        return "No pair of runs has both outcomes in yet, so there is nothing to compare."
    text = (f"{2 * pairs} rated runs ({pairs} pair{'s' if pairs != 1 else ''}) is very few: "
            "this is a pattern in your own records, not proof.")
    if smallest_p(pairs) >= SIGNIFICANCE:
        text += (f" With {pairs} pairs the coin's test cannot go below p = {smallest_p(pairs):.3g}, "
                 "so it cannot show a clear difference yet: 6 pairs (12 runs) is the fewest that can.")
    return text

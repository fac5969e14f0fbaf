"""The routine model: frozen dataclasses, no I/O and no Textual."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

KINDS: tuple[str, ...] = ("warmup", "stretch", "yoga", "recovery")

KIND_LABELS: dict[str, str] = {
    "warmup": "Before a run",
    "stretch": "Stretches",
    "yoga": "Yoga",
    "recovery": "Recovery",
}

MAX_SECONDS = 3600


@dataclass(frozen=True)
class Exercise:
    name: str
    seconds: int
    sides: int
    areas: tuple[str, ...]
    cue: str
    moving: bool = False  # a flow (cat-cow, rolling, walking): "keep moving", not "hold"

    @property
    def total_seconds(self) -> int:
        """Hold time over all sides (pauses between phases not counted)."""
        return self.seconds * self.sides

    def to_dict(self) -> dict:
        """As in the routine file: `moving` only when set, as it is optional there."""
        data = {
            "name": self.name,
            "seconds": self.seconds,
            "sides": self.sides,
            "areas": list(self.areas),
            "cue": self.cue,
        }
        return data | {"moving": True} if self.moving else data


@dataclass(frozen=True)
class Routine:
    id: str
    name: str
    kind: str
    description: str
    exercises: tuple[Exercise, ...]
    source: Path | None = field(default=None, compare=False)
    builtin: bool = field(default=True, compare=False)

    @property
    def total_seconds(self) -> int:
        return sum(exercise.total_seconds for exercise in self.exercises)

    def to_dict(self) -> dict:
        return {
            "id": self.id,
            "name": self.name,
            "kind": self.kind,
            "description": self.description,
            "total_seconds": self.total_seconds,
            "exercises": [exercise.to_dict() for exercise in self.exercises],
        }

"""Ids and names shared by the journal, the loader and the plan (no imports to speak of)."""

import re

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,63}\Z")
RUN_KINDS = ("easy", "long", "tempo", "intervals", "race")

# Body areas a rating can name, in the order forms and tables show them.
AREAS: tuple[str, ...] = (
    "quads",
    "hamstrings",
    "calves",
    "hips",
    "glutes",
    "shins",
    "feet",
    "back",
    "knees",
    "ankles",
    "achilles",
    "it-band",
)
_AREA_LABELS = {"achilles": "Achilles", "it-band": "IT band"}


def area_words(area: str) -> str:
    """An area as written in a sentence: "calves", "IT band", "Achilles"."""
    return _AREA_LABELS.get(area, area)


def area_label(area: str) -> str:
    """An area as a heading or row label: "Calves", "IT band", "Achilles"."""
    words = area_words(area)
    return words[:1].upper() + words[1:]

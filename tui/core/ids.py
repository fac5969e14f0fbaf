"""Ids and names shared by the journal, the loader and the plan (no imports to speak of)."""

import re

ID_PATTERN = re.compile(r"[a-z0-9][a-z0-9-]{0,63}\Z")
RUN_KINDS = ("easy", "long", "tempo", "intervals", "race")
ENDED_HELP = "'now', minutes ago like '20m', or a time like '07:40'"

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
)

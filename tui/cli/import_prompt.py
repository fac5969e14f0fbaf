"""`import` on a terminal: Enter records the run with the kind shown, a kind's
name records it as that kind, `s` skips it. A race is only ever suggested:
the runner says whether it was one."""

from __future__ import annotations

import sys

from tui.core.common.ids import RUN_KINDS
from tui.core.watch.examine import Examined

SKIPPED = "skipped"


def confirm_kind(result: Examined) -> str | None:
    """The kind to record (result.kind is updated), or None to skip."""
    assert result.kind is not None
    shown = result.kind.kind
    if result.kind.race_suggested:
        print(f"  It may have been a race ({result.kind.race_suggested}): type race if it was.", file=sys.stderr)
    while True:
        print(f"  Enter records it as {shown}; or type {', '.join(RUN_KINDS)}; s skips it: ",
              end="", file=sys.stderr, flush=True)
        answer = sys.stdin.readline()
        if not answer:  # end of input
            return None
        word = answer.strip().lower()
        if not word:
            return shown
        if word in ("s", "skip"):
            return None
        if word in RUN_KINDS:
            if word != shown:
                result.kind = type(result.kind)(word, ["as you said when importing"])
            return word
        print(f"  {word!r} is not a kind of run.", file=sys.stderr)

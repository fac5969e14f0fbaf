"""A save that rotates a crowded journal (rotation.py), killed with SIGKILL
just before or just after its Nth file replacement (rename).

    python rotation_child.py JOURNAL N before|after
"""

from __future__ import annotations

import os
import signal
import sys
from pathlib import Path

from tests.core.crowded import NOW
from tui.core.common import atomic
from tui.core.journal.journal import Journal


def main() -> None:
    journal, kill_at, when = Path(sys.argv[1]), int(sys.argv[2]), sys.argv[3]
    real, done = atomic.replace, [0]

    def replace(src: Path, dst: Path) -> None:
        done[0] += 1
        if done[0] == kill_at and when == "before":
            os.kill(os.getpid(), signal.SIGKILL)
        real(src, dst)
        if done[0] == kill_at and when == "after":
            os.kill(os.getpid(), signal.SIGKILL)

    atomic.replace = replace
    with Journal(journal, now=lambda: NOW) as opened:
        opened.archive_old_months()
    print(done[0])  # renames in the whole rotation: no kill was reached


if __name__ == "__main__":
    main()

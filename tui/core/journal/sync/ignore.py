"""What must not sync: the lock, temporary files, caches and the crash log.

They stay beside the journal, so the app finds them on every device, and
their names match the patterns below, which the Syncthing folder's .stignore
takes in (docs/sync.md; `recovery-tui doctor --stignore` prints them).
Syncthing's own temporary files (.syncthing.*.tmp) it leaves out itself.
"""

from __future__ import annotations

from pathlib import Path

PATTERNS = (
    "(?d)*.lock",  # journal.json.lock, backups/.lock: a lock is this device's own
    "(?d).*.tmp-*",  # a save's temporary file (common/atomic.py)
    "(?d)*.insights",  # insights' month summaries: a cache, made again from the month
    "(?d)crash.log",  # what failed on this device
)
STIGNORE = "\n".join([
    "// recovery-tui: files that belong to one device only (see docs/sync.md)",
    *PATTERNS,
]) + "\n"


def syncthing_root(folder: Path) -> Path | None:
    """The Syncthing folder `folder` is in (the nearest one holding .stfolder), if any."""
    for candidate in (folder, *folder.parents):
        if (candidate / ".stfolder").exists():
            return candidate
    return None


def missing_patterns(root: Path) -> list[str]:
    """Which of PATTERNS the root's .stignore (and the files it includes) lacks."""
    lines: set[str] = set()
    todo = [root / ".stignore"]
    while todo and len(lines) < 10_000:
        try:
            text = todo.pop().read_text(encoding="utf-8", errors="replace")
        except OSError:
            continue
        for line in text.splitlines():
            line = line.strip()
            if line.startswith("#include "):
                todo.append(root / line[len("#include "):].strip())
            lines.add(line)
    return [pattern for pattern in PATTERNS if pattern not in lines and pattern[4:] not in lines]

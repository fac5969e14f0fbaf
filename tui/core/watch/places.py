"""Where a runner's activity files usually are: a mounted Garmin watch
(GARMIN/Activity/ on a drive under /media/USER, /run/media/USER or
/Volumes), ~/Downloads, and any folder given. Found without reading the files."""

from __future__ import annotations

import getpass
from collections.abc import Iterable
from pathlib import Path

from tui.core.watch.readers import file_kind
from tui.core.watch.sources import ActivityFile, SourceProblem, activity_files

MOUNT_ROOTS = ("/media/{user}", "/run/media/{user}", "/Volumes")
DOWNLOADS_DEPTH = 1  # ~/Downloads itself and its folders one level down (an unzipped export's activities/)


def usual_places(home: Path, extra: Iterable[Path] = (), mount_roots: Iterable[str] = MOUNT_ROOTS) -> list[Path]:
    """Folders to look in, those that exist: mounted watches first, then Downloads, then `extra`."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    places: list[Path] = []
    for root in mount_roots:
        base = Path(root.format(user=user))
        try:
            drives = sorted(base.iterdir()) if base.is_dir() else []
        except OSError:
            drives = []
        places += [drive / "GARMIN" / "Activity" for drive in drives]
    places += [home / "Downloads", *extra]
    return [p for p in places if p.is_dir()]


def recent_files(places: Iterable[Path], limit: int = 8) -> list[ActivityFile]:
    """The newest activity files in `places` (a zip inside is looked into too)."""
    found: list[ActivityFile] = []
    for place in places:
        try:
            found += activity_files(place)
            found += [f for z in place.glob("*.zip") for f in _zip_files(z)]
        except (SourceProblem, OSError):
            continue
    found.sort(key=lambda f: (f.modified, f.name), reverse=True)
    return [f for f in found if file_kind(f.name)][:limit]


def _zip_files(path: Path) -> list[ActivityFile]:
    try:
        return activity_files(path)
    except SourceProblem:
        return []

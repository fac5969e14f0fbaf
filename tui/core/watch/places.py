"""Where a runner's activity files usually are: a mounted Garmin watch
(GARMIN/Activity/ on a drive under /media/USER, /run/media/USER or
/Volumes), then the watch-files folder of the settings (~/Downloads by
default). Found without reading the files, and only near the top of each
folder: the default folder may be the home folder itself."""

from __future__ import annotations

import getpass
from collections.abc import Iterable, Iterator
from pathlib import Path

from tui.core.watch.readers import file_kind
from tui.core.watch.sources import ActivityFile, SourceProblem, activity_files

MOUNT_ROOTS = ("/media/{user}", "/run/media/{user}", "/Volumes")
DEPTH = 1  # a folder itself and its folders one level down (an unzipped export's activities/)


def usual_places(folder: Path, mount_roots: Iterable[str] | None = None) -> list[Path]:
    """Folders to look in, those that exist: mounted watches (under MOUNT_ROOTS by default) first, then `folder`."""
    try:
        user = getpass.getuser()
    except (KeyError, OSError):
        user = ""
    places: list[Path] = []
    for root in MOUNT_ROOTS if mount_roots is None else mount_roots:
        base = Path(root.format(user=user))
        try:
            drives = sorted(base.iterdir()) if base.is_dir() else []
        except OSError:
            drives = []
        places += [drive / "GARMIN" / "Activity" for drive in drives]
    places.append(folder)
    return [p for p in places if p.is_dir()]


def recent_files(places: Iterable[Path], limit: int | None = 8) -> list[ActivityFile]:
    """The newest activity files in `places` (a zip among them is looked into too); None: all of them."""
    found: list[ActivityFile] = []
    for place in places:
        for path in _near(place, DEPTH):
            try:
                found += activity_files(path)
            except SourceProblem:
                continue
    found.sort(key=lambda f: (f.modified, f.name), reverse=True)
    return [f for f in found if file_kind(f.name)][:limit]


def _near(folder: Path, depth: int) -> Iterator[Path]:
    """Activity files and zips in `folder` and its folders `depth` levels down (hidden ones left out)."""
    try:
        entries = sorted(folder.iterdir())
    except OSError:
        return
    for entry in entries:
        if entry.name.startswith("."):
            continue
        try:
            is_folder = entry.is_dir()
        except OSError:
            continue
        if is_folder:
            if depth > 0:
                yield from _near(entry, depth - 1)
        elif file_kind(entry.name) or entry.suffix.lower() == ".zip":
            yield entry

"""Where activity files come from: a file (.fit, .tcx, .gpx, each perhaps
.gz), a zip of them (Garmin's "export original", Strava's bulk export with
its activities/ folder) or a folder. Sizes are bounded: a file or a zip
member of more than MAX_BYTES, compressed or not, is reported, not read."""

from __future__ import annotations

import gzip
import hashlib
import io
import zipfile
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import UTC, datetime
from functools import partial
from pathlib import Path

from tui.core.watch.readers import file_kind

MAX_BYTES = 64 * 1024 * 1024
MAX_FOLDER_FILES = 20_000


class SourceProblem(Exception):
    """A path that cannot be read as activity files; str() says why."""


@dataclass(frozen=True)
class ActivityFile:
    name: str  # as the runner knows it: the file's name, or "export.zip:activities/123.fit.gz"
    read_bytes: Callable[[], bytes]  # the raw bytes, from a zip member or a file
    modified: datetime
    from_collection: bool  # found in a folder or a zip, not named on its own

    def data(self) -> bytes:
        """The file's bytes, uncompressed; SourceProblem if they cannot be had."""
        raw = self.read_bytes()
        if self.name.lower().endswith(".gz"):
            try:
                with gzip.GzipFile(fileobj=io.BytesIO(raw)) as unzipped:
                    raw = unzipped.read(MAX_BYTES + 1)
            except (OSError, EOFError, zlib.error) as error:
                raise SourceProblem(f"its gzip compression is damaged ({error})") from None
            if len(raw) > MAX_BYTES:
                raise SourceProblem(f"it unpacks to more than {MAX_BYTES // 2**20} MB")
        return raw


def digest(data: bytes) -> str:
    return hashlib.sha256(data).hexdigest()


def activity_files(path: Path) -> list[ActivityFile]:
    """The activity files at `path`, newest first when there are several."""
    if path.is_dir():
        return _newest_first(_folder(path))
    if not path.exists():
        raise SourceProblem("there is no such file or folder")
    if path.suffix.lower() == ".zip":
        return _newest_first(_zip(path))
    if file_kind(path.name) is None:
        raise SourceProblem("not a .fit, .fit.gz, .tcx, .gpx or .zip file, nor a folder")
    return [ActivityFile(path.name, lambda: _read_file(path), _mtime(path), False)]


def _folder(folder: Path) -> Iterator[ActivityFile]:
    try:
        for count, path in enumerate(p for p in folder.rglob("*") if p.is_file() and file_kind(p.name)):
            if count >= MAX_FOLDER_FILES:
                return
            yield ActivityFile(str(path.relative_to(folder)), partial(_read_file, path), _mtime(path), True)
    except OSError as error:
        raise SourceProblem(f"the folder cannot be read ({error.strerror or error})") from None


def _zip(path: Path) -> Iterator[ActivityFile]:
    try:
        archive = zipfile.ZipFile(path)
    except (zipfile.BadZipFile, OSError) as error:
        raise SourceProblem(f"not a readable zip file ({error})") from None
    for member in archive.infolist():
        if member.is_dir() or not file_kind(member.filename):
            continue
        when = datetime(*member.date_time, tzinfo=UTC)
        yield ActivityFile(f"{path.name}:{member.filename}", partial(_read_member, archive, member), when, True)


def _read_member(archive: zipfile.ZipFile, member: zipfile.ZipInfo) -> bytes:
    if member.file_size > MAX_BYTES:
        raise SourceProblem(f"it is larger than {MAX_BYTES // 2**20} MB")
    try:
        with archive.open(member) as stream:
            return stream.read(MAX_BYTES + 1)
    except (zipfile.BadZipFile, OSError, zlib.error, EOFError) as error:
        raise SourceProblem(f"it cannot be unpacked from the zip ({error})") from None


def _read_file(path: Path) -> bytes:
    try:
        if path.stat().st_size > MAX_BYTES:
            raise SourceProblem(f"it is larger than {MAX_BYTES // 2**20} MB")
        return path.read_bytes()
    except OSError as error:
        raise SourceProblem(f"it cannot be read ({error.strerror or error})") from None


def _mtime(path: Path) -> datetime:
    try:
        return datetime.fromtimestamp(path.stat().st_mtime, UTC)
    except OSError:
        return datetime.min.replace(tzinfo=UTC)


def _newest_first(files: Iterator[ActivityFile]) -> list[ActivityFile]:
    return sorted(files, key=lambda f: (f.modified, f.name), reverse=True)


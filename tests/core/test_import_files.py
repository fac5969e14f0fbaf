"""The readers on each format: GPX written by gpxpy, python-tcxparser's TCX,
synthetic FIT runs of each kind (written with fit-tool), gzip and zip damage."""

from __future__ import annotations

import gzip
import xml.etree.ElementTree as ElementTree
from datetime import UTC, datetime, timedelta
from pathlib import Path

import gpxpy
import gpxpy.gpx
import pytest

from tests.data.synthetic_fit import Lap, write_run
from tui.core.watch.activity import DAMAGED, NO_CLOCK, NOT_A_RUN, ActivityProblem
from tui.core.watch.kinds import Usual, classify
from tui.core.watch.readers import read_activity
from tui.core.watch.sources import SourceProblem, activity_files

DATA = Path(__file__).resolve().parents[1] / "data"
START = datetime(2024, 11, 22, 17, 0, tzinfo=UTC)


def gpx_run(path: Path, seconds: int = 1800, kind: str | None = "running", with_times: bool = True) -> Path:
    """A GPX track written by gpxpy: north at 3 m/s, a point every 10 s, heart rate 150."""
    gpx = gpxpy.gpx.GPX()
    gpx.nsmap["gpxtpx"] = "http://www.garmin.com/xmlschemas/TrackPointExtension/v1"
    track = gpxpy.gpx.GPXTrack()
    track.type = kind
    segment = gpxpy.gpx.GPXTrackSegment()
    for second in range(0, seconds + 1, 10):
        point = gpxpy.gpx.GPXTrackPoint(52.5 + second * 3.0 / 111_195, 13.4,
                                        time=START + timedelta(seconds=second) if with_times else None)
        extension = ElementTree.Element("{http://www.garmin.com/xmlschemas/TrackPointExtension/v1}TrackPointExtension")
        hr = ElementTree.SubElement(extension, "{http://www.garmin.com/xmlschemas/TrackPointExtension/v1}hr")
        hr.text = "150"
        point.extensions.append(extension)
        segment.points.append(point)
    track.segments.append(segment)
    gpx.tracks.append(track)
    path.write_text(gpx.to_xml())
    return path


def read(path: Path):
    return read_activity(path.name, path.read_bytes())


def test_gpx_written_by_gpxpy(tmp_path):
    run = read(gpx_run(tmp_path / "run.gpx"))
    assert (run.sport, run.start, run.elapsed_s) == ("running", START, 1800)
    assert run.distance_m == pytest.approx(5400, rel=0.01)
    assert (run.avg_hr, run.max_hr, run.local_offset) == (150, 150, None)


def test_gpx_that_is_a_ride_or_has_no_times(tmp_path):
    with pytest.raises(ActivityProblem) as ride:
        read(gpx_run(tmp_path / "ride.gpx", kind="cycling"))
    assert ride.value.status == NOT_A_RUN
    with pytest.raises(ActivityProblem) as timeless:
        read(gpx_run(tmp_path / "no-times.gpx", with_times=False))
    assert timeless.value.status == NO_CLOCK
    (tmp_path / "bad.gpx").write_text("<gpx><trk><trkseg><trkpt lat='x'")
    with pytest.raises(ActivityProblem) as bad:
        read(tmp_path / "bad.gpx")
    assert bad.value.status == DAMAGED


def test_python_tcxparsers_run():
    run = read(DATA / "tcx" / "test.tcx")
    assert (run.sport, run.start) == ("running", datetime(2012, 12, 26, 21, 29, 53, tzinfo=UTC))
    assert (run.elapsed_s, round(run.distance_m), run.avg_hr, run.max_hr, len(run.laps)) == (1992, 4689, 157, 189, 3)


def test_a_damaged_tcx_is_damaged(tmp_path):
    (tmp_path / "cut.tcx").write_bytes((DATA / "tcx" / "test.tcx").read_bytes()[:5000])
    with pytest.raises(ActivityProblem) as problem:
        read(tmp_path / "cut.tcx")
    assert problem.value.status == DAMAGED


def test_fitdecodes_files_decode_with_their_facts():
    fenix2 = read(DATA / "fit" / "activity-small-fenix2-run.fit")
    assert (fenix2.elapsed_s, round(fenix2.distance_m), fenix2.local_offset) == (2832, 9008, timedelta(hours=2))
    assert len(fenix2.laps) == 4
    fr110 = read(DATA / "fit" / "2013-02-06-12-11-14.fit")
    assert (fr110.avg_hr, fr110.max_hr, fr110.local_offset) == (147, 171, None)
    fenix5 = read(DATA / "fit" / "garmin-fenix-5-run.fit")  # a newer watch's profile decodes
    assert (fenix5.sport, fenix5.local_offset) == ("running", timedelta(hours=-7))


KINDS = {
    "easy": [Lap(2400, 2.9, 135)],
    "tempo": [Lap(600, 2.9, 140), Lap(1500, 3.6, 165), Lap(300, 2.8, 140)],
    "intervals": [Lap(600, 3.0, 140), *[Lap(180, 800 / 180, 170), Lap(120, 2.2, 140, rest=False)] * 6, Lap(600, 3.0)],
    "long": [Lap(3600, 2.9, 140), Lap(1800, 2.8, 145)],
}


@pytest.mark.parametrize("kind", KINDS)
def test_synthetic_runs_of_each_kind(tmp_path, kind):
    path = write_run(tmp_path / f"{kind}.fit", START, KINDS[kind], every=5)
    assert classify(read(path), Usual()).kind == kind


def test_gzip_damage_is_reported_by_the_source(tmp_path):
    good = gzip.compress((DATA / "fit" / "garmin-fenix-5-run.fit").read_bytes())
    (tmp_path / "run.fit.gz").write_bytes(good[: len(good) // 2])
    [file] = activity_files(tmp_path / "run.fit.gz")
    with pytest.raises(SourceProblem, match="gzip compression is damaged"):
        file.data()


def test_a_zip_that_is_not_one(tmp_path):
    (tmp_path / "export.zip").write_bytes(b"PK\x03\x04 not really")
    with pytest.raises(SourceProblem, match="not a readable zip file"):
        activity_files(tmp_path / "export.zip")
    (tmp_path / "notes.txt").write_text("hi")
    with pytest.raises(SourceProblem, match=r"not a \.fit"):
        activity_files(tmp_path / "notes.txt")

"""Runs read from a watch's activity files (FIT, TCX, GPX): activity (what a
file says about a run), sources (files, .gz, zips and folders), fit / tcx /
gpx (one reader per format, each importing its library only when used),
readers (the one entry point), kinds (the kind rules), load (the training
load), summary (the one-line summary) and recording (into the journal).
May import: common, routines, plan, journal.
"""

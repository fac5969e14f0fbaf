"""`recovery-tui import PATH...`: runs from watch files into the journal.

Every file gets one line before anything is written; nothing is written with
--dry-run, and on a terminal each run waits for Enter (or another kind).
Exit 0 when some run was new or already imported, 1 when no file gave a run,
2 for a bad command line or without the import extra."""

from __future__ import annotations

import argparse
import json
import sys
from datetime import datetime, time
from pathlib import Path

from tui.cli.common import UsageError, command_now, finish, open_journal
from tui.cli.import_prompt import SKIPPED, confirm_kind
from tui.cli.parser import AUTO_KIND
from tui.core.common.folder_setting import watch_folder
from tui.core.common.paths import settings_path
from tui.core.common.settings import load_settings
from tui.core.common.when import localize, parse_when
from tui.core.journal.journal import Journal
from tui.core.watch.examine import DUPLICATE, NEW, Examined, examine
from tui.core.watch.kinds import HISTORY, Usual, usual_run
from tui.core.watch.places import recent_files, usual_places
from tui.core.watch.readers import INSTALL_HINT, missing_libraries
from tui.core.watch.recording import record
from tui.core.watch.sources import ActivityFile, SourceProblem, activity_files


def cmd_import(args: argparse.Namespace) -> int:
    if missing_libraries():
        print(f"recovery-tui: {INSTALL_HINT}", file=sys.stderr)
        return 2
    now = command_now()
    since = _since(args, now)
    asking = not (args.yes or args.dry_run)
    if asking and not sys.stdin.isatty():
        raise UsageError("import: standard input is not a terminal to confirm on: "
                         "add --yes to record each run as shown, or --dry-run")
    settings, problems = load_settings(settings_path())
    units = settings.units
    if not args.paths:
        folder_problems = [p for p in problems if p.field == "watch_folder"]
        if folder_problems:
            print(f"recovery-tui: {folder_problems[0]}", file=sys.stderr)
            return 1
        places = usual_places(watch_folder(settings.watch_folder, Path.home()))
        print(f"recovery-tui: no PATH given: looking in {', '.join(map(str, places))}", file=sys.stderr)
    with open_journal(args.journal, now) as journal:
        usual = usual_run(journal.records(now - HISTORY, kinds=("run",)), now)
        if args.paths:
            results = [*_examine_paths(args, journal, usual, now, since, units)]
        else:
            results = [*_examine_places(args, places, journal, usual, now, since, units)]
        for result in results:
            if not args.json:
                print(f"{result.name}: {result.summary(now, units)}")
            if result.status == NEW and not args.dry_run:
                _record(journal, result, asking, now, units, quiet=args.json)
        if args.json:
            json.dump([r.as_json() for r in results], sys.stdout, indent=2, ensure_ascii=False)
            print()
        code = finish(journal, problems_fail=False)
    return code if any(r.status in (NEW, DUPLICATE, SKIPPED) for r in results) else 1


def _since(args: argparse.Namespace, now: datetime) -> datetime | None:
    if args.since is None:
        return None
    try:
        moment = parse_when(args.since, now)
    except ValueError as error:
        raise UsageError(f"argument --since: {error}") from None
    return localize(datetime.combine(moment.date(), time()), now)


def _examine_paths(args: argparse.Namespace, journal: Journal, usual: Usual, now: datetime,
                   since: datetime | None, units: str):
    kind = None if args.kind == AUTO_KIND else args.kind
    for path in args.paths:
        try:
            files = activity_files(path.expanduser())
        except SourceProblem as problem:
            yield Examined(str(path), "damaged", str(problem))
            continue
        collection = [f for f in files if f.from_collection]
        if not files:
            yield Examined(str(path), "not a run", "it holds no .fit, .tcx or .gpx file")
        elif not collection:
            yield from (examine(f, journal, usual, now, kind, units) for f in files)
        elif args.all or since is not None:
            yield from _every(collection, journal, usual, now, kind, units, since)
        else:
            yield _newest(str(path), collection, journal, usual, now, kind, units)


def _examine_places(args: argparse.Namespace, places: list[Path], journal: Journal, usual: Usual,
                    now: datetime, since: datetime | None, units: str):
    """Without PATH: the usual places' files taken as one collection."""
    kind = None if args.kind == AUTO_KIND else args.kind
    files = recent_files(places, limit=None)
    if args.all or since is not None:
        yield from _every(files, journal, usual, now, kind, units, since)
    else:
        yield _newest(" and ".join(map(str, places)) or "the usual places", files, journal, usual, now, kind,
                      units)


def _every(files: list[ActivityFile], journal: Journal, usual: Usual, now: datetime, kind: str | None,
           units: str, since: datetime | None):
    for file in files:
        result = examine(file, journal, usual, now, kind, units)
        if since is None or result.start is None or result.start >= since:
            yield result


def _newest(where: str, files: list[ActivityFile], journal: Journal, usual: Usual, now: datetime,
            kind: str | None, units: str) -> Examined:
    """The newest run of a folder or zip that is not imported yet."""
    for file in files:
        result = examine(file, journal, usual, now, kind, units)
        if result.status == NEW:
            return result
    return Examined(where, DUPLICATE if files else "not a run",
                    f"no run here that is not already imported (of {len(files)} activity files)"
                    if files else "it holds no .fit, .tcx or .gpx file")


def _record(journal: Journal, result: Examined, asking: bool, now: datetime, units: str, quiet: bool) -> None:
    if asking:
        chosen = confirm_kind(result)
        if chosen is None:
            print("  not recorded", file=sys.stderr if quiet else sys.stdout)
            result.status, result.reason = SKIPPED, "you chose not to record it"
            return
    saved = record(journal, result)
    out = sys.stderr if quiet else sys.stdout
    if saved is None:
        print(f"  {result.reason}: nothing added", file=out)
    elif result.typed_run is not None:
        ended = datetime.fromisoformat(saved["time"])
        print(f"  completed run #{saved['id']} (typed before); its plan now starts at {ended:%H:%M}", file=out)
    else:
        print(f"  recorded as run #{saved['id']} ({saved['run_kind']})", file=out)

"""`recovery-tui routines | validate`: the routine library and routine or plan files."""

from __future__ import annotations

import argparse
import json
import sys

from tui.cli.common import PROG
from tui.cli.library import load_all
from tui.core.common.paths import settings_path
from tui.core.common.settings import load_settings
from tui.core.common.when import format_duration
from tui.core.routines.model import KIND_LABELS
from tui.core.routines.timer import planned_seconds
from tui.core.validate import check_files


def cmd_routines(args: argparse.Namespace) -> int:
    library = load_all()
    settings, _problems = load_settings(settings_path())  # the app reports a bad file

    def total(routine) -> float:
        """As long as a session of it takes, pauses included: the total the app shows."""
        return planned_seconds(routine, settings.get_ready_seconds, settings.switch_sides_seconds)

    if args.json:
        json.dump([{**r.to_dict(), "planned_seconds": total(r)} for r in library.routines],
                  sys.stdout, indent=2)
        print()
    else:
        # the two totals of --json: the holds (total_seconds) and a session's
        # time, getting ready and switching sides included (planned_seconds)
        print(f"  {'':<22} {'':<28} {'exercises':>9} {'holds':>6} {'with pauses':>11}")
        for kind, routines in library.by_kind().items():
            print(KIND_LABELS[kind])
            for r in routines:
                print(f"  {r.id:<22} {r.name:<28} {len(r.exercises):>9} {format_duration(r.total_seconds):>6} "
                      f"{format_duration(total(r)):>11}")
    for error in library.errors:
        print(f"{PROG}: {error}", file=sys.stderr)
    return 1 if library.errors else 0


def cmd_validate(args: argparse.Namespace) -> int:
    """Every problem of every file, routine or plan; exit 1 if there is one."""
    checked = check_files(args.files, [r.id for r in load_all().routines])
    for line in checked.good:
        print(f"ok: {line}")
    for error in checked.errors:
        print(f"{PROG}: {error}", file=sys.stderr)
    if checked.errors:
        files = len({error.path for error in checked.errors})
        count = len(checked.errors)
        print(f"{PROG}: {count} problem{'s' if count != 1 else ''} in {files} file{'s' if files != 1 else ''}",
              file=sys.stderr)
    return 1 if checked.errors else 0

"""`recovery-tui doctor`: check the journal and its backups, or restore a backup.

Exit status: 0 healthy (or restored), 1 problems found (or nothing restored),
2 a bad command line."""

from __future__ import annotations

import argparse
import os
import stat
import sys
from collections import Counter
from datetime import date
from pathlib import Path

from tui.cli.common import PROG, UsageError, command_journal_path, command_now, journal_errors
from tui.core.common.paths import own_files_folder
from tui.core.journal import archive, backups, daily_backup
from tui.core.journal.journal import Journal
from tui.core.journal.store.errors import JournalError
from tui.core.journal.store.json_tables import read_tables
from tui.core.journal.sync import ignore
from tui.core.journal.sync.copies import MERGED, merged_copies
from tui.core.journal.sync.missing import traces
from tui.core.journal.sync.opening import conflict_copies

RESTORE_HINT = f"To restore the latest good backup: {PROG} doctor --restore latest"


def cmd_doctor(args: argparse.Namespace) -> int:
    path = command_journal_path(args.journal)
    command_now()  # a bad $RECOVERY_TUI_NOW is one line, before anything is printed
    with journal_errors():
        if args.stignore:
            print(ignore.STIGNORE, end="")
            return 0
        if args.restore is not None:
            return _restore(path, args.restore, args.yes)
        problems = _check_journal(path) + _check_archive(path) + _check_backups(path) + _check_sync(path)
    print("No problems found." if not problems else f"{problems} problem(s) found.")
    return 1 if problems else 0


# -- checking --------------------------------------------------------------------


def _check_journal(path: Path) -> int:
    """Print what the journal holds; return the number of problems."""
    print(f"Journal: {path}")
    if not os.path.lexists(path):
        if traces(path):
            print(f"  problem: it is missing, but {path.parent} holds the archive or backups of one "
                  f"(a sync tool replacing it?)\n  {RESTORE_HINT}")
            return 1
        print("  not created yet: nothing has been saved")
        return 0
    try:
        with Journal(path) as journal:
            records = journal.recent()  # the archive is checked on its own below
            notices, problems = journal.notices, journal.problems
    except JournalError as error:
        print(f"  problem: {error}\n  {RESTORE_HINT}")
        return 1
    kinds = Counter(record["type"] for record in records)
    detail = ", ".join(f"{count} {kind}" for kind, count in sorted(kinds.items()))
    print(f"  {len(records)} good record(s)" + (f": {detail}" if detail else ""))
    print(f"  modes: file {_mode(path):04o}, folder {_mode(path.parent):04o}")
    for notice in notices:
        print(f"  note: {notice}")
    for problem in problems:
        print(f"  problem: {problem}")
    return len(problems) + _loose(path)


def _check_archive(path: Path) -> int:
    """Read every archive month (see core/archive.py); a damaged one is a problem."""
    months = archive.archive_months(path)
    if not months:
        return 0
    print(f"Archive in {archive.archive_folder(path)}: {_months_line(months)}")
    good = problems = 0
    active = _journal_records(path)
    with Journal(path) as journal:
        for month in months:
            try:
                good += len(journal.archived(month))
                problems += _clashes(active, archive.read_archive(path, month), archive.archive_path(path, month))
            except JournalError as error:
                print(f"  problem: {error} The other months are fine; a copy of that month "
                      "is in a backup made before it was archived, if one is still kept.")
                problems += 1
                continue
            for problem in journal.problems:
                print(f"  problem: {problem}")
            problems += len(journal.problems) + _loose(archive.archive_path(path, month))
    print(f"  {good} good record(s)")
    return problems


def _months_line(keys: list[str]) -> str:
    """"12 month(s), 2026-01 to 2026-12": months, not files (a crowded month
    is kept in several files, its parts: rotation.py), then the files if more."""
    files = Counter(key[:7] for key in keys)
    line = f"{len(files)} month(s), {min(files)} to {max(files)}"
    crowded = [f"{month} in {count}" for month, count in sorted(files.items()) if count > 1]
    if not crowded:
        return line
    shown = ", ".join(crowded[:5]) + (f" and {len(crowded) - 5} more" if len(crowded) > 5 else "")
    return f"{line}, in {len(keys)} files (a crowded month is kept in parts: {shown})"


def _journal_records(path: Path) -> dict:
    try:
        return (read_tables(path) or {}).get("records", {})
    except JournalError:
        return {}  # reported with the journal above


def _clashes(active: dict, archived: dict, month_file: Path) -> int:
    """Ids that name one record in the journal and another in an archive month."""
    clashing = [key for key, doc in archived.items() if key in active and not archive.same_record(doc, active[key])]
    for key in clashing:
        print(f"  problem: record #{key} in the journal and record #{key} in {month_file} are different "
              "records with the same id; both are kept, and history shows the journal's")
    return len(clashing)


def _check_backups(path: Path) -> int:
    infos = backups.list_backups(path)
    print(f"Backups in {daily_backup.backup_folder(path)}:")
    if not infos:
        print("  none yet (one is made each day something is saved)")
    problems = 0
    today = command_now().date()
    for info in infos:
        if info.ok:
            later = "  dated in the future (the clock was wrong?): never 'latest'" if info.day > today else ""
            print(f"  {info.day}  {info.records:>5} record(s)  ok{later}")
            problems += _loose(info.path)
        else:
            print(f"  {info.day}  unreadable: {info.problem}")
            problems += 1
    return problems


def _mode(path: Path) -> int:
    return stat.S_IMODE(os.stat(path).st_mode)


def _loose(path: Path) -> int:
    """1, after saying so, if others may read or change the file."""
    mode = _mode(path)
    if mode & 0o077:
        print(f"  problem: {path} has mode {mode:04o}; others may read it (expected 0600)")
        return 1
    return 0


def _check_sync(path: Path) -> int:
    """Conflict copies a sync engine left (merged on open: those left are a
    problem), the copies merged so far, and a Syncthing folder's .stignore."""
    folder = Path(os.path.realpath(path)).parent
    waiting = conflict_copies(folder / path.name)
    own = own_files_folder(folder / path.name)
    merged = merged_copies(own, path) + merged_copies(archive.archive_folder(folder / path.name), path)
    root = ignore.syncthing_root(folder)
    missing = ignore.missing_patterns(root) if root is not None else []
    if not (waiting or merged or root):
        return 0
    print("Sync:" + (f" in the Syncthing folder {root}" if root is not None else ""))
    for copy in waiting:
        print(f"  problem: the conflict copy {copy.path} ({copy.engine}) is not merged (see the notes above)")
    if merged:
        print(f"  {len(merged)} conflict copy(ies) merged, kept in {MERGED}/:")
        for done in merged[-10:]:
            print(f"    {done.relative_to(own) if done.is_relative_to(own) else done}")
    if missing and root is not None:
        print(f"  problem: {root / '.stignore'} lacks {', '.join(missing)}: "
              f"run {PROG} doctor --stignore >> {root / '.stignore'}")
    return len(waiting) + (1 if missing else 0)


# -- restoring -------------------------------------------------------------------


def _restore(path: Path, choice: str, yes: bool) -> int:
    backup = _choose(path, choice)
    tables = backups.read_journal_file(backup)  # fails clearly on a bad backup
    if tables is None:
        raise UsageError(f"argument --restore: there is no backup at {backup}")
    count = len(tables.get("records", {}))
    if not yes and not _confirm(f"Replace the journal at {path} with {backup} ({count} record(s))? "
                                "The current journal is kept. [y/N] "):
        print("Nothing was changed.")
        return 1
    moved = backups.restore_backup(path, backup, command_now())
    print(f"Restored the journal at {path} from {backup} ({count} record(s)).")
    if moved is not None:
        print(f"The previous journal is kept at {moved}.")
    return 0


def _choose(path: Path, choice: str) -> Path:
    """'latest' (the newest readable backup not dated in the future), a backup's date, or a file."""
    if choice == "latest":
        good = backups.latest_good(path, command_now().date())
        if good is None:
            raise JournalError(path, f"There is no readable backup of the journal at {path}.")
        return good.path
    try:
        day = date.fromisoformat(choice)
    except ValueError:
        return Path(choice).expanduser()
    # that day's backup, this device's if it made one (see daily_backup.py)
    return next((found for made, found in daily_backup.backup_days(path) if made == day),
                daily_backup.backup_path(path, day))


def _confirm(question: str) -> bool:
    if not sys.stdin.isatty():
        raise UsageError("--restore replaces the journal: add --yes to confirm (there is no terminal to ask)")
    try:
        return input(question).strip().lower() in ("y", "yes")
    except EOFError:
        return False

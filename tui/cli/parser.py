"""The command line, in one argparse parser.

Each command names its handler as "module:function" (see cli.main), so
running `log` imports the journal commands only, and only the app, `start`
and `serve` bring in Textual. A command's words build the top level and that
command's parser alone (command_of); help, errors and anything unclear get
the whole parser."""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from tui import __version__
from tui.cli import arguments
from tui.cli.common import PROG, UsageError, did_you_mean
from tui.core.common.ids import AREAS, RUN_KINDS
from tui.core.common.when import ENDED_HELP, WHEN_HELP

APP = "tui.cli.app:cmd_app"
DEFAULT_PORT = 8000
PLAN_EPILOG = (
    "The plan is laid out from the run's end and fitted before your bedtime (see `settings`): "
    "a step that does not fit shows as 'skip tonight'. A run that ends after bedtime or within "
    "an hour of it gets a short plan. --ended within two hours of a run of the same day needs --new "
    "(a second run, with a plan of its own) or --correct (that run's end moves; what was ticked "
    "stays with it); further from any run it starts a new one.")
DID_EPILOG = (
    "PRACTICE is a plan step id or a recovery routine id (warm-up drills are not a recovery "
    "practice). The practices go to the run that ended in the 12 hours before --date (last night's "
    "run, just after midnight), else the latest run of that day, or to the run --run ID; with no "
    "such run, one is recorded, ending at WHEN. A bare date (2024-11-21, 'yesterday') means that "
    "day at the current time of day; write a date-time (2024-11-21T19:30) to say when.")

EXPERIMENT_EPILOG = (
    "After each run that counts (the first of its day, of --after's kind if given) the plan says "
    "whether tonight is with the practice or without; the next morning's soreness rating is its result. "
    "The coin's schedule is drawn in pairs and stored when the experiment starts.")
IMPORT_EPILOG = (
    "PATH is a .fit, .fit.gz, .tcx, .gpx file, a zip of them (Garmin's export, Strava's bulk export) "
    "or a folder; from a zip or a folder, the newest run not yet imported (every one with --all, "
    "or those since DATE). Without PATH, the files of a mounted watch's GARMIN/Activity and of the "
    "watch-files folder of the settings (watch_folder; ~/Downloads by default). Each file gets one line before anything is written; on a terminal, Enter "
    "records it as shown or you type another kind. Importing the same file again adds nothing; a run "
    "you typed with `r` or `plan --ended` is completed, not repeated. Needs the import extra.")
AUTO_KIND = "auto"  # import --kind: from the kind rules

# Options whose value is free text. argparse reads a value that starts with
# '-' ("-2+3", "-hills") as another option and stops with "expected one argument".
FREE_TEXT_OPTIONS = ("--note",)


# Old names that still work but are not offered: `run ID` is `start ID` ("run" is the workout).
UNLISTED_COMMANDS = ("run",)
INVALID_CHOICE = re.compile(r"invalid choice: ('(?:[^'\\]|\\.)*') \(choose from (.*)\)$")


class Parser(argparse.ArgumentParser):
    def error(self, message: str):
        """A usage error that points to this parser's help (`recovery-tui log --help`)."""
        choice = INVALID_CHOICE.search(message)
        if choice:  # the list of commands leaves the old names out
            import ast  # only for a mistyped command: ast takes about 1 ms to load

            for name in UNLISTED_COMMANDS:
                message = message.replace(f", {name!r}", "")
            message += did_you_mean(ast.literal_eval(choice[1]), ast.literal_eval(f"[{choice[2]}]"))
        raise UsageError(message, command=self.prog.removeprefix(PROG).strip() or None)

    def parse_args(self, args=None, namespace=None):
        """As argparse's, but words left over point to the help of the command
        they came with (`recovery-tui log --help`), not the top level's."""
        parsed, extra = self.parse_known_args(args, namespace)
        if extra:
            raise UsageError(f"unrecognized arguments: {' '.join(extra)}", command=parsed.command)
        return parsed


def parse(words: list[str]) -> argparse.Namespace:
    words = attach_free_text(words)
    return build_parser(command_of(words)).parse_args(words)


def build_parser(only: str | None = None) -> Parser:
    """The whole command line, or with `only` the top level and that one
    command ("": none, for the app): a command's parser costs about 0.3 ms
    to make, and a command needs none of the others' (every other word is
    the same parse)."""
    parser = Parser(prog=PROG, description="Post-run recovery: guided routines with timers.",
                    epilog="Run without a command to open the app.")
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    parser.add_argument("--quiet", action="store_true", help="no terminal bell")
    parser.add_argument("--voice", action="store_true", help="spoken cues (needs espeak-ng)")
    add_journal_option(parser, top_level=True)
    parser.set_defaults(handler=APP)
    commands = parser.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    for name, add in COMMANDS.items():
        if only is None or name == only:
            add(commands, name)
    return parser


# Top-level options that come before the command: (flag, whether a value follows).
TOP_LEVEL_FLAGS = {"--quiet": False, "--voice": False, "--journal": True}


def command_of(words: list[str]) -> str | None:
    """The command the words name, when that is plain without the parser:
    the first word, past the top-level flags (--journal and its value), that
    is a command; "" for top-level flags alone (the app: no command's parser
    is built). None, and the whole parser is built, for anything else: a
    typo (its error lists the commands), --help or --version first, an
    abbreviated or unknown option before the command."""
    position = 0
    while position < len(words):
        word = words[position]
        if word in COMMANDS:
            return word
        flag = word.split("=", 1)[0]
        if flag not in TOP_LEVEL_FLAGS:
            return None
        position += 2 if TOP_LEVEL_FLAGS[flag] and "=" not in word else 1
    return ""


def add_command(commands, name: str, handler: str, **parser_options) -> Parser:
    """A command's parser; `handler` names its function as "module:function"."""
    parser = commands.add_parser(name, **parser_options)
    parser.set_defaults(handler=handler)
    return parser


def add_journal_option(parser: argparse.ArgumentParser, top_level: bool = False) -> None:
    """`--journal PATH` works before or after the command."""
    parser.add_argument("--journal", metavar="PATH", default=None if top_level else argparse.SUPPRESS,
                        help="journal file (default: $RECOVERY_TUI_JOURNAL or the user data folder)")


def add_quiet_option(parser: argparse.ArgumentParser, help: str = "no terminal bell") -> None:
    """`--quiet` after the command too (before it, the top-level option sets it)."""
    parser.add_argument("--quiet", action="store_true", default=argparse.SUPPRESS, help=help)


def add_start_command(commands, name: str) -> None:
    # an old name is added without help=, so --help does not list it
    options = {} if name in UNLISTED_COMMANDS else {"help": "open straight into a routine"}
    start = add_command(commands, name, APP, **options)
    start.add_argument("routine", metavar="ID", help="routine id (see `routines`)")
    add_quiet_option(start)
    start.add_argument("--voice", action="store_true", default=argparse.SUPPRESS,
                       help="spoken cues (needs espeak-ng)")
    add_journal_option(start)


def add_routines_command(commands, name: str) -> None:
    routines = add_command(commands, name, "tui.cli.catalog:cmd_routines", help="list the routines")
    routines.add_argument("--json", action="store_true", help="machine-readable output")


def add_validate_command(commands, name: str) -> None:
    validate = add_command(commands, name, "tui.cli.catalog:cmd_validate",
                           help="check routine and plan files, listing every problem")
    validate.add_argument("files", metavar="FILE", nargs="+", type=Path)


def add_log_command(commands, name: str) -> None:
    log = add_command(commands, name, "tui.cli.log:cmd_log",
                      help="add a soreness rating", epilog=f"Areas: {', '.join(AREAS)}.")
    log.add_argument("rating", metavar="SORENESS", nargs="?", type=arguments.rating,
                     help="overall soreness 0-10, as in `recovery-tui log 3` (or --soreness N)")
    log.add_argument("--soreness", metavar="N", type=arguments.rating,
                     help="overall soreness 0-10 (default: the highest area rating)")
    log.add_argument("--area", metavar="AREA=N", type=arguments.area_rating, action="extend", nargs="+",
                     help="soreness of one area, 0-10")
    log.add_argument("--pain", metavar="AREA", type=arguments.area, action="extend", nargs="+",
                     help="sharp or localised pain in an area")
    log.add_argument("--note", metavar="TEXT", type=arguments.note, default="",
                     help="a free note (one that starts with '-' works too)")
    log.add_argument("--date", metavar="WHEN", default="today",
                     help=f"when you felt it: {WHEN_HELP} (default: today); 'yesterday' and a bare "
                          "date mean that day at the current time of day")
    add_journal_option(log)


def add_history_command(commands, name: str) -> None:
    history = add_command(commands, name, "tui.cli.history:cmd_history",
                          help="show the journal, newest first")
    # The JSON is an export of the newest records: export.py writes it.
    history.add_argument("--json", dest="handler", action="store_const",
                         const="tui.cli.export:cmd_history_json", help="machine-readable output")
    history.add_argument("--limit", metavar="N", type=arguments.positive, help="only the N newest records")
    add_journal_option(history)


def add_export_command(commands, name: str) -> None:
    export = add_command(commands, name, "tui.cli.export:cmd_export",
                         help="write every record as CSV or JSON")
    export.add_argument("--format", required=True, choices=("csv", "json"))
    export.add_argument("--output", metavar="FILE", type=arguments.new_file,
                        help="a new file (default: standard output)")
    add_journal_option(export)


def add_plan_command(commands, name: str) -> None:
    plan = add_command(commands, name, "tui.cli.plan:cmd_plan",
                       help="start or resume the after-run plan and print it", epilog=PLAN_EPILOG)
    plan.add_argument("--ended", metavar="WHEN",
                      help=f"when the run ended: {ENDED_HELP}; a time up to 10 minutes ahead of the clock is now "
                           "(default: go back to the run that ended in "
                           "the last 12 hours or today, or start one now)")
    second = plan.add_mutually_exclusive_group()
    second.add_argument("--new", action="store_true",
                        help="with --ended: a second run, even within two hours of another")
    second.add_argument("--correct", action="store_true",
                        help="with --ended: move the end of the run that ended within two hours of it")
    plan.add_argument("--run", metavar="ID", type=int, help="the plan of this run record (ids: `history`)")
    plan.add_argument("--kind", choices=RUN_KINDS, help="what kind of run it was")
    plan.add_argument("--json", action="store_true", help='machine-readable: {"run": {...}, '
                      '"steps": [{"step", "title", "start", "end", "status"}]}')
    add_journal_option(plan)


def add_did_command(commands, name: str) -> None:
    did = add_command(commands, name, "tui.cli.plan:cmd_did",
                      help="record recovery practices for a run (or undo them)", epilog=DID_EPILOG)
    did.add_argument("practices", metavar="PRACTICE", nargs="+")
    did.add_argument("--date", metavar="WHEN",
                     help=f"the day of the run: {WHEN_HELP}; a bare date takes the current time of day "
                          "(default: today)")
    did.add_argument("--run", metavar="ID", type=int,
                     help="the run record to change, instead of --date (ids: `history`)")
    did.add_argument("--kind", choices=RUN_KINDS, help="record what kind of run it was")
    did.add_argument("--undo", action="store_true",
                     help="put the practices back to open (neither done nor skipped)")
    add_journal_option(did)


def add_import_command(commands, name: str) -> None:
    importer = add_command(commands, name, "tui.cli.import_runs:cmd_import", epilog=IMPORT_EPILOG,
                           help="record runs from watch files (FIT, TCX, GPX)")
    importer.add_argument("paths", metavar="PATH", nargs="*", type=Path)
    importer.add_argument("--kind", choices=(AUTO_KIND, *RUN_KINDS), default=AUTO_KIND,
                          help="the kind of run (default: auto, from the kind rules)")
    importer.add_argument("--dry-run", action="store_true", help="show what would be recorded; write nothing")
    importer.add_argument("--yes", action="store_true", help="record each run as shown, without asking")
    choose = importer.add_mutually_exclusive_group()
    choose.add_argument("--all", action="store_true", help="every run in a zip or folder, not only the newest")
    choose.add_argument("--since", metavar="DATE", help="the runs of a zip or folder since DATE (2024-11-01)")
    importer.add_argument("--json", action="store_true", help="a JSON list, one object per file (file, status, "
                          "sport, start, end, duration_s, moving_s, distance_m, avg_hr, max_hr, load, kind, kind_reasons)")
    add_journal_option(importer)


def add_insights_command(commands, name: str) -> None:
    insights = add_command(commands, name, "tui.cli.insights:cmd_insights",
                           help="which practices go with less soreness")
    insights.add_argument("--json", action="store_true", help="machine-readable output")
    add_journal_option(insights)


def add_experiment_command(commands, name: str) -> None:
    """`experiment start|status|stop`: the handlers and their words are in cli/experiment.py."""
    experiment = commands.add_parser(name, help="let a fair coin decide which runs get a practice")
    actions = experiment.add_subparsers(dest="action", metavar="ACTION", required=True, parser_class=Parser)
    start = add_command(actions, "start", "tui.cli.experiment:cmd_start", help="start an experiment",
                        epilog=EXPERIMENT_EPILOG)
    start.add_argument("practice", metavar="PRACTICE", help="a practice id, as `did` takes (ice-bath, foam-roll, ...)")
    start.add_argument("--after", metavar="KIND", choices=RUN_KINDS, help="only runs of this kind count")
    start.add_argument("--runs", metavar="N", type=arguments.positive, default=8,
                       help="how many runs, even, at least 4 (default: 8)")
    start.add_argument("--seed", metavar="S", help="the coin's seed, to repeat a schedule (default: a random one)")
    status = add_command(actions, "status", "tui.cli.experiment:cmd_status", help="where each experiment stands")
    status.add_argument("--json", action="store_true", help="machine-readable output")
    stop = add_command(actions, "stop", "tui.cli.experiment:cmd_stop", help="stop an experiment early")
    stop.add_argument("practice", metavar="PRACTICE", nargs="?", help="which one, when several are running")
    for parser in (start, status, stop):
        add_journal_option(parser)


def add_doctor_command(commands, name: str) -> None:
    doctor = add_command(commands, name, "tui.cli.doctor:cmd_doctor",
                         help="check the journal and its backups, or restore one")
    doctor.add_argument("--restore", metavar="BACKUP", help="replace the journal with a backup: "
                        "'latest', its date (YYYY-MM-DD) or its file")
    doctor.add_argument("--yes", action="store_true", help="restore without asking")
    doctor.add_argument("--stignore", action="store_true",
                        help="print the lines a Syncthing folder's .stignore needs (see docs/sync.md)")
    add_journal_option(doctor)


def add_serve_command(commands, name: str) -> None:
    serve = add_command(commands, name, "tui.serve.cli:cmd_serve",
                        help="the app in a browser (needs the serve extra)")
    serve.add_argument("--host", default="localhost",
                       help="address to listen on (default: localhost, this machine only; "
                            "0.0.0.0 for a phone on the same network)")
    serve.add_argument("--port", type=arguments.port_number, default=DEFAULT_PORT,
                       help=f"port to listen on (default: {DEFAULT_PORT})")
    add_quiet_option(serve, help="no bell")
    add_journal_option(serve)


# Each command and the function that adds its parser, in the order --help lists them.
COMMANDS = {
    "start": add_start_command, **dict.fromkeys(UNLISTED_COMMANDS, add_start_command),
    "routines": add_routines_command, "validate": add_validate_command, "log": add_log_command,
    "history": add_history_command, "export": add_export_command, "plan": add_plan_command,
    "did": add_did_command, "import": add_import_command, "insights": add_insights_command,
    "experiment": add_experiment_command, "doctor": add_doctor_command, "serve": add_serve_command,
}


def attach_free_text(words: list[str]) -> list[str]:
    """`--note -2+3` as `--note=-2+3`, which argparse reads as meant. A next
    word that is a long option or -h stays an option (a forgotten value)."""
    attached: list[str] = []
    position = 0
    while position < len(words):
        word = words[position]
        if word == "--":
            return attached + words[position:]
        following = words[position + 1] if position + 1 < len(words) else None
        if (word in FREE_TEXT_OPTIONS and following is not None and following.startswith("-")
                and not following.startswith("--") and following != "-h"):
            attached.append(f"{word}={following}")
            position += 2
            continue
        attached.append(word)
        position += 1
    return attached

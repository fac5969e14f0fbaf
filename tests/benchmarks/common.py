"""Shared helpers: results, medians, temp homes with a fresh journal, tmux."""

from __future__ import annotations

import json
import os
import shlex
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import contextmanager
from dataclasses import asdict, dataclass
from pathlib import Path

from tui.core.common.paths import own_files_folder

ROOT = Path(__file__).resolve().parents[2]
BIN = Path(sys.executable).parent
PYTHON = str(BIN / "python")
APP = str(BIN / "recovery-tui")
RUNS = 7  # every figure is a median of at least 5 runs
# Start-up, History and command-line figures run one process after another;
# on this shared machine a single run of the same program varies by half or
# more, so those take more rounds (their ratios are medians of per-round ratios).
# A first-frame round's ratio ranged from 0.73 to 1.64 within one run, and
# medians of 15 rounds from 1.09 to 1.21 for the same code: 21 rounds.
ROUNDS = 21
COLUMNS, LINES = 100, 30
CLK_TCK = os.sysconf("SC_CLK_TCK")
PASSED_ON = ("XDG_", "RECOVERY_TUI_", "HOME", "TERM", "COLORTERM", "PYTHONPATH", "PATH", "LANG", "LC_")


@dataclass
class Figure:
    """One row of the table."""

    figure: str
    value: float
    unit: str
    target: str
    passed: bool
    detail: str = ""

    def as_dict(self) -> dict:
        return asdict(self)


def ratio_figure(name: str, values: list[float], baselines: list[float], limit: float,
                 detail: str = "") -> Figure:
    """The median of per-round ratios: each value against the baseline run
    next to it, so a spell of load on the shared machine slows both sides of
    a ratio instead of shifting one median against the other."""
    if len(values) != len(baselines):
        raise ValueError("one baseline per value")
    ratio = median([value / base for value, base in zip(values, baselines, strict=True)])
    text = (f"{median(values) * 1000:.0f} ms vs baseline {median(baselines) * 1000:.0f} ms "
            f"(medians; the ratio is the median of {len(values)} per-round ratios)")
    return Figure(name, round(ratio, 2), "x", f"<= {limit} x", ratio <= limit,
                  f"{text}; {detail}".rstrip("; "))


def median(values) -> float:
    return statistics.median(values)


def percentile(values, fraction: float) -> float:
    """Nearest-rank percentile: p95 of 200 samples is the 190th smallest."""
    ordered = sorted(values)
    rank = max(1, -(-len(ordered) * fraction // 1))
    return ordered[int(rank) - 1]


class Home:
    """A throw-away user: XDG folders and a fresh copy of the journal, found
    where a default install looks for it (no RECOVERY_TUI_* overrides, so
    platformdirs is part of what is timed)."""

    def __init__(self, journal: Path | None, routines: dict[str, str] | None = None) -> None:
        self.dir = Path(tempfile.mkdtemp(prefix="rtui-bench-"))
        self.journal = self.dir / "xdg-data" / "recovery-tui" / "journal.json"
        self.journal.parent.mkdir(mode=0o700, parents=True)
        if journal is not None:
            self.refresh(journal)
        config = self.dir / "xdg-config" / "recovery-tui"
        (config / "routines").mkdir(parents=True)
        for name, text in (routines or {}).items():
            (config / "routines" / f"{name}.toml").write_text(text)
        self.env = {
            **{k: v for k, v in os.environ.items() if not k.startswith("RECOVERY_TUI_")},
            "HOME": str(self.dir),
            "XDG_CONFIG_HOME": str(self.dir / "xdg-config"),
            "XDG_DATA_HOME": str(self.dir / "xdg-data"),
            "XDG_CACHE_HOME": str(self.dir / "xdg-cache"),
            "XDG_STATE_HOME": str(self.dir / "xdg-state"),
            "TERM": "xterm-256color",
            "COLORTERM": "truecolor",
        }
        # An installed package has its .pyc files (pip compiles them); a
        # developer's PYTHONDONTWRITEBYTECODE would make every run compile
        # whatever changed since, and time that.
        self.env.pop("PYTHONDONTWRITEBYTECODE", None)
        self.env.pop("TMUX", None)
        self.env.pop("NO_COLOR", None)

    def refresh(self, journal: Path) -> None:
        """A fresh copy of the journal and its archive folder. Files the last
        run left as they were are not copied again, and what is copied is
        flushed to disk here: its writes would otherwise slow down whichever
        process is timed next."""
        copied = _copy_if_changed(journal, self.journal)
        os.chmod(self.journal, 0o600)
        archive = own_files_folder(journal) / "archive"  # beside a journal in the data folder, else in <name>.d/
        if archive.is_dir():
            copies = self.journal.parent / "archive"
            copies.mkdir(mode=0o700, exist_ok=True)
            for month in archive.iterdir():
                copied |= _copy_if_changed(month, copies / month.name)
        if copied:
            os.sync()

    def cleanup(self) -> None:
        shutil.rmtree(self.dir, ignore_errors=True)

    def __enter__(self) -> Home:
        return self

    def __exit__(self, *exc_info) -> None:
        self.cleanup()


def _copy_if_changed(source: Path, target: Path) -> bool:
    """Copy unless target is an untouched copy (copy2 keeps the modification
    time); True if it copied."""
    try:
        mine, theirs = source.stat(), target.stat()
        if (mine.st_size, mine.st_mtime_ns) == (theirs.st_size, theirs.st_mtime_ns):
            return False
    except FileNotFoundError:
        pass
    shutil.copy2(source, target)
    return True


# The CPU that timed commands run on (see on_one_cpu).
MEASURE_CPU = max(os.sched_getaffinity(0))


@contextmanager
def on_one_cpu():
    """Run the block, and every process it starts, on MEASURE_CPU. Left free,
    about a third of the commands here that run over 50 ms took 20 ms longer,
    at random (`history --json` took 55 ms or 75-87 ms; pinned, 56-60 ms every
    time): the cost of this virtual machine moving a process between its CPUs.
    Children inherit the setting, so the app's commands and their baseline
    are pinned alike (a preexec_fn would make every start a fork, not a vfork)."""
    before = os.sched_getaffinity(0)
    os.sched_setaffinity(0, {MEASURE_CPU})
    try:
        yield
    finally:
        os.sched_setaffinity(0, before)


def timed_run(cmd: list[str], env: dict | None = None) -> float:
    """Wall seconds of one command; it must succeed."""
    start = time.perf_counter()
    done = subprocess.run(cmd, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    elapsed = time.perf_counter() - start
    if done.returncode != 0:
        raise RuntimeError(f"{' '.join(cmd)} failed: {done.stderr.decode()[-500:]}")
    return elapsed


def run_module(module: str, *args: str, timeout: float = 300) -> dict:
    """Run `python -m tests.benchmarks.<module>` (a fresh process) and read its JSON."""
    done = subprocess.run(
        [PYTHON, "-m", f"tests.benchmarks.{module}", *args],
        cwd=ROOT, capture_output=True, text=True, timeout=timeout,
    )
    if done.returncode != 0:
        raise RuntimeError(f"{module} failed:\n{done.stderr[-2000:]}")
    return json.loads(done.stdout.strip().splitlines()[-1])


def cpu_seconds(pid: int) -> float:
    """utime + stime of a process, from /proc/<pid>/stat."""
    with open(f"/proc/{pid}/stat") as stat:
        fields = stat.read().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / CLK_TCK


def peak_rss_kb(pid: int) -> int:
    with open(f"/proc/{pid}/status") as status:
        for line in status:
            if line.startswith("VmHWM:"):
                return int(line.split()[1])
    raise RuntimeError(f"no VmHWM for {pid}")


def cpu_hogs(count: int = 2) -> list[subprocess.Popen]:
    return [subprocess.Popen([PYTHON, "-c", "while True: pass"]) for _ in range(count)]


def stop(processes: list[subprocess.Popen]) -> None:
    for process in processes:
        process.kill()
    for process in processes:
        process.wait()


class Tmux:
    """Our own tmux server (its own socket), killed at the end."""

    def __init__(self) -> None:
        self.socket = f"rtui-bench-{os.getpid()}"
        self.count = 0
        self._cmd("new-session", "-d", "-s", "keep", "-x", "20", "-y", "5", "sleep 3600")

    def _cmd(self, *args: str) -> str:
        done = subprocess.run(["tmux", "-L", self.socket, *args], capture_output=True, text=True)
        return done.stdout

    def start(self, argv: list[str], env: dict) -> tuple[str, int]:
        """Start `argv` in a new 100x30 session; return (name, pid of argv)."""
        self.count += 1
        name = f"s{self.count}"
        names = [k for k in env if k.startswith(PASSED_ON)]
        assignments = " ".join(f"{k}={shlex.quote(env[k])}" for k in names)
        command = f"exec env -i {assignments} {shlex.join(argv)}"
        self._cmd("new-session", "-d", "-s", name, "-x", str(COLUMNS), "-y", str(LINES), command)
        pid = int(self._cmd("display-message", "-p", "-t", name, "#{pane_pid}").strip())
        return name, pid

    def screen(self, name: str) -> str:
        return self._cmd("capture-pane", "-p", "-t", name)

    def keys(self, name: str, *keys: str) -> None:
        self._cmd("send-keys", "-t", name, *keys)

    def wait_for(self, name: str, texts: tuple[str, ...], timeout: float = 30,
                 interval: float = 0.005) -> float:
        """perf_counter() when every text is on screen (polling capture-pane)."""
        deadline = time.perf_counter() + timeout
        while True:
            screen = self.screen(name)
            now = time.perf_counter()
            if all(text in screen for text in texts):
                return now
            if now > deadline:
                raise TimeoutError(f"{texts} not on screen after {timeout} s:\n{screen}")
            time.sleep(interval)

    def settled(self, name: str, texts: tuple[str, ...], quiet: float = 0.4, timeout: float = 30,
                interval: float = 0.005) -> float:
        """perf_counter() when the screen last changed, once it has shown every
        text and then stayed the same for `quiet` seconds: the moment the final
        frame was drawn, whatever arrived after the first one (notices, say)."""
        deadline = time.perf_counter() + timeout
        shown, changed = None, time.perf_counter()
        while True:
            screen = self.screen(name)
            now = time.perf_counter()
            if screen != shown:
                shown, changed = screen, now
            elif now - changed >= quiet and all(text in screen for text in texts):
                return changed
            if now > deadline:
                raise TimeoutError(f"{texts} not on a settled screen after {timeout} s:\n{screen}")
            time.sleep(interval)

    def kill(self, name: str, pid: int | None = None) -> None:
        self._cmd("kill-session", "-t", name)
        if pid is not None:
            wait_gone(pid)

    def close(self) -> None:
        self._cmd("kill-server")
        folder = Path(os.environ.get("TMUX_TMPDIR", "/tmp")) / f"tmux-{os.getuid()}"
        (folder / self.socket).unlink(missing_ok=True)


def wait_gone(pid: int, timeout: float = 10) -> None:
    deadline = time.monotonic() + timeout
    while os.path.exists(f"/proc/{pid}") and time.monotonic() < deadline:
        try:
            with open(f"/proc/{pid}/stat") as stat:
                if stat.read().rsplit(")", 1)[1].split()[0] == "Z":
                    return
        except OSError:
            return
        time.sleep(0.02)


"""end_children: the server's last word to its apps. SIGTERM first, and
SIGKILL for an app that does not leave in time."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from tests.reliability.helpers import child_env
from tests.serve.helpers import pids_alive

pytestmark = pytest.mark.slow  # see pyproject.toml's markers

# A process with two children: one leaves on SIGTERM, one ignores it.
PARENT = """
import asyncio, json, signal, subprocess, sys, time
from tui.serve.children import child_pids, end_children

CHILD = "import signal, sys, time; signal.signal(signal.SIGTERM, {}); print('ready', flush=True); time.sleep(60)"
polite = subprocess.Popen([sys.executable, "-c", CHILD.format("signal.SIG_DFL")], stdout=subprocess.PIPE)
stubborn = subprocess.Popen([sys.executable, "-c", CHILD.format("signal.SIG_IGN")], stdout=subprocess.PIPE)
for child in (polite, stubborn):
    child.stdout.readline()
found = sorted(child_pids())
started = time.monotonic()
signalled = asyncio.run(end_children(grace=1.0))
took = time.monotonic() - started
codes = [polite.wait(5), stubborn.wait(5)]
print(json.dumps({"found": found, "mine": sorted([polite.pid, stubborn.pid]),
                  "signalled": sorted(signalled), "codes": codes, "took": took}))
"""


def test_sigterm_first_then_sigkill_for_an_app_that_stays():
    done = subprocess.run([sys.executable, "-c", PARENT], capture_output=True, text=True,
                          env=child_env(), timeout=60)
    assert done.returncode == 0, done.stderr
    report = json.loads(done.stdout)
    assert report["found"] == report["mine"] == report["signalled"]
    assert report["codes"] == [-15, -9]  # the polite one by SIGTERM, the stubborn one by SIGKILL
    assert 1.0 <= report["took"] < 5
    assert pids_alive(report["mine"]) == []

"""Two browser tabs and a terminal write to one journal at once and nothing
is lost: each tab is its own app process, and the journal's lock around every
read-modify-write keeps all their records."""

from __future__ import annotations

import asyncio
import subprocess
import sys
import time
from collections import Counter
from pathlib import Path

import pytest

from tests.serve.helpers import ServedApp, Tab, screen_text, user_env
from tui.core.journal.journal import Journal

pytestmark = pytest.mark.slow  # see pyproject.toml's markers

SAVES_PER_TAB = 4
TERMINAL_SAVES = 6


def ratings(home: Path) -> Counter:
    with Journal(home / "data" / "journal.json") as journal:
        return Counter(r["overall"] for r in journal.records() if r["type"] == "soreness")


async def rate_in_tab(tab: Tab, overall: int, home: Path) -> None:
    for saved in range(1, SAVES_PER_TAB + 1):
        tab.forget()
        await tab.press("l")
        await tab.wait_for("How do your legs feel today?")
        await give_rating(tab, overall)
        await tab.press("\r")
        # the app's own "Saved" toast stays up for seconds: ask the journal
        deadline = time.monotonic() + 30
        while (await asyncio.to_thread(ratings, home))[overall] < saved:
            assert time.monotonic() < deadline, f"rating {saved} of tab {overall} never saved: {screen_text(tab.output)[-3000:]}"
            await asyncio.sleep(0.1)
        await tab.wait_for("Post-run stretches")


async def give_rating(tab: Tab, overall: int) -> None:
    """One press of the digit, sent the moment the form is drawn: the form
    shows it. (This pressed up to three times before, to hide a key said to
    be lost; no press was lost in 30 runs here, loaded or not.)"""
    bar = "■" * overall + "·" * (10 - overall)
    tab.forget()
    await tab.press(str(overall))
    await tab.wait_for(bar, timeout=10)


def rate_in_terminal(home) -> None:
    for number in range(TERMINAL_SAVES):
        done = subprocess.run([sys.executable, "-m", "tui", "log", "--soreness", "2", "--note", f"terminal {number}"],
                              env=user_env(home), capture_output=True, text=True, timeout=60)
        assert done.returncode == 0, done.stderr


async def test_two_tabs_and_a_terminal_lose_nothing(tmp_path):
    import aiohttp

    with ServedApp(tmp_path) as served:
        async with aiohttp.ClientSession() as session:
            tabs = [await Tab(session, served).open() for _ in range(2)]
            for tab in tabs:
                await tab.wait_for("Post-run stretches")
            await asyncio.gather(rate_in_tab(tabs[0], 3, tmp_path), rate_in_tab(tabs[1], 4, tmp_path),
                                 asyncio.to_thread(rate_in_terminal, tmp_path))
        assert served.stop() == 0

    assert ratings(tmp_path) == {3: SAVES_PER_TAB, 4: SAVES_PER_TAB, 2: TERMINAL_SAVES}

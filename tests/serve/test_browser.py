"""In a real browser: headless Chromium opens the URL `serve` printed, shows
the home screen's routines, runs one with Enter, and rings the bell."""

from __future__ import annotations

import re
import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.serve.browser import browser_missing, chromium, screen, wait_for_text
from tests.serve.helpers import ServedApp

pytestmark = pytest.mark.slow  # see pyproject.toml's markers

if (missing := browser_missing()) is not None:  # .ci/run installs both; never skipped there
    pytest.fail(f"{missing} is missing: apt-get install chromium chromium-driver", pytrace=False)

ROUTINES = ("Warm-up drills", "Post-run stretches", "Legs up the wall")


def press(driver, key: str) -> None:
    driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea").send_keys(key)


def seconds_left(text: str) -> int:
    minutes, seconds = re.search(r"Left (\d+):(\d\d)", text).groups()
    return int(minutes) * 60 + int(seconds)


def bells(driver) -> int:
    return driver.execute_script("return window.recoveryTuiBells")


def test_the_printed_url_opens_the_app_and_runs_a_routine(tmp_path):
    with ServedApp(tmp_path) as served, chromium() as driver:
        driver.get(served.url)
        wait_for_text(driver, *ROUTINES)
        assert "token=" not in driver.current_url  # the cookie carries it from here
        assert bells(driver) == 0

        press(driver, Keys.ENTER)  # the highlighted routine: the first, warm-up drills
        session = wait_for_text(driver, "Front-to-back leg swings", "1 of 7", "Left ")
        time.sleep(2.5)
        later = wait_for_text(driver, "Front-to-back leg swings", "Left ")
        assert seconds_left(later) < seconds_left(session)  # the countdown runs
        deadline = time.monotonic() + 20  # the bell marks the end of get-ready
        while bells(driver) == 0:
            assert time.monotonic() < deadline, "no bell reached the browser"
            time.sleep(0.2)


def test_without_the_token_the_browser_gets_nothing(tmp_path):
    with ServedApp(tmp_path) as served, chromium() as driver:
        driver.get(f"http://localhost:{served.port}{served.prefix}/")
        body = driver.find_element(By.TAG_NAME, "body").text
        assert body.startswith("This link no longer opens recovery-tui") and "Post-run" not in body
        assert screen(driver) == ("", 0)


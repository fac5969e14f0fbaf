"""The served app on a phone, in headless Chromium, upright (390x844) and
sideways (844x390): a font readable at arm's length, the app in its own
layout (not the too-small screen), every key of home's footer on screen
and a tap on one opening its screen, and a session's countdown that fills
its share of the screen. PNGs of each go to the test's folder."""

from __future__ import annotations

import time

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.serve.browser import READ_SCREEN, browser_missing, chromium, find_text, font_size, screen, tap, wait_for_text
from tests.serve.helpers import ServedApp
from tui.min_size import MIN_HEIGHT, MIN_WIDTH

pytestmark = pytest.mark.slow  # see pyproject.toml's markers

if (missing := browser_missing()) is not None:  # .ci/run installs both; never skipped there
    pytest.fail(f"{missing} is missing: apt-get install chromium chromium-driver", pytrace=False)

UPRIGHT, SIDEWAYS, SMALL_PHONE = (390, 844), (844, 390), (360, 780)
SMALLEST_FONT = {UPRIGHT: 16, SIDEWAYS: 14, SMALL_PHONE: 16}  # CSS pixels; see page.js
HOME_KEYS = ("Start", "Just ran", "Log soreness", "History", "Insights", "Settings", "Quit", "palette")
BLOCKS = set("█▀▄")  # the big digits' half blocks (tui/widgets/big_text.py)


@pytest.fixture(scope="module")
def served(tmp_path_factory):
    with ServedApp(tmp_path_factory.mktemp("phone")) as app:
        yield app


def press(driver, *keys: str) -> None:
    driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea").send_keys(*keys)


def footer_rows(text: str) -> list[str]:
    """The bottom three rows: the footer, wrapped when its keys need more than one."""
    return text.split("\n")[-3:]


@pytest.mark.parametrize("size", [UPRIGHT, SIDEWAYS, SMALL_PHONE], ids=["upright", "sideways", "small-upright"])
def test_home_is_readable_and_its_whole_footer_is_on_screen(served, size, tmp_path):
    with chromium(*size, phone=True) as driver:
        driver.get(served.url)
        text = wait_for_text(driver, "Post-run stretches")
        time.sleep(1)  # the fade-in
        (tmp_path / f"home-{size[0]}x{size[1]}.png").write_bytes(driver.get_screenshot_as_png())
        _, columns = screen(driver)
        rows = len(text.split("\n"))
        assert font_size(driver) >= SMALLEST_FONT[size]
        assert columns >= MIN_WIDTH and rows >= MIN_HEIGHT, (columns, rows)
        assert "too small" not in text.lower()
        footer = "\n".join(footer_rows(text))
        missing = [label for label in HOME_KEYS if label not in footer]
        assert missing == [], f"not in the footer: {missing}\n{text}"


def test_a_tap_on_settings_in_the_footer_opens_settings_upright(served):
    with chromium(*UPRIGHT, phone=True) as driver:
        driver.get(served.url)
        text = wait_for_text(driver, "Post-run stretches", "Settings")
        lines = text.split("\n")
        row, column = find_text(text, "Settings", range(len(lines) - 3, len(lines)))
        tap(driver, row, column + 2)
        wait_for_text(driver, "Settings file", "Bedtime", timeout=15)


def block_rows(text: str) -> int:
    return sum(1 for line in text.splitlines() if BLOCKS & set(line))


@pytest.mark.parametrize("size", [UPRIGHT, SIDEWAYS], ids=["upright", "sideways"])
def test_a_sessions_countdown_fills_its_share_of_the_screen(served, size, tmp_path):
    with chromium(*size, phone=True) as driver:
        driver.get(served.url)
        wait_for_text(driver, "Post-run stretches")
        press(driver, Keys.ENTER)  # the first routine, warm-up drills
        text = wait_for_text(driver, "Front-to-back leg swings", "Left ")
        time.sleep(1)
        (tmp_path / f"session-{size[0]}x{size[1]}.png").write_bytes(driver.get_screenshot_as_png())
        text, _ = screen(driver)
        rows = len(text.split("\n"))
        assert block_rows(text) >= rows // 5, text  # today's 10 px page: 10 of 76 rows
        assert "too small" not in text.lower()


def turn(driver, width: int, height: int) -> None:
    """The phone turned: the emulated screen's new shape (a resize event in the page)."""
    driver.execute_cdp_cmd("Emulation.setDeviceMetricsOverride", {
        "width": width, "height": height, "deviceScaleFactor": 1, "mobile": True})


def terminal_shape(driver) -> tuple[float, int, int]:
    shown = driver.execute_script(READ_SCREEN)
    return float(shown["fontSize"]), shown["cols"], len(shown["rows"])


def wait_for_app_width(driver, columns: int, timeout: float = 20) -> str:
    """Until the app has drawn home at `columns` wide: the routine list's top
    border runs to the last column (the app heard the terminal's new size)."""
    deadline = time.monotonic() + timeout
    while True:
        text, _ = screen(driver)
        if any(line.startswith("╭") and line.endswith("╮") and len(line) == columns for line in text.split("\n")):
            return text
        if time.monotonic() > deadline:
            raise AssertionError(f"home was never drawn {columns} columns wide:\n{text}")
        time.sleep(0.2)


def test_turning_the_phone_picks_the_font_again_and_refits_the_terminal(served, tmp_path):
    """Loaded upright, turned sideways, turned back: each time the font size
    the page would pick for a fresh load, the terminal's columns and rows
    for it, and the app drawn at that size."""
    picked = {}
    for size in (UPRIGHT, SIDEWAYS):  # what a fresh load picks
        with chromium(*size, phone=True) as driver:
            driver.get(served.url)
            wait_for_text(driver, "Post-run stretches")
            picked[size] = terminal_shape(driver)
    assert picked[UPRIGHT][0] >= SMALLEST_FONT[UPRIGHT] > picked[SIDEWAYS][0] >= SMALLEST_FONT[SIDEWAYS], picked
    with chromium(*UPRIGHT, phone=True) as driver:
        driver.get(served.url)
        wait_for_text(driver, "Post-run stretches")
        assert terminal_shape(driver) == picked[UPRIGHT]
        for size in (SIDEWAYS, UPRIGHT):
            turn(driver, *size)
            deadline = time.monotonic() + 10
            while terminal_shape(driver) != picked[size] and time.monotonic() < deadline:
                time.sleep(0.1)
            assert terminal_shape(driver) == picked[size], (size, terminal_shape(driver), picked)
            text = wait_for_app_width(driver, picked[size][1])
            assert "too small" not in text.lower()
            (tmp_path / f"turned-{size[0]}x{size[1]}.png").write_bytes(driver.get_screenshot_as_png())

"""Headless Chromium (Debian's `chromium` and `chromedriver`) through
Selenium, and the text of the page's terminal, read from xterm.js's buffer."""

from __future__ import annotations

import contextlib
import json
import shutil
import tempfile
import time

from selenium import webdriver
from selenium.webdriver.chrome.service import Service
from selenium.webdriver.common.action_chains import ActionChains
from selenium.webdriver.common.by import By

CHROMIUM = "/usr/bin/chromium"
CHROMEDRIVER = "/usr/bin/chromedriver"
FLAGS = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
         "--disable-background-networking", "--disable-component-update", "--disable-sync",
         "--disable-dev-shm-usage"]

# textual-serve's page keeps its xterm.js Terminal to itself, as `this.terminal`
# of an object made when the page loads. Before any of the page's scripts
# run, catch that one assignment so the test can read the terminal's buffer
# through xterm.js's own API (buffer.active.getLine().translateToString()).
CATCH_TERMINAL = """
window.__terminals = [];
Object.defineProperty(Object.prototype, "terminal", {
  configurable: true,
  set(value) {
    Object.defineProperty(this, "terminal", {value, writable: true, configurable: true, enumerable: true});
    window.__terminals.push(value);
  },
  get() { return undefined; },
});
"""

READ_SCREEN = """
const terminal = window.__terminals[0];
if (!terminal) return null;
const buffer = terminal.buffer.active, rows = [];
for (let y = 0; y < terminal.rows; y++) {
  const line = buffer.getLine(buffer.viewportY + y);
  rows.push(line ? line.translateToString(true, 0, terminal.cols) : "");  // not what a wider terminal left past cols
}
return {rows: rows, cols: terminal.cols, fontSize: terminal.options.fontSize};
"""


def browser_missing() -> str | None:
    for path in (CHROMIUM, CHROMEDRIVER):
        if shutil.which(path) is None:
            return path
    return None


@contextlib.contextmanager
def chromium(width: int = 1000, height: int = 700, phone: bool = False):
    """A fresh headless Chromium with its own profile, closed afterwards."""
    with tempfile.TemporaryDirectory(prefix="recovery-tui-chromium-") as profile:
        options = webdriver.ChromeOptions()
        options.binary_location = CHROMIUM
        for flag in [*FLAGS, f"--user-data-dir={profile}"]:
            options.add_argument(flag)
        if phone:
            options.add_experimental_option("mobileEmulation", {
                "deviceMetrics": {"width": width, "height": height, "pixelRatio": 1, "touch": True}})
        else:
            options.add_argument(f"--window-size={width},{height}")
        # every request the page makes (Network.* events) and the console (CSP reports)
        options.set_capability("goog:loggingPrefs", {"performance": "ALL", "browser": "ALL"})
        driver = webdriver.Chrome(service=Service(CHROMEDRIVER), options=options)
        try:
            driver.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": CATCH_TERMINAL})
            yield driver
        finally:
            driver.quit()


def screen(driver) -> tuple[str, int]:
    """The terminal's visible text, a line a row, and its width in columns."""
    shown = driver.execute_script(READ_SCREEN)
    if shown is None:
        return "", 0
    return "\n".join(shown["rows"]), shown["cols"]


def font_size(driver) -> float:
    """The terminal's font size in CSS pixels, as xterm.js draws it."""
    shown = driver.execute_script(READ_SCREEN)
    return 0.0 if shown is None else float(shown["fontSize"])


def find_text(text: str, wanted: str, rows: range | None = None) -> tuple[int, int]:
    """(row, column) where `wanted` starts in the terminal's `text`
    (searched in `rows` only when given); AssertionError when it is not there."""
    lines = text.split("\n")
    for row in rows if rows is not None else range(len(lines)):
        if 0 <= row < len(lines) and wanted in lines[row]:
            return row, lines[row].index(wanted)
    raise AssertionError(f"{wanted!r} is not on the screen:\n{text}")


def tap(driver, row: int, column: int) -> None:
    """A tap (a click, with a phone's touch emulated) on one cell of the terminal."""
    terminal = driver.find_element(By.CSS_SELECTOR, ".xterm-screen")
    shown = driver.execute_script(READ_SCREEN)
    width, height = terminal.size["width"], terminal.size["height"]
    x = (column + 0.5) * width / shown["cols"] - width / 2  # from the element's centre
    y = (row + 0.5) * height / len(shown["rows"]) - height / 2
    ActionChains(driver).move_to_element_with_offset(terminal, int(x), int(y)).click().perform()


def wait_for_text(driver, *texts: str, timeout: float = 40) -> str:
    """Wait until the terminal shows every one of `texts`; its text then."""
    deadline = time.monotonic() + timeout
    while True:
        text, _ = screen(driver)
        if all(wanted in text for wanted in texts):
            return text
        if time.monotonic() > deadline:
            raise AssertionError(f"the browser never showed {texts}; it shows:\n{text}")
        time.sleep(0.2)


def requested_urls(driver) -> list[str]:
    """Every network URL the browser asked for since the last call: pages,
    scripts, styles, fonts, images, fetches and websockets (Chromium's
    performance log; its own chrome:// pages left out)."""
    urls = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Network.requestWillBeSent":
            urls.append(message["params"]["request"]["url"])
        elif message["method"] == "Network.webSocketCreated":
            urls.append(message["params"]["url"])
    return [url for url in urls if url.split(":", 1)[0] in ("http", "https", "ws", "wss")]


def policy_violations(driver) -> list[str]:
    return [entry["message"] for entry in driver.get_log("browser") if "Content Security Policy" in entry["message"]]

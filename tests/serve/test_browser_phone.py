"""In headless Chromium with a phone's screen (390x844): the page asks no
other origin for anything, its cookie reaches no other local server, the
403 page fits and says what to do, a reload in a routine asks first, and a
tap on a rating dot sets that dot's value. Screenshots go to the test's folder."""

from __future__ import annotations

import json
import threading
import time
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest
from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys
from selenium.webdriver.support.ui import WebDriverWait

from tests.serve.browser import browser_missing, chromium, policy_violations, requested_urls, tap, wait_for_text
from tests.serve.helpers import ServedApp, free_port

pytestmark = pytest.mark.slow  # see pyproject.toml's markers

if (missing := browser_missing()) is not None:  # .ci/run installs both; never skipped there
    pytest.fail(f"{missing} is missing: apt-get install chromium chromium-driver", pytrace=False)

PHONE = (390, 844)


def press(driver, *keys: str) -> None:
    driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea").send_keys(*keys)


def test_the_page_asks_no_other_origin_for_anything(tmp_path):
    with ServedApp(tmp_path) as served, chromium(*PHONE, phone=True) as driver:
        driver.get(served.url)
        wait_for_text(driver, "Post-run stretches")
        press(driver, Keys.ENTER)  # a routine: the bell, the countdown
        wait_for_text(driver, "Front-to-back leg swings")
        time.sleep(1)
        (tmp_path / "phone-session.png").write_bytes(driver.get_screenshot_as_png())
        urls = requested_urls(driver)
        violations = policy_violations(driver)
        font_loaded = driver.execute_script("return document.fonts.check('16px \"Roboto Mono\"')")
    own = (f"http://localhost:{served.port}/", f"ws://localhost:{served.port}/")
    assert urls and [url for url in urls if not url.startswith(own)] == []
    assert any(url.endswith(".ttf") for url in urls)  # the font, from here
    assert any(url.startswith(own[1]) for url in urls)  # and the websocket
    assert font_loaded and violations == []


class Recorder(BaseHTTPRequestHandler):
    """Another local server: answers every request and keeps its Cookie header."""
    cookies: list[str] = []

    def do_GET(self):
        Recorder.cookies.append(self.headers.get("Cookie", ""))
        self.send_response(200)
        self.send_header("Content-Type", "text/html")
        self.end_headers()
        self.wfile.write(b"<p>another server</p>")

    def log_message(self, *args):
        pass


def test_the_cookie_reaches_no_other_local_server(tmp_path):
    other = ThreadingHTTPServer(("127.0.0.1", free_port()), Recorder)
    threading.Thread(target=other.serve_forever, daemon=True).start()
    Recorder.cookies = []
    try:
        with ServedApp(tmp_path) as served, chromium() as driver:
            driver.get(served.url)
            wait_for_text(driver, "Post-run stretches")
            driver.refresh()  # the cookie alone opens the page again: it is set
            wait_for_text(driver, "Post-run stretches")
            for path in ("/", served.prefix[:5], "/ws", "/static/js/textual.js"):
                driver.get(f"http://localhost:{other.server_port}{path}")
                assert "another server" in driver.find_element(By.TAG_NAME, "body").text
    finally:
        other.shutdown()
        other.server_close()
    assert len(Recorder.cookies) >= 4
    assert not any(served.token in cookie or "recovery_tui" in cookie for cookie in Recorder.cookies), Recorder.cookies


def test_an_old_link_gets_a_page_that_fits_a_phone_and_says_what_to_do(tmp_path):
    with ServedApp(tmp_path) as served, chromium(*PHONE, phone=True) as driver:
        driver.get(f"http://localhost:{served.port}/0000000000000000/?token=an-old-one")
        text = driver.find_element(By.TAG_NAME, "body").text
        width = driver.execute_script("return document.documentElement.scrollWidth")
        size = driver.execute_script("return parseFloat(getComputedStyle(document.querySelector('p')).fontSize)")
        (tmp_path / "phone-403.png").write_bytes(driver.get_screenshot_as_png())
    assert "server was restarted" in text and "recovery-tui serve" in text and "QR code" in text
    assert width <= PHONE[0] and size >= 16


def leave_prompts(driver) -> list[str]:
    """The leave-page prompts opened since the last look (the browser's own
    dialog; WebDriver answers it by itself, so the performance log tells)."""
    dialogs = []
    for entry in driver.get_log("performance"):
        message = json.loads(entry["message"])["message"]
        if message["method"] == "Page.javascriptDialogOpening":
            dialogs.append(message["params"]["type"])
    return dialogs


def reload(driver) -> None:
    driver.execute_script("setTimeout(() => location.reload(), 0)")
    time.sleep(1.5)


def test_a_reload_in_a_routine_asks_first(tmp_path):
    with ServedApp(tmp_path) as served, chromium(*PHONE, phone=True) as driver:
        driver.get(served.url)
        wait_for_text(driver, "Post-run stretches")
        press(driver, "j")  # a key: the page has had the user's attention, as a prompt needs
        reload(driver)
        wait_for_text(driver, "Post-run stretches")
        assert leave_prompts(driver) == []  # at home a reload loses nothing
        press(driver, Keys.ENTER)
        wait_for_text(driver, "Front-to-back leg swings")
        WebDriverWait(driver, 10).until(lambda d: d.execute_script("return window.recoveryTuiRoutine"))
        reload(driver)
        assert leave_prompts(driver) == ["beforeunload"]


def test_a_tap_on_the_tenth_dot_rates_ten_and_on_the_first_one(tmp_path):
    with ServedApp(tmp_path) as served, chromium(*PHONE, phone=True) as driver:
        driver.get(served.url)
        wait_for_text(driver, "Post-run stretches")
        press(driver, "l")
        text = wait_for_text(driver, "How do your legs feel today?", "Overall")
        rows = text.splitlines()
        row = next(index for index, line in enumerate(rows) if "Overall" in line and "·" in line)
        first = rows[row].index("·")
        tap(driver, row, first + 9)
        wait_for_text(driver, "■" * 10 + " 10")
        (tmp_path / "phone-rating.png").write_bytes(driver.get_screenshot_as_png())
        tap(driver, row, first)
        wait_for_text(driver, "■" + "·" * 9 + "  1")

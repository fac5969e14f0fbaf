"""Write screenshots/phone-home.png and phone-session.png: the served app in
headless Chromium with a phone's screen (390x844 CSS pixels).

Run from the checkout: `.venv/bin/python -m tests.serve.phone_screenshot`
"""

from __future__ import annotations

import tempfile
import time
from pathlib import Path

from selenium.webdriver.common.by import By
from selenium.webdriver.common.keys import Keys

from tests.serve.browser import chromium, wait_for_text
from tests.serve.helpers import ServedApp

OUT = Path(__file__).resolve().parents[2] / "screenshots"
PHONE = (390, 844)


def main() -> None:
    with tempfile.TemporaryDirectory() as home, ServedApp(Path(home)) as served, \
            chromium(*PHONE, phone=True) as driver:
        driver.get(served.url)
        wait_for_text(driver, "Post-run stretches", "Legs up the wall")
        time.sleep(1)  # let the fade-in finish
        _save(driver, "phone-home.png")
        keys = driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea")
        keys.send_keys(Keys.DOWN, Keys.DOWN, Keys.ENTER)  # post-run stretches
        wait_for_text(driver, "Post-run stretches", "GET READY")
        time.sleep(1.5)
        _save(driver, "phone-session.png")


def _save(driver, name: str) -> None:
    path = OUT / name
    path.write_bytes(driver.get_screenshot_as_png())
    print(path)


if __name__ == "__main__":
    main()

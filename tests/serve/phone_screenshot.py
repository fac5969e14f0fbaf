"""Write screenshots/phone-*.png: the served app in headless Chromium on a
phone held upright (390x844 CSS pixels): home, a session's countdown, the
summary with the soreness form, the plan after a run and History. The app's clock
starts at 22:15 (RECOVERY_TUI_NOW), so the plan is an evening's.

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
from tui.core.common.when import NOW_VARIABLE

OUT = Path(__file__).resolve().parents[2] / "screenshots"
PHONE = (390, 844)
EVENING = "2026-05-12T22:15:00"


def main(out: Path = OUT) -> list[Path]:
    """Take the five pictures into `out`; their paths."""
    saved = []
    with tempfile.TemporaryDirectory() as home, ServedApp(Path(home), env={NOW_VARIABLE: EVENING}) as served, \
            chromium(*PHONE, phone=True) as driver:
        driver.get(served.url)

        def keys(*pressed: str) -> None:
            driver.find_element(By.CSS_SELECTOR, ".xterm-helper-textarea").send_keys(*pressed)

        def save(name: str, *texts: str, settle: float = 1.0) -> None:
            wait_for_text(driver, *texts)
            time.sleep(settle)  # the fade-in, the last frame
            saved.append(out / f"phone-{name}.png")
            saved[-1].write_bytes(driver.get_screenshot_as_png())

        save("home", "Post-run stretches", "Press Enter to start")
        keys(Keys.DOWN, Keys.DOWN, Keys.ENTER)  # post-run stretches
        save("session", "Post-run stretches", "HOLD", settle=0.5)
        keys("f")  # finish now: the summary, with the soreness form
        wait_for_text(driver, "Overall")
        keys("3", Keys.DOWN, "4")  # overall 3, quads 4
        save("summary", "Overall", "Quads")
        keys(Keys.ENTER)  # saved: home again
        wait_for_text(driver, "Press Enter to start")
        keys("r")
        wait_for_text(driver, "ended")
        keys(*"21:45", Keys.ENTER)
        wait_for_text(driver, "Tempo")
        keys(Keys.DOWN, Keys.DOWN, Keys.ENTER)
        save("plan", "Drink")
        keys(Keys.ESCAPE)
        wait_for_text(driver, "Press Enter to start")
        keys("h")
        save("history", "When · what", "Soreness")
    return saved


if __name__ == "__main__":
    for path in main():
        print(path)

"""The driver of a served tab's app: Textual's WebDriver, except for the
server's "quit". textual-serve sends it when the tab closes, the connection
drops (a phone's screen locks) or the server stops; the WebDriver would end
the app on the spot and a routine in progress would be lost. Here the app
ends as on SIGTERM: its own handler records that routine as left part-way."""

from __future__ import annotations

import os
import signal

from textual.drivers.web_driver import WebDriver


class TabDriver(WebDriver):
    def on_meta(self, packet_type: str, payload: dict[str, object]) -> None:
        if packet_type == "quit":
            os.kill(os.getpid(), signal.SIGTERM)
            return
        super().on_meta(packet_type, payload)

"""The driver of a served tab's app: Textual's WebDriver, with two changes.

The server's "quit": textual-serve sends it when the tab closes, the
connection drops (a phone's screen locks) or the server stops; the WebDriver
would end the app on the spot and a routine in progress would be lost. Here
the app leaves as when its terminal closes (tui/serve/leaving.py): its own
handler records that routine as left part-way.

The page's leave prompt: the driver tells the server when a routine starts
and ends (a "routine" meta packet, passed to the page by tab_messages.py), so
that a reload or a close of the tab asks first while one runs."""

from __future__ import annotations

from textual.drivers.web_driver import WebDriver

from tui.serve.leaving import leave


class TabDriver(WebDriver):
    _routine = False

    def on_meta(self, packet_type: str, payload: dict[str, object]) -> None:
        if packet_type == "quit":
            leave()
            return
        super().on_meta(packet_type, payload)

    def start_application_mode(self) -> None:
        super().start_application_mode()
        self._app.call_later(self._watch_screens)

    def _watch_screens(self) -> None:
        self._app.screen_change_signal.subscribe(self._app, self._tell_routine)
        self._tell_routine()

    def _tell_routine(self, _screen: object = None) -> None:
        from tui.screens.session import SessionScreen

        running = any(isinstance(screen, SessionScreen) and not screen.timer.finished
                      for screen in self._app.screen_stack)
        if running != self._routine:
            self._routine = running
            self.write_meta({"type": "routine", "running": running})

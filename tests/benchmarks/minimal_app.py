"""The baseline: a minimal Textual app with one Label (run as a script)."""

from textual.app import App, ComposeResult
from textual.widgets import Label

TEXT = "Minimal Textual app ready"


class MinimalApp(App):
    def compose(self) -> ComposeResult:
        yield Label(TEXT)


if __name__ == "__main__":
    MinimalApp().run()

"""The smallest terminal the app can be used in, kept apart from the screen
that says so (tui/dialogs/too_small.py): that one is only built when a
window is too small."""

MIN_WIDTH = 60
MIN_HEIGHT = 18


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT

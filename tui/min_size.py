"""The smallest terminal the app can be used in, kept apart from the screen
that says so (tui/dialogs/too_small.py): that one is only built when a
window is too small. 40 columns is a phone held upright (the served page at
a 16 px font); below NARROW_BELOW columns the screens stack their panels."""

MIN_WIDTH = 40
MIN_HEIGHT = 18
NARROW_BELOW = 60


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT

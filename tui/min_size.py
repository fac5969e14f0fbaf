"""The smallest terminal the app can be used in. Apart from the screen that
says so (tui/screens/too_small.py), which is only built when it is needed."""

MIN_WIDTH = 60
MIN_HEIGHT = 18


def too_small(width: int, height: int) -> bool:
    return width < MIN_WIDTH or height < MIN_HEIGHT

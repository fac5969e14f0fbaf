"""recovery-tui: a post-run recovery companion for the terminal."""

__version__ = "0.1.0"

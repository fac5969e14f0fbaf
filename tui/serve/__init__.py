"""`recovery-tui serve`: the app in a browser, through textual-serve (the
`serve` extra). Only `cli` is imported by the command line's parser; the rest
loads when the command runs."""

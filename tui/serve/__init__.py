"""`recovery-tui serve`: the app in a browser, through textual-serve (the
`serve` extra). The command line imports `cli` only when `serve` runs, and
`cli` loads the rest once it knows the extra is installed."""

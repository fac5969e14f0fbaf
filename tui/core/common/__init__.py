"""What every part of the core shares; imports nothing else of ours.

errors (DataFileError), fields (typed field checks for TOML loaders), ids
(routine kinds, areas, run kinds), paths (every folder and file), settings (and folder_setting,
the watch-files folder),
tomlfile (bounded TOML reading), atomic (the one way a file is replaced),
when (the clock and WHEN strings), terminal_text (control characters made
visible).
"""

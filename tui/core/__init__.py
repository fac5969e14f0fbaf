"""The headless core: everything the app knows, without Textual.

Packages, each importing only those before it (tests/core/test_package_arrows.py
checks it):

    common -> routines -> plan -> journal -> insights

- common: errors, typed field checks, ids and area names, paths, settings,
  TOML reading, the one atomic write, time words, terminal-safe text.
- routines: the routine model, its loader, the timer engine, spoken cues.
- plan: the after-run plan: its file, a run's evening laid out, practices.
- journal: the journal and everything that keeps it safe (store/ inside).
- insights: what the journal says works, with honest intervals.

validate.py (routine and plan files checked as the app loads them) sits on
top beside them. Packages declare no names of their own: import a name from
the module that defines it, so that `log` loads only what it uses.
"""

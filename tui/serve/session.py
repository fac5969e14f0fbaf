"""One browser tab's app: `python -m tui.serve.session [--journal PATH] [--quiet]`.

The app leaves the server's process group first. Ctrl-C in the server's
terminal then reaches the server alone, which ends each app with SIGTERM:
the app's own handler records a routine in progress as left part-way
(an interrupt would end it with nothing saved). For the same reason the
app runs with TabDriver (see tab_driver.py), read by Textual from
TEXTUAL_DRIVER when it is imported, after textual-serve has set its own."""

import os

from tui.launch import main

os.setpgrp()
os.environ["TEXTUAL_DRIVER"] = "tui.serve.tab_driver:TabDriver"
raise SystemExit(main())

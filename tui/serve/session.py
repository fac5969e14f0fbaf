"""One browser tab's app: `python -m tui.serve.session [--journal PATH] [--quiet]`.

The app leaves the server's process group first. Ctrl-C in the server's
terminal then reaches the server alone, which ends each app with SIGTERM:
the app's own handler keeps a routine in progress as a partial session
(an interrupt would end it with nothing saved)."""

import os

from tui.launch import main

os.setpgrp()
raise SystemExit(main())

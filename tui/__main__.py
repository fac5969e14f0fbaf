"""Allow `python -m tui`."""

from tui.launch import main

raise SystemExit(main())

"""The `recovery-tui` command. Cyclic garbage collection is off from the
very start, before the command line's imports (see cli.main for why)."""

import gc


def main() -> int:
    gc.disable()
    from tui.cli import main as run

    return run()

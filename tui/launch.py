"""The `recovery-tui` command."""

import os
import sys


def main() -> int:
    from tui.cli import main as run

    code = run()
    if nothing_left_to_run():
        leave_now(code)
    return code


def nothing_left_to_run() -> bool:
    """True when a command has finished everything it started: the app never
    ran, no other thread is alive and no exit hook is registered. Then the
    interpreter's teardown (clearing every module, a last full garbage
    collection) does nothing the runner needs, and costs `log` a tenth of its time."""
    if "textual" in sys.modules:
        return False  # the app ran: let Python close it the ordinary way
    threading = sys.modules.get("threading")
    if threading is not None and threading.active_count() > 1:
        return False
    import atexit

    hooks = getattr(atexit, "_ncallbacks", None)  # CPython's; elsewhere assume there are some
    return hooks is not None and hooks() == 0


def leave_now(code: int) -> None:
    """Exit at once, after writing out what the command printed. The journal
    is already safe: every save is flushed to disk before it returns."""
    try:
        _flush(sys.stdout)
    except BrokenPipeError:  # the reader went away (`| head`): nothing more to say
        code = code or 1
    except (OSError, ValueError) as error:  # a full disk, say, or stdout closed
        code = code or 1
        try:
            from tui.cli import PROG

            print(f"{PROG}: the output could not be written: "
                  f"{getattr(error, 'strerror', None) or error}", file=sys.stderr)
        except (OSError, ValueError):
            pass
    try:
        _flush(sys.stderr)
    except (OSError, ValueError):
        pass
    os._exit(code)


def _flush(stream) -> None:
    if stream is not None:  # None when the command started with that descriptor closed
        stream.flush()

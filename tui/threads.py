"""The one way off the UI thread: a thread worker (what `@work(thread=True)`
runs), awaited by a flow that reads top to bottom."""

from __future__ import annotations

from collections.abc import Callable
from typing import TypeVar

from textual.dom import DOMNode

T = TypeVar("T")


class _Raised:
    def __init__(self, error: BaseException) -> None:
        self.error = error


async def in_thread(node: DOMNode, work: Callable[[], T], *expected: type[BaseException],
                    group: str = "default") -> T:
    """`work()` in a thread worker, awaited from `node`'s flow. An `expected`
    error is raised here, to the caller; any other ends the worker as a failure,
    which the app reports (the worker is the app's: see AppServices.worker_failed)."""

    def guarded() -> T | _Raised:
        try:
            return work()
        except expected as error:
            return _Raised(error)

    outcome = await node.app.run_worker(guarded, thread=True, group=group, exit_on_error=False).wait()
    if isinstance(outcome, _Raised):
        raise outcome.error
    return outcome

"""Records newest first, read from the archive a month at a time as a reader
scrolls back, so opening History costs the same after ten years as after one."""

from __future__ import annotations

from tui.core.journal.journal import Journal


class RecordPages:
    """The journal's records, newest first, loaded as far as they are asked for.

    The journal file holds this month and last; each archive month is older
    than everything before it in the list, so `records` stays in order.
    """

    def __init__(self, journal: Journal) -> None:
        self.journal = journal
        self.records: list[dict] = journal.recent()
        self.problems: list[str] = list(journal.problems)
        self._months = journal.archive_months()  # still to read, newest first

    @property
    def complete(self) -> bool:
        """Every record is loaded."""
        return not self._months

    def fill(self, count: int) -> list[dict]:
        """Load months until `count` records are loaded (or all are); return the new ones."""
        start = len(self.records)
        while len(self.records) < count and self._months:
            self.records += self.journal.archived(self._months.pop(0))
            self.problems += self.journal.problems
        return self.records[start:]

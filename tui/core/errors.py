"""One error type for every data file the app reads (routines, plan, settings)."""

from __future__ import annotations

from pathlib import Path


class DataFileError(Exception):
    """A problem in a data file, naming the file, the item and the field."""

    def __init__(
        self,
        path: Path | str,
        message: str,
        *,
        item: str | None = None,
        field: str | None = None,
    ) -> None:
        self.path = Path(path)
        self.message = message
        self.item = item
        self.field = field
        super().__init__(str(self))

    def __str__(self) -> str:
        where = [str(self.path)]
        if self.item:
            where.append(self.item)
        if self.field:
            where.append(f"field '{self.field}'")
        return f"{': '.join(where)}: {self.message}"

"""One error type for every data file the app reads (routines, plan, settings)."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, ParamSpec

P = ParamSpec("P")


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
        return f"{self.path}: {self.without_path()}"

    def without_path(self) -> str:
        """The item, the field and the message: for a list under the file's name."""
        where = [self.item] if self.item else []
        if self.field is not None:  # an empty key ("" = 1) is named too: field ''
            where.append(f"field '{self.field}'")
        return ": ".join([*where, self.message])


class DataFileErrors(DataFileError):
    """Every problem found in one data file, so that one check lists them all.

    It is a DataFileError (the first problem's file, item and field), so code
    that reports one error still works; str() is one problem a line."""

    def __init__(self, errors: list[DataFileError]) -> None:
        self.errors = [single for error in errors for single in each_error(error)]
        first = self.errors[0]
        super().__init__(first.path, first.message, item=first.item, field=first.field)

    def __str__(self) -> str:
        return "\n".join(str(error) for error in self.errors)


def each_error(error: DataFileError) -> list[DataFileError]:
    """The single problems in an error: itself, or each of a DataFileErrors."""
    return list(error.errors) if isinstance(error, DataFileErrors) else [error]


class ErrorCollector:
    """Runs field checks one after another, keeping each failure instead of
    stopping at the first; `raise_errors` then raises them all at once."""

    def __init__(self) -> None:
        self.errors: list[DataFileError] = []

    def add(self, error: DataFileError) -> None:
        self.errors.extend(each_error(error))

    def check(self, read: Callable[P, Any], *args: P.args, **kwargs: P.kwargs) -> Any:
        """read(*args, **kwargs), or None once its error is kept. Any, not
        `T | None`: callers build their object after raise_errors(), when no
        value is None any more."""
        try:
            return read(*args, **kwargs)
        except DataFileError as error:
            self.add(error)
            return None

    def raise_errors(self) -> None:
        raise_all(self.errors)


def raise_all(errors: list[DataFileError]) -> None:
    """Raise nothing, the one error, or all of them as one DataFileErrors."""
    if len(errors) == 1:
        raise errors[0]
    if errors:
        raise DataFileErrors(errors)


def problems_by_file(errors: list[DataFileError]) -> str:
    """Each file's name once, then its problems one a line (for a notice,
    where a long path on every line would leave little room for the problem)."""
    lines: list[str] = []
    for path in dict.fromkeys(error.path for error in errors):
        lines.append(f"{path}:")
        lines += [f"• {error.without_path()}" for error in errors if error.path == path]
    return "\n".join(lines)

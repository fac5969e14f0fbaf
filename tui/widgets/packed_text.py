"""Text made of short items ("bedtime 22:30 · late run: short plan"), drawn so
that a narrow window (a phone held upright, 40 columns) breaks it between
items, never inside one: a line never ends in "·" and no item is split
across lines unless it is wider than the window by itself."""

from __future__ import annotations

from rich.text import Text
from textual.events import Resize
from textual.widgets import Label

SEPARATOR = " · "


def packed(text: Text, width: int, separator: str = SEPARATOR) -> Text:
    """`text` with each of its lines broken between items to fit `width` cells:
    as many items a line as fit, the separator only between items on one line."""
    if width <= 0:
        return text
    rows: list[Text] = []
    for line in text.split("\n", allow_blank=True):
        row: Text | None = None
        for item in line.split(separator):
            if row is not None and row.cell_len + len(separator) + item.cell_len <= width:
                row.append(separator)
                row.append_text(item)
                continue
            if row is not None:
                rows.append(row)
            row = item.copy()
        rows.append(row if row is not None else Text(style=line.style))
    return Text("\n").join(rows)


class PackedText(Label):
    """A label whose content is packed to its width again whenever that changes."""

    DEFAULT_CSS = "PackedText { width: 1fr; height: auto; }"

    def __init__(self, text: Text | str = "", *, id: str | None = None) -> None:
        super().__init__(id=id)
        self.source = Text(text) if isinstance(text, str) else text
        self.packed_width = 0

    def on_mount(self) -> None:
        self.update(self.source)

    def set_text(self, text: Text | str) -> None:
        self.source = Text(text) if isinstance(text, str) else text
        self.update(packed(self.source, self.packed_width))

    def on_resize(self, event: Resize) -> None:
        width = self.content_size.width
        if width != self.packed_width:
            self.packed_width = width
            self.update(packed(self.source, width))

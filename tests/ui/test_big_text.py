"""The BigText widget draws the rows block_font renders, unchanged and centred."""

from __future__ import annotations

import pytest
from textual.app import App, ComposeResult

from tui.widgets.big_text import BigText
from tui.widgets.block_font import render_rows


class OneText(App[None]):
    def __init__(self, text: str) -> None:
        super().__init__()
        self.text = text

    def compose(self) -> ComposeResult:
        yield BigText(self.text)


def drawn(widget: BigText) -> list[str]:
    """The widget's inked rows, with the margin they share taken off."""
    lines = [widget.render_line(y).text.rstrip() for y in range(widget.size.height)]
    inked = [line for line in lines if line.strip()]
    margin = min(len(line) - len(line.lstrip()) for line in inked)
    return [line[margin:] for line in inked]


@pytest.mark.parametrize("text", ["13:45", "1:00", "→ RIGHT", "0:05"])
async def test_every_row_of_the_glyphs_keeps_its_place(text):
    """Rows starting or ending in a gap (the top of a "1", the side of a "5")
    are not shifted against the others by the widget's centring."""
    app = OneText(text)
    async with app.run_test(size=(116, 28)) as pilot:
        await pilot.pause()
        widget = app.query_one(BigText)
        drawn_text, fit = widget.drawn  # "→ RIGHT" is stacked here: "→" over "RIGHT" is bigger
        expected = [row.rstrip() for row in render_rows(drawn_text, fit) if row.strip()]
        assert drawn(widget) == expected


async def test_the_glyphs_are_centred_both_ways():
    app = OneText("1:00")
    async with app.run_test(size=(60, 20)) as pilot:
        await pilot.pause()
        widget = app.query_one(BigText)
        lines = [widget.render_line(y).text for y in range(widget.size.height)]
        inked = [y for y, line in enumerate(lines) if line.strip()]
        left = min(len(line) - len(line.lstrip()) for line in lines if line.strip())
        columns = len(render_rows("1:00", widget.fit)[0])
        assert abs(left - (60 - columns - left)) <= 1
        assert abs(inked[0] - (20 - 1 - inked[-1])) <= 1

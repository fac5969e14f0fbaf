"""Settings on a phone held upright (40 to 43 columns): each field's hint is
drawn whole on a line of its own under the field, and every control stays
inside the screen; from 60 columns up the hint stays beside its field."""

from __future__ import annotations

import pytest
from textual.widgets import Label

from tests.ui.helpers import make_app
from tui.screens.settings import SettingsScreen


def drawn(widget) -> str:
    return " ".join(strip.text.strip() for strip in widget.render_lines(widget.region.reset_offset))


@pytest.mark.parametrize("size", [(40, 44), (43, 44)])
async def test_on_a_phone_each_hint_is_whole_under_its_field(size):
    app = make_app()
    async with app.run_test(size=size) as pilot:
        await pilot.press("s")
        await pilot.pause()
        screen = app.screen
        assert isinstance(screen, SettingsScreen)
        rows = list(screen.query(".setting"))
        assert len(rows) == 8
        for row in rows:
            name, control, hint = row.children
            assert isinstance(hint, Label)
            assert drawn(hint).split() == str(hint.render()).split(), (name, drawn(hint))
            assert hint.region.y > control.region.y, (str(name.render()), hint.region, control.region)
            assert control.region.right <= size[0] and control.region.width >= 4, (control, control.region)


async def test_wide_each_hint_is_beside_its_field():
    app = make_app()
    async with app.run_test(size=(100, 30)) as pilot:
        await pilot.press("s")
        await pilot.pause()
        for row in app.screen.query(".setting"):
            _name, control, hint = row.children
            assert hint.region.y == control.region.y and hint.region.x > control.region.right

"""The block font's size choice, as pure functions (tui/widgets/block_font.py
imports no Textual): the largest square scale that fits, then stems as tall
as the height allows, never taller than MAX_STRETCH times the bars."""

from __future__ import annotations

import subprocess
import sys

import pytest

from tui.widgets.block_font import MAX_STRETCH, NONE, Fit, best_fit, best_layout, render_rows, size_at

CLOCK = "1:00"  # 13 pixels wide: 3 + 1 + 1 + 1 + 3 + 1 + 3


def test_a_square_glyph_at_scale_2_is_five_rows():
    assert size_at(CLOCK, Fit(2, 2)) == (26, 5)
    assert size_at(CLOCK, Fit(3, 3)) == (39, 8)  # 15 half-rows, rounded up


def test_a_wide_short_region_is_bound_by_its_height():
    assert best_fit(CLOCK, 200, 5) == Fit(2, 2)


def test_a_narrow_tall_region_keeps_the_width_scale_and_grows_the_stems():
    """A phone upright: 40 columns give scale 3; 24 rows let the stems grow
    to the MAX_STRETCH cap (9 + 2 * 9 half-rows = 14 rows), not to 24."""
    fit = best_fit(CLOCK, 40, 24)
    assert fit == Fit(3, MAX_STRETCH * 3)
    assert size_at(CLOCK, fit) == (39, 14)


def test_stems_fill_the_height_below_the_cap():
    fit = best_fit(CLOCK, 40, 11)  # 9 + 2 * stem <= 22 half-rows
    assert fit == Fit(3, 6) and size_at(CLOCK, fit)[1] == 11


@pytest.mark.parametrize("width, height", [(40, 44), (116, 28), (76, 11), (56, 4), (38, 15), (13, 3)])
def test_the_fit_always_fits_and_one_more_does_not(width, height):
    fit = best_fit(CLOCK, width, height)
    columns, rows = size_at(CLOCK, fit)
    assert columns <= width and rows <= height
    bigger = Fit(fit.scale + 1, fit.scale + 1)
    taller = Fit(fit.scale, fit.stem + 1)
    assert fit.scale == 8 or size_at(CLOCK, bigger)[0] > width or size_at(CLOCK, bigger)[1] > height
    assert fit.stem == MAX_STRETCH * fit.scale or size_at(CLOCK, taller)[1] > height


def test_max_scale_caps_the_scale_and_so_the_stems():
    assert best_fit(CLOCK, 400, 200, max_scale=4) == Fit(4, 12)


def test_too_small_a_region_draws_nothing_big():
    assert best_fit(CLOCK, 12, 40) is NONE
    assert best_fit(CLOCK, 40, 2) is NONE


def test_rows_drawn_match_the_size_and_keep_the_bars_even():
    fit = Fit(2, 4)
    rows = render_rows("8", fit)
    assert (len(rows[0]), len(rows)) == size_at("8", fit) == (6, 7)
    assert rows[0] == "██████"  # top bar: 2 half-rows, one whole row
    assert rows[1:3] == ["██  ██"] * 2  # the upper stem: 4 half-rows
    assert rows[3] == "██████"  # middle bar
    assert rows[-1] == "██████"


def test_the_font_module_loads_no_textual():
    code = "import sys, tui.widgets.block_font; print('textual' in sys.modules)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert out.strip() == "False"


def test_the_side_word_goes_a_word_a_line_when_that_draws_it_bigger():
    """A phone upright: "→ RIGHT" on one line fits 40 columns only at scale 1;
    "→" over "RIGHT" fits at scale 2."""
    text, fit = best_layout("→ RIGHT", 40, 13)
    assert text == "→\nRIGHT" and fit.scale == 2
    columns, rows = size_at(text, fit)
    assert columns <= 40 and rows <= 13
    assert best_layout("→ RIGHT", 116, 9) == ("→ RIGHT", best_fit("→ RIGHT", 116, 9))  # wide: one line
    assert best_layout("0:05", 40, 13) == ("0:05", best_fit("0:05", 40, 13))  # no space: never split


def test_stacked_lines_are_centred_on_the_widest_with_a_gap_between():
    rows = render_rows("→\nRIGHT", Fit(1, 1))
    arrow = [row for row in rows[:3] if row.strip()]
    assert len(rows) == 6 and all(len(row) == 19 for row in rows)  # 11 half-rows, rounded up
    assert min(len(row) - len(row.lstrip()) for row in arrow) == 7  # the 5-pixel arrow centred on 19

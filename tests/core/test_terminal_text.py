"""The sanitiser every way out to a terminal uses."""

from __future__ import annotations

import io
import json

from tui.core.common.terminal_text import VisibleStream, first_control, json_text, one_line, visible


def test_c0_del_c1_and_lone_surrogates_are_shown_as_escapes():
    assert visible("a\x1b[2Jb\x07c\x7fd\x9be\x80f\udc9bg\x00") == r"a\x1b[2Jb\x07c\x7fd\x9be\x80f\udc9bg\x00"
    assert visible("line\nnext\ttab\r") == r"line\nnext\ttab\r"


def test_lines_keep_newlines_tabs_and_crlf_line_ends_only():
    assert visible("a\nb\tc\r\nd\re\x1b", lines=True) == "a\nb\tc\r\nd\\re\\x1b"


def test_printable_text_is_returned_unchanged():
    text = "Calf stretch · 30 s × 2 — ünïcödé 🏃 [b]not markup[/]"
    assert visible(text) is text


def test_first_control():
    assert first_control("ok\nfine", lines=True) is None
    assert first_control("ok\x9b", lines=True) == r"\x9b"


def test_json_text_escapes_del_c1_and_surrogates_and_reads_back():
    value = {"note": "a\x1b]0;t\x07b\x7fc\x9bd\udc9be é"}
    dumped = json_text(json.dumps(value, ensure_ascii=False))
    assert r"\u001b" in dumped and r"\u007f" in dumped and r"\u009b" in dumped and r"\udc9b" in dumped
    assert "é" in dumped  # other text stays readable
    assert json.loads(dumped) == value


def test_visible_stream_passes_everything_else_on():
    target = io.StringIO()
    stream = VisibleStream(target)
    print("a\x1b]52;c;eA==\x07", file=stream)
    stream.flush()
    assert target.getvalue() == "a\\x1b]52;c;eA==\\x07\n"
    assert stream.isatty() is False


def test_one_line_joins_lines_for_a_table_cell():
    assert one_line("tight calves\n\n  and\tsore\x1b[2J") == r"tight calves and sore\x1b[2J"


def test_bidi_controls_and_zero_width_characters_are_shown_as_escapes():
    bidi = "\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f\u061c"
    zero_width = "\u200b\u200c\u200d\u2060\ufeff"
    shown = visible(f"Hip {bidi}{zero_width} opener")
    assert shown == "Hip " + "".join(f"\\u{ord(char):04x}" for char in bidi + zero_width) + " opener"
    assert visible("a\u202eb\nc", lines=True) == "a\\u202eb\nc"
    assert one_line("evil\u202e\tname") == r"evil\u202e name"


def test_combining_marks_and_other_scripts_are_left_as_they_are():
    text = "Cafe\u0301 stretch · شد · 伸展 · Ünïcödé"
    assert visible(text) is text


def test_a_routine_file_may_hold_bidi_text_the_loader_refuses_only_controls():
    assert first_control("نام\u200cها \u202eopener", lines=True) is None


def test_json_text_escapes_bidi_and_zero_width_and_reads_back():
    value = {"note": "a\u202eb\u200dc\ufeff"}
    dumped = json_text(json.dumps(value, ensure_ascii=False))
    assert "\u202e" not in dumped and r"\u202e" in dumped and r"\u200d" in dumped and r"\ufeff" in dumped
    assert json.loads(dumped) == value

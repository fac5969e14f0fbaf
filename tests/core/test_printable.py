"""Journal text drawn on screen cannot carry an escape sequence to the terminal."""

from tui.core.printable import one_line, printable


def test_control_characters_become_visible_and_tab_and_newline_stay():
    assert printable("a\x1b[31mb\x07c\x9bd\te\nf\r") == "a�[31mb�c�d\te\nf�"
    assert printable("calf [/] tight · café 😀") == "calf [/] tight · café 😀"


def test_one_line_joins_lines_for_a_table_cell():
    assert one_line("tight calves\n\n  and\tsore\x1b[2J") == "tight calves and sore�[2J"

"""strip_control_sequences: text from others' files shown as text, never obeyed."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from revise.text import strip_control_sequences


@pytest.mark.parametrize(("text", "clean"), [
    ("plain text", "plain text"),
    ("title\x1b]0;PWNED\x07 here", "title here"),  # OSC: set the window title (BEL)
    ("x\x1b]52;c;aGFja2Vk\x1b\\y", "xy"),  # OSC 52: write the clipboard (ST)
    ("\x1b]8;;http://evil\x1b\\link\x1b]8;;\x1b\\", "link"),  # OSC 8 hyperlink
    ("\x1b[31mred\x1b[0m", "red"),  # CSI colours
    ("\x1b[2J\x1b[H\x1b[?25l", ""),  # clear, home, hide the cursor
    ("\x9b31mred", "red"),  # 8-bit CSI
    ("\x9d0;t\x9cok", "ok"),  # 8-bit OSC and ST
    ("\x1bPq#0;2;0;0;0\x1b\\after", "after"),  # DCS (sixel)
    ("\x1b_apc\x1b\\\x1b^pm\x1b\\\x1bXsos\x1b\\done", "done"),
    ("\x1bc\x1b(B\x1b7\x1b8reset", "reset"),  # two-byte escapes
    ("bell\x07 back\x08space nul\x00 del\x7f nel\x85", "bell backspace nul del nel"),
    ("\x1b]0;never ended", "0;never ended"),  # an open sequence loses its introducer
    ("mid\ufeffdle", "middle"),  # a byte order mark inside text
])
def test_sequences_and_control_characters_are_removed(text, clean):
    assert strip_control_sequences(text) == clean


def test_tabs_and_line_breaks_are_kept_and_made_plain():
    assert strip_control_sequences("a\tb\r\nc\rd\u2028e\u2029f\n") == "a\tb\nc\nd\ne\nf\n"


def test_one_line_values_get_spaces_for_tabs_and_breaks():
    assert strip_control_sequences("a\tb\r\nc", keep_newlines=False, keep_tabs=False) == "a b c"


def test_other_scripts_emoji_and_joiners_are_left_alone():
    text = "Ленин ‏שנת 1925‏ 👩‍🚀 café 日本"
    assert strip_control_sequences(text) is text


@given(st.text())
def test_no_output_holds_a_control_character_but_tab_and_newline(text):
    clean = strip_control_sequences(text)
    assert not any(ord(char) < 32 and char not in "\t\n" for char in clean)
    assert not any(0x7f <= ord(char) <= 0x9f for char in clean)
    assert strip_control_sequences(clean) == clean

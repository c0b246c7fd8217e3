"""Text from files revise did not write, made safe to show: no terminal control.

A field in someone else's file can hold bytes a terminal obeys rather than shows:
`ESC ]0;title BEL` renames the window, OSC 52 writes the clipboard, CSI codes move the
cursor or recolour the screen. Everything revise reads from such a file passes through
`strip_control_sequences` before it is stored, so no output can replay them.
"""

from __future__ import annotations

import re

# Whole escape sequences, so their parameters do not survive as stray text:
# CSI (ESC [ or 8-bit 0x9b) parameters, intermediates and a final byte;
# OSC (ESC ] or 0x9d) up to BEL or ST; DCS, SOS, PM and APC (ESC P X ^ _ or 8-bit)
# up to ST; and two-byte escapes such as ESC c (reset) or ESC ( B (character set).
_SEQUENCE = re.compile(
    r"(?:\x1b\[|\x9b)[\x30-\x3f]*[\x20-\x2f]*[\x40-\x7e]"
    r"|(?:\x1b\]|\x9d)[^\x07\x1b\x9c]*(?:\x07|\x1b\\|\x9c)"
    r"|(?:\x1b[PX^_]|[\x90\x98\x9e\x9f])[^\x1b\x9c]*(?:\x1b\\|\x9c)"
    r"|\x1b[\x20-\x2f]*[\x30-\x7e]"
)
# C0 controls but tab and line feed, DEL, C1 controls, and a byte order mark (which
# only means something at the very start of a file).
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f\ufeff]")
_LINE_BREAK = re.compile(r"\r\n?|[\u2028\u2029]")
_ANY_SPECIAL = re.compile(r"[\x00-\x1f\x7f-\x9f\ufeff\u2028\u2029]")


def strip_control_sequences(text: str, *, keep_newlines: bool = True,
                            keep_tabs: bool = True) -> str:
    """`text` with every terminal escape sequence and control character removed.

    Escape sequences (CSI colour codes, OSC titles and clipboard writes, DCS and the
    like) go whole, parameters included; other control characters (C0, DEL, C1) and
    byte order marks go one by one. Line breaks (CRLF, CR, U+2028, U+2029) become
    `\\n` and are kept, as are tabs, unless `keep_newlines` / `keep_tabs` is False:
    then each becomes a space, for one-line values such as deck names and tags.
    Pure; never raises.
    """
    if text.isprintable() or not _ANY_SPECIAL.search(text):
        return text  # (printable: no control character, line break or BOM at all)
    text = _SEQUENCE.sub("", text)
    text = _LINE_BREAK.sub("\n", text)
    text = _CONTROL.sub("", text)
    if not keep_newlines:
        text = text.replace("\n", " ")
    if not keep_tabs:
        text = text.replace("\t", " ")
    return text

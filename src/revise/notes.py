"""Notes text → outline of sections and bullets.

This module owns two steps, both pure:

* `decode_notes` turns the bytes of a notes file into text (encodings, line endings,
  control characters) or raises `NotesError` with a one-line reason.
* `parse_notes` turns that text into an `Outline`: nested `Section`s (headings) holding
  `Bullet`s, each with its topic path, character offset and line.

Two shapes of notes are understood. Clean outlines use headings (`#`, underlined,
`=== Topic ===`, numbered, ALL CAPS, bold, a short line ending in `:`, the file's
first line), bullet markers, numbered items, indentation, Markdown tables (one bullet
a body row) and plain lines, one item each. Flattened notes lost their line breaks
when copied from a web page, so every line is one long run of `* Sub-topic- bullet-
bullet=> Section...`, the markers glued to the word before them or set between
spaces; a line is read that way only when it carries several glued markers or is long
and holds many spaced ones, so `word- word` or `Term - meaning` in clean notes is
left alone. A ` => ` there is an arrow inside a bullet unless a short title follows
it, then a sub-topic.
"""

from __future__ import annotations

import codecs
import re
from dataclasses import dataclass, field

from revise.errors import NotesError

__all__ = [
    "Bullet",
    "NotesPiece",
    "Outline",
    "Section",
    "clean_text",
    "decode_notes",
    "parse_notes",
    "split_notes",
]


# ---------------------------------------------------------------------------- outline


@dataclass(eq=False, slots=True)
class Bullet:
    """One bullet (or, with `prose`, one plain paragraph) of the notes.

    `text` is cleaned: whitespace collapsed, leftover marker junk removed, a trailing
    `:` dropped (then `intro` is true: the bullet introduces its `children`). `topic`
    holds the titles of the sections above it, outermost first, followed by any
    `intro` bullets it is nested under. `detached` marks prose trailing after the
    notes (page furniture, adverts): it is kept in the outline but gives no cards.
    `numbered` is true for an item written with a number (`1.`, `2)`), so a run of
    them is an ordered sequence. A Markdown table's body row is one bullet whose
    `cells` are the row's cleaned cells and `header` the table's header cells (empty
    when the table has none); its `text` is the cells joined by " | ". `sign` keeps a
    `+` or `-` marker: among each other they say what is for and what against.
    """

    text: str
    topic: tuple[str, ...]
    position: int
    line: int
    prose: bool = False
    intro: bool = False
    detached: bool = False
    children: list[Bullet] = field(default_factory=list, repr=False)
    parent: Bullet | None = field(default=None, repr=False)
    cells: tuple[str, ...] = ()
    header: tuple[str, ...] = ()
    numbered: bool = False
    sign: str = ""  # `+` or `-` when its marker was one, as in a list of pros and cons


@dataclass(eq=False, slots=True)
class Section:
    """A heading and what sits under it.

    `path` is the titles from the outermost section down to this one. `explicit` is
    false for headings inferred from the text (a short line right before bullets, a
    sub-heading glued onto the text before it); `intro` is true when the heading line
    ended with `:` and so announces the list under it. `numbered` is true when the
    heading had a number before its title (`## 1) definitions`), dropped from `title`.
    """

    title: str
    path: tuple[str, ...]
    level: int
    position: int
    line: int
    explicit: bool = True
    intro: bool = False
    bullets: list[Bullet] = field(default_factory=list, repr=False)
    sections: list[Section] = field(default_factory=list, repr=False)
    numbered: bool = False
    top: bool = False  # a `# ` heading: notes are cut there to be read in pieces


@dataclass(eq=False)
class Outline:
    """Parsed notes: the section tree under `root`, plus every section and bullet in file order."""

    root: Section
    sections: list[Section] = field(default_factory=list, repr=False)
    bullets: list[Bullet] = field(default_factory=list, repr=False)
    flattened: bool = False
    indented: bool = False  # an outline by indentation alone, as a mind map exports one


# ---------------------------------------------------------------------------- decoding

# Replaced by a space so that offsets into the text stay where they were.
_CONTROL_CHARS = [*range(0x00, 0x09), 0x0B, 0x0C, *range(0x0E, 0x20), *range(0x7F, 0xA0)]
_DECODE_TABLE = {c: " " for c in _CONTROL_CHARS} | {0x2028: "\n", 0x2029: "\n"}
_ANSI_ESCAPE = re.compile(r"\x1b(?:\[[0-9;?]{0,32}[ -/]{0,4}[@-~]|[@-Z\\-_])")
_BINARY_BYTES = frozenset(b for b in range(0x20) if b not in (0x09, 0x0A, 0x0C, 0x0D, 0x1B))


def decode_notes(data: bytes) -> str:
    """The text of a notes file: BOMs stripped, UTF-16/32 decoded, line endings made `\\n`.

    Text that is not UTF-8 and holds no UTF-8 sequence at all is read in the Windows
    code page (cp1252, a superset of Latin-1's printable characters): the encoding
    Notepad and Word wrote by default for years, where a detector would only guess
    between look-alike code pages. RTF and PDF files are refused with what to do."""
    if data.startswith((codecs.BOM_UTF32_LE, codecs.BOM_UTF32_BE)):
        text = _decode_wide(data, "utf-32")
    elif data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        text = _decode_wide(data, "utf-16")
    else:
        _refuse_documents(data)
        if b"\x00" in data or _looks_binary(data):
            raise NotesError(_BINARY)
        skip = len(codecs.BOM_UTF8) if data.startswith(codecs.BOM_UTF8) else 0
        try:
            text = data[skip:].decode("utf-8")
        except UnicodeDecodeError as exc:
            if skip or _UTF8_SEQUENCE.search(data):
                # UTF-8 with a broken byte: guessing another encoding would garble the rest
                raise NotesError(
                    f"is not UTF-8 text (invalid byte at offset {exc.start + skip}); "
                    "save it again as UTF-8 text") from None
            text = data.decode("latin-1").translate(_CP1252)
    if "\x00" in text:
        raise NotesError(_BINARY)
    text = text.removeprefix("\ufeff").replace("\r\n", "\n").replace("\r", "\n")
    if "\x1b" in text:
        text = _ANSI_ESCAPE.sub("", text)  # colour codes pasted from a terminal
    text = text.translate(_DECODE_TABLE)
    if not text.strip():
        raise NotesError("is empty")
    return text


_BINARY = "looks like a binary file, not text notes: save the notes as plain text"
# a multi-byte UTF-8 character; text in a Windows code page almost never holds one
_UTF8_SEQUENCE = re.compile(rb"[\xc2-\xdf][\x80-\xbf]|[\xe0-\xef][\x80-\xbf]{2}"
                            rb"|[\xf0-\xf4][\x80-\xbf]{3}")
# what documents saved in another format start with, and what to call them
_DOCUMENT_STARTS = ((b"{\\rtf", "an RTF document"), (b"%PDF-", "a PDF"))


def _refuse_documents(data: bytes) -> None:
    start = data.removeprefix(codecs.BOM_UTF8).lstrip()[:8]
    for magic, name in _DOCUMENT_STARTS:
        if start.startswith(magic):
            raise NotesError(f"is {name}, not plain text notes: save the notes as plain "
                             "text (.txt or .md) and extract that")


# Latin-1 text → cp1252 text: where cp1252 puts quotes, dashes and € instead of control
# characters. The five bytes cp1252 leaves undefined stay Latin-1's (spaces, later).
_CP1252 = {byte: bytes([byte]).decode("cp1252") for byte in range(0x80, 0xA0)
           if byte not in (0x81, 0x8D, 0x8F, 0x90, 0x9D)}


def _decode_wide(data: bytes, codec: str) -> str:
    try:
        return data.decode(codec)
    except UnicodeDecodeError:
        name = codec.upper().replace("UTF", "UTF-", 1).replace("--", "-")
        raise NotesError(f"is not {name} text (it starts with a {name} byte order mark)") from None


def _looks_binary(data: bytes) -> bool:
    sample = data[:8192]
    if not sample:
        return False
    controls = sum(1 for b in sample if b in _BINARY_BYTES)
    return controls * 10 > len(sample)


# ---------------------------------------------------------------------------- cleaning

_INLINE_CODE = re.compile(r"`([^`\n]+)`")
_ITALIC = re.compile(r"(?<![\w*])\*([^\s*](?:[^*\n]{0,60}[^\s*])?)\*(?![\w*])")
_STRAY_STAR = re.compile(r"(?:(?<=[\s(\[])|^)\*(?=\w)")
_DANGLING_EQUALS = re.compile(r" ?=(?=[;,.]|$)")
_EDGE_JUNK = " ,;*"


_SPLIT_QUESTION = re.compile(r"^(Why|How|What|When|Who|Where)\?\s(?=(?:did|do|does|was|were|is|are"
                             r"|had|has|have|can|could|would|should|might)\s[^?]+\?)")


def clean_text(raw: str) -> str:
    """Tidy one bullet or heading as written: spacing, emphasis marks and marker leftovers.

    The student's words are kept; only what the copy-paste left behind goes (a `=` whose
    arrow lost its `>`, a `*` that marked a footnote, unmatched brackets at the ends).
    """
    if "   " in raw or "\t" in raw.strip() or "  " in raw and (
            raw.count("=") >= 2 or _SHORT_PAIR.fullmatch(raw.strip())):
        raw = _aligned_columns(raw)
    text = " ".join(raw.split())
    if not text:
        return ""
    if text.startswith("> "):
        text = text[2:]  # Markdown's `> quoted line`: the line
    if text[3:5] == "? " or text[4:6] == "? ":
        text = _SPLIT_QUESTION.sub(r"\1 ", text)  # `Why? did Wolsey fall?`: one question
    if "ead more" in text or "dvertisement" in text or "ontinue reading" in text \
            or "ap to " in text:
        text = _TRAILING_FURNITURE.sub("", " " + text).strip()
    for mark in ("**", "__"):
        count = text.count(mark)
        if count >= 2 and count % 2 == 0:
            text = text.replace(mark, "")
    if "*" in text:
        text = _STRAY_STAR.sub("", _ITALIC.sub(r"\1", text))  # (`*why* not *what*`)
    if "`" in text:
        text = _INLINE_CODE.sub(r"\1", text)  # Markdown's `moles = mass / Mr`: its text
    if "==" in text and _HIGHLIGHT.search(text):
        return text.strip(_EDGE_JUNK)  # `==hidden words==`: a cloze the student wrote
    if "=" in text:
        text = _DANGLING_EQUALS.sub("", text)
    text = text.strip(_EDGE_JUNK)
    if text.startswith("=") and not text.startswith("=>"):
        text = text.lstrip(_EDGE_JUNK + "=")
    return trim_ends(text.rstrip(_EDGE_JUNK + "="), keep_colon=True)


# `la corbata  tie`: a short word pair two spaces apart, in lower case either side
_SHORT_PAIR = re.compile(r"[a-zà-ÿ](?:[\w'’()/,-]| (?! )){1,30}? {2}[a-zà-ÿ][\w'’()/-]*"
                         r"(?: [\w'’()/-]+){0,4}")


def _aligned_columns(raw: str) -> str:
    """`der Hausmeister          caretaker`: two columns lined up with spaces, a term and
    its meaning, read as `der Hausmeister – caretaker` where nothing else parts them."""
    text = raw.strip()
    gaps = list(_COLUMN_GAP.finditer(text)) or (
        list(_PAIR_GAP.finditer(text)) if _SHORT_PAIR.fullmatch(text) else [])
    if "|" not in text and _PAIR_GAP.search(text):
        chunks = _PAIR_GAP.split(text)
        pairs = [c for c in chunks if not (c.startswith("(") and c.endswith(")"))]
        if len(pairs) >= 2 and all(_PAIRED.search(c) for c in pairs) and not any(
                _SUM.search(c) for c in chunks):  # (`F = m × a  resultant force (N) = …`)
            # `la cartera = wallet    robar = to steal`, `vamos = we go  vais = you go`
            return "; ".join(pairs)  # (an aside between them, `(easy to mix up)`, goes)
        example = " ".join(pairs[1:])
        if len(pairs) >= 2 and _PAIRED.search(pairs[0]) and not any(
                _PAIRED.search(c) for c in pairs[1:]) and not _SUM.search(text) \
                and (re.search(r"[.!?]$", example) or example.startswith(("e.g. ", "eg "))):
            # `aufstehen – to get up      Ich stehe um 7 Uhr auf.`: a pair and its example
            return f"{pairs[0]} (e.g. {re.sub(r'^(?:e[.]g[.]|eg)[ ]', '', example)})"
    if len(gaps) != 1 or _TERM_SEPARATOR.search(raw) or re.search(r"[|:=]", raw) \
            or not re.search(r"[^\W\d_]", text[gaps[0].end():]) \
            or not re.search(r"[^\W\d_]", text[:gaps[0].start()]):
        return raw  # (`dies   1924`: a date after its event, no column of meanings)
    return text[:gaps[0].start()] + " – " + text[gaps[0].end():]


_PAIRED = re.compile(r"\S\s(?:=|[-–—]|->|→)\s\S")
_COLUMN_GAP = re.compile(r"(?<=\S)(?:[ ]{3,}|\t+[ \t]*)(?=\S)")
_SUM = re.compile(r"[×÷*^²³√]|^[A-Za-z]{1,2}\s=\s")
_PAIR_GAP = re.compile(r"(?<=\S)(?:[ ]{2,}|\t+[ \t]*)(?=\S)")
_HIGHLIGHT = re.compile(r"==[^=\s][^=]*==")
_PAIRS = {"(": ")", "[": "]", "“": "”", "‘": "’", "«": "»"}
_CLOSERS = {v: k for k, v in _PAIRS.items()}
# What `trim_ends` may take off the start and off the end of a text (besides spacing)
_TRIMMED_FIRST = frozenset(' ,;:."').union(_PAIRS)
_TRIMMED_LAST = frozenset(' ,;:."').union(_CLOSERS)


def trim_ends(text: str, *, keep_colon: bool = False) -> str:
    """Drop spacing, trailing separators and unmatched brackets or quotes at the ends of `text`."""
    if text and text[0] not in _TRIMMED_FIRST and text[-1] not in _TRIMMED_LAST \
            and not text[0].isspace() and not text[-1].isspace():
        return text  # nothing at either end to trim, as most text is
    strip_chars = " ,;" if keep_colon else " ,;:."
    for _ in range(4):
        before = text
        text = text.strip(strip_chars)
        if not keep_colon:
            text = text.rstrip(".:")
        if not text:
            return ""
        first, last = text[0], text[-1]
        if first in _PAIRS and text.count(_PAIRS[first]) < text.count(first):
            text = text[1:]
        elif last in _CLOSERS and text.count(_CLOSERS[last]) < text.count(last):
            # A closing ’ after a letter is an apostrophe (the students’), not a quote.
            if not (last == "’" and len(text) > 1 and text[-2].isalpha()):
                text = text[:-1]
        elif first == '"' and text.count('"') % 2:
            text = text[1:]
        elif last == '"' and text.count('"') % 2:
            text = text[:-1]
        if text == before:
            break
    return text.strip()


# ---------------------------------------------------------------------------- lines

_LINE_TABLE = {c: " " for c in _CONTROL_CHARS} | {0xFEFF: " "}
_LINE_BREAKS = "\n\r\x0b\x0c\x1c\x1d\x1e\x85\u2028\u2029"
_TAB = 4

# (`o` and a tab: the second level of a list pasted from a word processor; `▸` and the
# like: a toggle's mark in notes exported from an app)
# (`2.1 Consuls`, `a) filament lamp`, `ii) …`: numbered and lettered parts of a point)
_BULLET = re.compile(r"[ \t]*(?:[-*+•◦▪‣·–▸▹►▶➤]|o(?=\t)|[0-9]{1,3}[.)]"
                     r"|[0-9]{1,2}\.[0-9]{1,2}(?=[ \t])|(?:[a-h]|i{1,3}|iv|vi{0,3})\)(?=[ \t]))"
                     r"(?:[ \t]+|$)")
_DECIMAL_MARK = re.compile(r"[0-9]{1,2}\.[0-9]")
_MORE_MARKERS = re.compile(r"(?:[-*+•▸▹►▶➤][ \t]+)+")
_CHECKBOX = re.compile(r"\[[ xX]\][ \t]+")
_ATX = re.compile(r"[ \t]{0,3}(#{1,6})(?:[ \t]+|$)")
_BOLD_LINE = re.compile(r"(\*\*|__)[^*_].*\1:?$")
_NUMBER_PREFIX = re.compile(r"[0-9]{1,3}[.)][ \t]+(?=\S)")
# `=== Topic ===`, `--- topic ---`: a title between runs of rule marks.
_BANNER = re.compile(
    r"[ \t]{0,3}(={2,}|-{2,}|~{2,})[ \t]*([^=\-~\s].*?)[ \t]*(?:={2,}|-{2,}|~{2,})[ \t]*$"
)
# A Markdown table's separator row: `|---|:--:|`, or `---|---` without the outer pipes.
_TABLE_SEPARATOR = re.compile(
    r"[ \t]*\|?(?:[ \t]*:?-+:?[ \t]*\|)+(?:[ \t]*:?-+:?[ \t]*)?$"
)
_CELL_SPLIT = re.compile(r"(?<!\\)\|")

# A marker in a flattened line: at the start of the line, or glued to the character
# before it. `- ` and `* ` need the space after them (so `Non-Aggression` and `*less`
# stay text); a `=>` with a space before it is an arrow in the text, not a marker.
# Each alternative starts with its marker so the scan is quick on long lines.
# (`Q* / P*`, `A* is like Dijkstra's`: a letter starred names a thing, no marker)
_GLUED_MARK = re.compile(
    r"-(?<=[^\s\-]-)(?=[ \t])|\*(?<=[^\s*]\*)(?<!/\s[A-Za-z]\*)(?=[ \t])(?![ \t]/)"
    r"(?!(?<=[\s(][A-Za-z]\*)[ \t][a-z])"
    r"|=>(?<=[^\s=<\-]=>)(?![>=])|•"
)
# The same markers with spaces on both sides (` - bullet - bullet => Section * Sub`),
# as scraped notes often have them.
_ARROW_LEAD = re.compile(r"(?:->|→|-->)\s+(?=\S)")
_DATE_ONLY = re.compile(r"(?:\d{1,2}(?:st|nd|rd|th)?\s)?(?:(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep"
                        r"|Oct|Nov|Dec)[a-z]*\.?\s)?(?:1[0-9]{3}|20[0-9]{2})(?:\s?[-–]\s?\d{2,4})?")
_SPACED_MARK = re.compile(r"[-*•](?<=[ \t][-*•])(?=[ \t])")
# A `=>` after a space: an arrow inside a bullet, unless it opens a section (see
# `_read_flat_line`).
_SPACED_ARROW = re.compile(r"=>(?<=[ \t]=>)(?![>=])")
_LEADING_MARK = re.compile(r"[ \t]*(?:[-*](?=[ \t])|=>(?![>=])|•)")
# What a copied web page brings along besides the notes: whole lines of it, known by how
# they start or by a few words anywhere. (Two patterns: in one, re would try the words a
# line starts with at every character of every line.)
_PAGE_FURNITURE_START = re.compile(
    r"skip to (?:main )?content\b|advertisement$|menu$|search$|sign (?:in|up)\b|log in\b"
    r"|share (?:this|on)\b|was this page helpful|back to top$|print (?:this )?page$"
    r"|related (?:topics|articles|links|pages|(?:revision )?notes|resources)\b|test yourself\b"
    r"|page \d+ of \d+$|(?:last )?updated:? .*\d{4}\b.{0,30}$|\d+ min(?:ute)?s? read$"
    r"|(?:©|\(c\)|copyright)\s|home\s?(?:>|›|»)\s?\w|share\s*[•|·:]"
    r"|share\s+(?:tweet|print|email|facebook|save)\b"
    r"|by\s[A-Z][\w'-]+(?:\s[A-Z][\w'-]+){0,2}\s?[|•·]\s"
    r"|we use cookies\b|this (?:site|website) uses cookies\b|accept (?:all )?cookies\b"
    r"|reading time:?\s\d|related video:|watch (?:the )?video\b"
    r"|on this page:|jump to:|in this (?:guide|article):"
    r"|home\s?\|\s?\w[^|]*\|\s?\w|[←«‹]\s*(?:previous|prev|back)\b"
    r"|(?:previous|next)\s(?:topic|page|lesson|article|section|chapter)\b.{0,60}$"
    r"|(?:previous|next)\s*[→»›]|name:\s[^:]{1,30}\s(?:set|class|form|teacher|group|date):",
    re.IGNORECASE)
_PAGE_FURNITURE_WORDS = re.compile(r"\bclick to enlarge\b|\bcookies$|\ball rights reserved\b"
                                   r"|\|\s?progress\s\d{1,3}%"
                                   r"|\bmanage (?:settings|cookies)$|[|•·]\s?\d+\smin(?:ute)?s?"
                                   r"\sread\b|\s\|\s(?:gcse\s)?(?:revision(?:\snotes)?|notes"
                                   r"|study guide|bitesize)$", re.IGNORECASE)
# What a copied page leaves at the end of a line of notes: `… in the UK in 1946. Read more`
_TRAILING_FURNITURE = re.compile(r"(?:\s+(?:read more|advertisement|continue reading"
                                 r"|tap to (?:flip|reveal)(?:\s?[↻⟳])?)\.?)+$",
                                 re.IGNORECASE)
_CONTROL_SEARCH = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufeff]")

# A line is read as flattened with spaced markers only when it is long and holds many
# of them, so `la maison - the house` or `Term - meaning` in clean notes stay whole.
_MIN_SPACED_MARKS = 6
_MIN_SPACED_LINE = 200
_MAX_CHARS_PER_SPACED_MARK = 120
_SPACED_ARROW_MARK = " =>"  # a `=>` after a space, to be read as a section or an arrow


@dataclass(slots=True)
class _Token:
    kind: str  # blank, rule, heading, banner, bullet, para, flat, row
    indent: int = 0
    text: str = ""
    start: int = 0
    line: int = 1
    level: int = 0
    marker: str = ""  # a bullet's marker ("1" if numbered), or "=>" for a line opening with one


def _is_page_furniture(line: str) -> bool:
    return bool(_PAGE_FURNITURE_START.match(line) or _PAGE_FURNITURE_WORDS.search(line)
                or len(line) <= 60 and _SITE_WORDS.fullmatch(line) is not None)


# A line of nothing but a site's buttons and links: `Facebook Twitter Email Copy link`,
# `Menu Search Log in`
_SITE_WORD = (r"(?:facebook|twitter|x|email|e-mail|copy link|whatsapp|pinterest|linkedin"
              r"|reddit|tweet|print|save|share|menu|search|log in|login|sign in|sign up"
              r"|subscribe|register|home)")
_SITE_WORDS = re.compile(rf"{_SITE_WORD}(?:[\s|•·/]+{_SITE_WORD})+[\s|•·/]*", re.IGNORECASE)


def _indent_width(prefix: str) -> int:
    if "\t" not in prefix:
        return len(prefix)
    width = 0
    for ch in prefix:
        width = width + _TAB - width % _TAB if ch == "\t" else width + 1
    return width


_Mark = tuple[int, int, str]  # start, end, marker
_Row = tuple[tuple[str, ...], tuple[str, ...]]  # a table row's cells, the table's header


def _atx_title(content: str, m: re.Match[str]) -> str:
    """A `#` heading's title, without the closing `#`s Markdown allows."""
    title = content[m.end() :].rstrip()
    bare = title.rstrip("#")
    if bare != title and (not bare or bare[-1] in " \t"):
        title = bare.rstrip()
    return title


_DASH_BEFORE_CAPITAL = re.compile(r"(?<=[a-z)\]])-(?=[A-Z][a-z])|(?<=[A-Z]{2})-(?=[A-Z][a-z])")
# (`anti-Semitic`, `pro-European`: a prefix, not a point's mark)
_WORD_PREFIX = re.compile(r"(?:\b|^)(?:anti|pro|non|post|pre|ex|mid|self|neo|semi|pan|un|"
                          r"trans|inter|intra|super|sub|counter|de)$", re.IGNORECASE)


def _ends_a_point(before: str) -> bool:
    """Whether a `-` glued after `before` ends a point: after a lower-case word, a bracket
    or a title in capitals (`… the chancellor-Reichstag`), not a name (`Five-Year`) or a
    prefix (`anti-Semitic`)."""
    word = before.rsplit(None, 1)[-1] if before.split() else ""
    if not word or _WORD_PREFIX.search(word):
        return False
    return word[-1] in ")]" or word[0].islower() or word.isupper() and len(word) >= 2


def _flat_markers(content: str) -> list[_Mark] | None:
    """The markers of `content` if it reads as a flattened line, else None."""
    hints = (content.count("- ") + content.count("* ") + content.count("=>")
             + content.count("•") + content.count("-\t") + content.count("*\t"))
    if hints < 3 and " • " not in content and not (
            len(content) >= _MIN_SPACED_LINE and content.count("-") >= 3
            and len(_DASH_BEFORE_CAPITAL.findall(content)) >= 3):
        return None  # too few markers to be flattened: skip the slower scan
    lead = _LEADING_MARK.match(content)
    begin = lead.end() if lead else 0
    marks: list[_Mark] = []
    if lead:
        marks.append((0, lead.end(), lead.group().lstrip()))
    glued = 0
    for m in _GLUED_MARK.finditer(content, begin):
        marks.append((m.start(), m.end(), m.group()))
        if m.start() > 0 and not content[m.start() - 1].isspace():
            glued += 1  # a `•` after a space is a marker, but not a glued one
    if len(content) >= _MIN_SPACED_LINE and "-" in content:
        # `(Aug 1919)-President elected …, appoints the chancellor-Reichstag elected …`:
        # a phone's notes, each point glued to the last by its `-`
        joins = [m for m in _DASH_BEFORE_CAPITAL.finditer(content, begin)
                 if _ends_a_point(content[max(0, m.start() - 40):m.start()])]
        if len(joins) >= 3:
            marks.extend((m.start(), m.end(), "-") for m in joins)
            glued += len(joins)
    spaced: list[_Mark] = []
    if len(content) >= _MIN_SPACED_LINE:
        spaced = [(m.start(), m.end(), m.group()) for m in _SPACED_MARK.finditer(content, begin)]
        if not (
            len(spaced) >= _MIN_SPACED_MARKS
            and len(content) <= _MAX_CHARS_PER_SPACED_MARK * len(spaced)
        ):
            spaced = []
    dots = content.count(" • ")  # `Dual Power • shared power … • …`: never text
    if not spaced and not (glued >= 3 or (glued >= 2 and lead) or dots):
        return None
    marks.extend(spaced)
    marks.extend(
        (m.start(), m.end(), _SPACED_ARROW_MARK) for m in _SPACED_ARROW.finditer(content, begin)
    )
    marks.sort()
    # `•` after a space is found by both scans: keep one of each.
    marks = [mark for k, mark in enumerate(marks) if k == 0 or mark[0] != marks[k - 1][0]]
    kept: list[_Mark] = []
    for mark in marks:
        after = kept[-1][1] if kept else 0
        if mark[2] == "-" and _DATE_ONLY.fullmatch(content[after:mark[0]].strip()):
            continue  # `• 30 January 1933 - Hitler appointed …`: a date and its event
        kept.append(mark)
    return kept


def _table_cells(content: str) -> tuple[str, ...]:
    row = content.strip()
    if row.startswith("|"):
        row = row[1:]
    if row.endswith("|") and not row.endswith("\\|"):
        row = row[:-1]
    return tuple(clean_text(cell.replace("\\|", "|")) for cell in _CELL_SPLIT.split(row))


_COLUMN_SPLIT = re.compile(r"\t+|[ ]{3,}")


def _tab_cells(line: str) -> tuple[str, ...]:
    return tuple(clean_text(cell) for cell in _COLUMN_SPLIT.split(line.strip()))


def _line_content(raw: str) -> str:
    end = len(raw)
    if raw.endswith("\r\n"):
        end -= 2
    elif raw and raw[-1] in _LINE_BREAKS:
        end -= 1
    content = raw[:end]
    if _CONTROL_SEARCH.search(content):
        if "\x1b" in content:  # blank out colour codes, keeping offsets
            content = _ANSI_ESCAPE.sub(lambda m: " " * len(m.group()), content)
        content = content.translate(_LINE_TABLE)
    return content


_CUE_HEADER = re.compile(r"\s*(?:cues?|questions?|key ?words?|keys?|topics?)"
                         r"(?:\s?/\s?(?:cues?|questions?|key ?words?|keys?|topics?))?\s*\|\s*"
                         r"(?:notes?|answers?|details?)\s*", re.IGNORECASE)
_CUE_RULE = re.compile(r"\s*[-=_]+[+|][-=_+|]*\s*")


def _is_term_cue(cue: str, notes: str) -> bool:
    """`activity` beside `rate at which …`: a term its notes define, not a title."""
    return bool(notes) and not cue.endswith("?") and len(cue.split()) <= 4 \
        and not re.match(r"\d", cue)


_CUE_MARK = "\x1f"  # in place of the `|` after a Cornell cue: the cue heads the row's notes


def _without_cue_column(text: str) -> str:
    """Notes in two columns parted by one `|` (Cornell notes: a cue, its notes beside and
    under it) with the `|` read as the gap between a term and its meaning, the column
    heads and rules blanked; the same length, so every position stays where it was.
    Markdown tables, with a `|` between every cell, are left alone."""
    if text.count("|") < 4:
        return text
    lines = text.split("\n")
    columns: dict[int, int] = {}
    for line in lines:
        # (a row beside its cue, or a row under it whose cue cell is blank: `    | notes`)
        if line.count("|") == 1 and (line[:1] == " " or line.strip() != "|"
                                     and not line.lstrip().startswith("|")):
            at = line.index("|")
            columns[at] = columns.get(at, 0) + 1
    if not columns:
        return text
    column, count = max(columns.items(), key=lambda item: item[1])
    if count < 4 or column == 0 or count * 2 < sum(columns.values()):
        return text
    titled = False  # the last cue heads its rows, rather than being a term they define
    for i, line in enumerate(lines):
        if _CUE_HEADER.fullmatch(line) or _CUE_RULE.fullmatch(line) and "+" in line:
            lines[i] = " " * len(line)
        elif line.count("|") == 1 and line.find("|") == column:
            cue, notes = line[:column].strip(), line[column + 1:].strip()
            if cue and cue[0] == "(" and cue[-1] == ")":
                cue = ""  # (`(learn all 4!!)` beside a row: the student's remark)
            if cue and not _is_term_cue(cue, notes):
                # `What makes a wave? | …`, `TYPES OF RADIATION |`: a title over its notes,
                # each row a point of its own (the cue is marked to be read so: `_tokenise`)
                lines[i] = line[:column] + _CUE_MARK + line[column + 1:]
                titled = True
            elif cue:  # `activity | rate at which …`: a term beside its meaning
                gap = " " if notes[:1] in "=:-–—→(" else "–"
                lines[i] = line[:column] + gap + line[column + 1:]
                titled = False
            else:  # a row under its cue: a point under a title, more of a term's meaning
                mark = "-" if titled else " " if notes.startswith(("->", "→")) else ";"
                lines[i] = " " * column + mark + line[column + 1:]
    return "\n".join(lines)


def _tokenise(
    text: str, offset: int = 0, first_line: int = 1
) -> tuple[list[_Token], dict[int, list[_Mark]], dict[int, _Row]]:
    """The lines of `text` as tokens, with the markers of each flattened line and the
    cells and header of each table row, by token index."""
    tokens: list[_Token] = []
    flat_marks: dict[int, list[_Mark]] = {}
    rows: dict[int, _Row] = {}
    fenced = False
    lines = text.splitlines(keepends=True)
    table: tuple[str, ...] | None = None  # the open table's header cells
    tab_header: tuple[str, ...] | None = None  # the same, for a table of tab-set columns
    piped = False  # the open table's rows start with `|`
    skip_separator = False
    for index, raw in enumerate(lines):
        lineno = first_line + index
        start = offset
        offset += len(raw)
        if skip_separator:
            skip_separator = False
            tokens.append(_Token("rule", line=lineno, start=start))
            continue
        content = raw.rstrip(_LINE_BREAKS) if raw[-1:] in _LINE_BREAKS else raw
        if _CUE_MARK in content:
            cut = content.index(_CUE_MARK)
            cue = content[:cut]
            title = re.sub(r"\s?[=:–-]\s?\?$", "", cue.strip())  # (`Fetch = ?`)
            tokens.append(_Token("banner", 0, title, start + len(cue) - len(cue.lstrip()),
                                 lineno))
            content = " " * cut + "-" + content[cut + 1:]
        if _CONTROL_SEARCH.search(content):
            content = _line_content(raw)
        stripped = content.strip()
        if not stripped:
            table = tab_header = None
            tokens.append(_Token("blank", line=lineno, start=start))
            continue
        if stripped.startswith(("```", "~~~")):
            fenced = not fenced
            tokens.append(_Token("rule", line=lineno, start=start))
            continue
        if fenced:
            continue
        if _is_page_furniture(stripped.lstrip("-*•+ \t")):
            tokens.append(_Token("blank", line=lineno, start=start))
            continue  # `Skip to content  Menu  Search`, `Advertisement`: the web page, not notes
        glued = _glued_heading(stripped) if "A" <= stripped[0] <= "Z" else 0
        if not glued and "   " in stripped and "A" <= stripped[0] <= "Z":
            gap = _GAP_HEADING.match(stripped)  # `External sources of finance   External …`
            if gap and _GAP_TITLE.fullmatch(gap.group(1)) and not re.search(
                    r"\d", gap.group(1)) and len(stripped[gap.end():].split()) >= 6:
                glued = gap.end()
        if glued:
            # `BackgroundThe Constitution was written …`: a page's heading that lost its
            # line break when copied, over the paragraph it heads
            cut = content.index(stripped[0]) + glued
            tokens.append(_Token("banner", 0, stripped[:glued], start + cut - glued, lineno))
            content, start, stripped = content[cut:], start + cut, stripped[glued:]
            if _is_page_furniture(stripped):
                continue
        lead = len(content) - len(content.lstrip())
        indent = _indent_width(content[:lead])

        if "\t" in stripped or "   " in stripped and "|" not in stripped and "=" not in stripped \
                and not _BULLET.match(content):  # (`5.1 P = V × I   power = pd × current`)
            cells = _tab_cells(stripped)
            if len(cells) >= 3 and tab_header is not None and len(cells) == len(tab_header):
                rows[len(tokens)] = (cells, tab_header)
                tokens.append(_Token("row", indent, " | ".join(cells), start + lead, lineno))
                continue
            # (how many cells the next two lines hold, to tell a header from a lone line)
            following = [len(_COLUMN_SPLIT.split(lines[k].strip()))
                         for k in range(index + 1, min(index + 3, len(lines)))]
            width = following[0] if following else 0
            if lead >= 4 and len(cells) + 1 == width:
                cells = ("", *cells)  # (`        1st (puella)    2nd m (servus)`: no corner)
            if len(cells) >= 3 and width == len(cells) and (
                    "\t" in stripped or len(following) == 2 and following[1] == width):
                # columns set by tabs or lined up with spaces, as a table copied off a web
                # page comes, or typed: its header
                tab_header = cells
                tokens.append(_Token("rule", line=lineno, start=start))
                continue
        tab_header = None
        if "|" in stripped:
            if table is not None and (stripped.startswith("|") or not piped):
                cells = _table_cells(content)
                first = len(content) - len(content.lstrip(" \t|"))
                rows[len(tokens)] = (cells, table)
                tokens.append(_Token("row", indent, " | ".join(cells), start + first, lineno))
                continue
            following = _line_content(lines[index + 1]) if index + 1 < len(lines) else ""
            if "|" in following and "-" in following and _TABLE_SEPARATOR.match(following):
                table, piped, skip_separator = _table_cells(content), stripped.startswith("|"), True
                tokens.append(_Token("rule", line=lineno, start=start))
                continue
            if stripped.startswith("|") and stripped.endswith("|") and stripped.count("|") >= 3:
                table, piped = (), True  # a table without a header row
                cells = _table_cells(content)
                first = len(content) - len(content.lstrip(" \t|"))
                rows[len(tokens)] = (cells, table)
                tokens.append(_Token("row", indent, " | ".join(cells), start + first, lineno))
                continue
        table = None

        marks = _flat_markers(content)
        if marks is not None:
            flat_marks[len(tokens)] = marks
            tokens.append(_Token("flat", text=content, start=start, line=lineno))
            continue

        m = _ATX.match(content)
        if m and not (tokens and tokens[-1].indent >= 4 and content[m.end():m.end() + 1].islower()):
            # (`    print(i * 2)` over `# outputs 2 4 6 8 10`: a code comment, no title)
            title = _atx_title(content, m)
            tokens.append(
                _Token("heading", indent, title, start + m.end(), lineno, level=len(m.group(1)),
                       marker="#")
            )
            continue

        if len(stripped) >= 2 and lead <= 3 and stripped.strip("=") == "":
            if tokens and tokens[-1].kind == "para":
                tokens[-1].kind, tokens[-1].level = "heading", 1
            continue
        if len(stripped) >= 3 and stripped[0] in "-*_" and not stripped.strip(
                stripped[0] + " \t"):
            if stripped[0] == "-" and tokens and tokens[-1].kind == "para" \
                    and tokens[-1].indent <= 3 and len(tokens[-1].text.split()) <= 12:
                tokens[-1].kind, tokens[-1].level = "heading", 2
            else:
                tokens.append(_Token("rule", line=lineno, start=start))
            continue
        m = _BULLET.match(content)
        if m:
            pos = m.end()
            more = _MORE_MARKERS.match(content, pos)
            if more:
                pos = more.end()
            box = _CHECKBOX.match(content, pos)
            if box:
                pos = box.end()
            marker = content[lead]
            tokens.append(
                _Token(
                    "bullet",
                    indent + 2 if marker == "o" else indent,  # (a level below `•`, unindented)
                    content[pos:],
                    start + pos,
                    lineno,
                    # (`2.1 Consuls`, a numbered part of a numbered part: "1.1")
                    marker=marker if not marker.isdigit() else "1.1" if _DECIMAL_MARK.match(
                        content, lead) else "1",
                )
            )
            continue

        m = _BANNER.match(content) if stripped[0] in "=-~" else None
        if m:
            tokens.append(_Token("banner", indent, m.group(2), start + m.start(2), lineno))
            continue

        marker = "=>" if stripped.startswith("=>") else ""
        tokens.append(_Token("para", indent, stripped, start + lead, lineno, marker=marker))
    return tokens, flat_marks, rows


# A copied page's heading glued to its paragraph: title words, then a lower-case letter
# straight before the capital that starts the paragraph (`Key CasesMarbury v Madison …`).
_GLUED_HEADING = re.compile(
    r"[A-Z][\w'’-]*(?:\s[\w'’-]+){0,6}?(?:[a-z]{2}|\s[12][0-9]{3})"
    r"(?=(?P<next>[A-Z][a-z]+)(?:\s\S+){3})")
# Names and brands written with a capital inside them, not a heading glued to its text
_INNER_CAPITALS = re.compile(r"(?:Mc|Mac|Van|Von|De|Di|Du|La|Le|O’|O')$|^(?:You|Power|Java|Linked"
                             r"|Whats|Play|Black|Fed|Deep|Pay|Drop|Face|Post|Share|Smart)$")
_INNER_WORDS = frozenset("List Map Set Builder Script Point Tube App Book Station Card Press Base "
                         "Space Hub Lab Net Soft Ware Works Pal Box Mind Coopers Collins".split())


def _glued_heading(line: str) -> int:
    """Where a heading glued to the start of `line` ends, or 0."""
    m = _GLUED_HEADING.match(line)
    if not m or m.group("next") in _INNER_WORDS:
        return 0
    return 0 if _INNER_CAPITALS.search(m.group().rsplit(None, 1)[-1]) else m.end()


# ---------------------------------------------------------------------------- building

_MAX_TITLE = 200
_MAX_HEADING_WORDS = 16
_MAX_INTRO_DEPTH = 3


@dataclass(slots=True)
class _Open:
    level: int
    section: Section


class _Builder:
    def __init__(self) -> None:
        root = Section(title="", path=(), level=0, position=0, line=1)
        self.outline = Outline(root=root)
        self.headings: list[_Open] = []
        self.nest: list[tuple[int, Bullet]] = []
        self.labels_are_topics = False
        self.label_parents: set[int] = set()  # short title lines over indented points
        self.parts: dict[int, list[str]] = {}  # id(bullet) → raw text pieces
        self.md_level = 0

    # -- sections

    @property
    def section(self) -> Section:
        return self.headings[-1].section if self.headings else self.outline.root

    def explicit_level(self) -> int:
        for open_ in reversed(self.headings):
            if open_.section.explicit:
                return open_.level
        return 0

    def open_section(
        self,
        raw: str,
        level: int,
        position: int,
        line: int,
        *,
        explicit: bool,
        numbered: bool = False,
    ) -> Section | None:
        self.nest.clear()
        raw = raw.strip()
        number = _NUMBER_PREFIX.match(raw)
        if number:  # `## 1) definitions`: the number orders the sections, it is no title
            raw, numbered = raw[number.end() :], True
        title = clean_text(raw)
        intro = title.endswith(":")
        title = title.rstrip(":").rstrip()
        remark = _TITLE_REMARK.search(title)
        if remark and remark.start() > 0:
            title = title[: remark.start()]  # `Suffragists vs suffragettes (DONT mix these up)`
        if len(title) > _MAX_TITLE:
            title = title[:_MAX_TITLE].rstrip() + "…"
        if not _has_alnum(title):
            return None
        while self.headings and self.headings[-1].level >= level:
            self.headings.pop()
        parent = self.section
        section = Section(
            title=title,
            path=(*parent.path, title),
            level=level,
            position=position,
            line=line,
            explicit=explicit,
            intro=intro,
            numbered=numbered,
        )
        parent.sections.append(section)
        self.outline.sections.append(section)
        self.headings.append(_Open(level, section))
        return section

    # -- bullets

    def add_bullet(
        self,
        raw: str,
        position: int,
        line: int,
        *,
        indent: int = 0,
        prose: bool = False,
        nested: bool = True,
        numbered: bool = False,
        cells: tuple[str, ...] = (),
        header: tuple[str, ...] = (),
        sign: str = "",
    ) -> Bullet:
        parent: Bullet | None = None
        if nested:
            while self.nest and self.nest[-1][0] >= indent:
                self.nest.pop()
            parent = self.nest[-1][1] if self.nest else None
        else:
            self.nest.clear()
        section = self.section
        if parent is None:
            topic = section.path
        elif parent.intro and len(parent.topic) - len(section.path) < _MAX_INTRO_DEPTH:
            topic = (*parent.topic, parent.text)
        elif (self.labels_are_topics or id(parent) in self.label_parents
              or len(self.parts[id(parent)][0].split()) <= 3) \
                and len(self.parts[id(parent)]) == 1 \
                and len(parent.topic) - len(section.path) < _MAX_INTRO_DEPTH \
                and _is_label(self.parts[id(parent)][0]):
            # (in an outline by indentation, `erosion` over `hydraulic action` is a title)
            topic = (*parent.topic, clean_text(self.parts[id(parent)][0]))
        else:
            topic = parent.topic
        intro = len(raw) <= _MAX_TITLE and raw.rstrip().endswith(":")
        bullet = Bullet(
            text="",
            topic=topic,
            position=position,
            line=line,
            prose=prose,
            intro=intro,
            parent=parent,
        )
        if numbered:
            bullet.numbered = True
        bullet.sign = sign
        if cells:
            bullet.cells, bullet.header = cells, header
        if intro:
            # Children need the finished title for their topic now.
            bullet.text = clean_text(raw).rstrip(":").rstrip()
            bullet.intro = _has_alnum(bullet.text)
        self.parts[id(bullet)] = [raw]
        if parent is None:
            section.bullets.append(bullet)
        else:
            parent.children.append(bullet)
        self.outline.bullets.append(bullet)
        if nested or prose:
            # A prose line takes the lines indented under it (`-> so...`, `eg ...`).
            self.nest.append((indent, bullet))
        return bullet

    def finish(self) -> Outline:
        kept: list[Bullet] = []
        for bullet in self.outline.bullets:
            raw = " ".join(self.parts.pop(id(bullet))).replace(" ; ", "; ")
            if not bullet.intro:
                bullet.text = clean_text(raw).rstrip(":").rstrip()
            if _has_alnum(bullet.text):
                kept.append(bullet)
        if len(kept) != len(self.outline.bullets):
            dropped = {id(b) for b in self.outline.bullets} - {id(b) for b in kept}
            for section in self.outline.sections + [self.outline.root]:
                section.bullets = [b for b in section.bullets if id(b) not in dropped]
            for bullet in kept:
                if bullet.children:
                    bullet.children = [b for b in bullet.children if id(b) not in dropped]
            self.outline.bullets = kept
        return self.outline


def parse_notes(text: str, *, offset: int = 0, first_line: int = 1) -> Outline:
    """Parse notes text into an `Outline`. Never raises on any input; pure.

    `offset` and `first_line` say where `text` starts in a longer file (see
    `split_notes`), so positions and lines are the file's.
    """
    tokens, flat_marks, rows = _tokenise(_without_cue_column(text), offset, first_line)
    builder = _Builder()
    title_at = _title_index(tokens)
    last_structure = -1
    prose_tokens: list[tuple[int, Bullet]] = []
    widths = _block_widths(tokens)
    outline_by_indent = _is_indented_outline(tokens)
    arrow_led: set[int] = set()  # points written as `-> …` lines of their own
    builder.labels_are_topics = builder.outline.indented = outline_by_indent
    previous: Bullet | None = None  # the item the last non-blank line added to
    previous_kind = "blank"
    before: _Token | None = None  # the last line with content before this one

    flat_depth = 0  # the open headings before the last flattened line
    for i, tok in enumerate(tokens):
        kind = tok.kind
        if kind in ("blank", "rule"):
            previous_kind = kind
            continue
        before, after_before = tok, before
        if kind == "heading":
            section = builder.open_section(tok.text, tok.level, tok.start, tok.line, explicit=True)
            if section is not None:
                builder.md_level = tok.level
                section.top = tok.marker == "#" and tok.level == 1
            last_structure, previous, previous_kind = i, None, kind
            continue
        if kind == "banner":
            builder.open_section(tok.text, builder.md_level + 1, tok.start, tok.line, explicit=True)
            last_structure, previous, previous_kind = i, None, "heading"
            continue
        if kind == "row":
            cells, header = rows[i]
            builder.add_bullet(
                tok.text, tok.start, tok.line, nested=False, cells=cells, header=header
            )
            last_structure, previous, previous_kind = i, None, kind
            continue
        if kind == "flat":
            builder.outline.flattened = True
            if i and tokens[i - 1].kind == "blank" and after_before is not None \
                    and after_before.kind in ("para", "bullet"):
                # `Opposition groups before 1917` over plain lines, then a blank line and a
                # flattened `February Revolution 1917 => …`: the plain title is over
                while builder.headings and not builder.headings[-1].section.explicit \
                        and builder.headings[-1].section.bullets:
                    builder.headings.pop()
            flat_depth = len(builder.headings)
            _read_flat_line(builder, tok, flat_marks[i])
            last_structure, previous, previous_kind = i, None, kind
            continue
        if i == title_at:
            if builder.open_section(tok.text, 1, tok.start, tok.line, explicit=True):
                builder.md_level = 1
            last_structure, previous, previous_kind = i, None, "heading"
            continue
        follower = _next_content(tokens, i)
        top = builder.nest[-1] if builder.nest else None
        if top is not None and tok.indent > top[0] and kind == "para":
            arrow = _SUB_ARROW.match(tok.text)
            if arrow or _EXAMPLE.match(tok.text):
                # `-> so...` or `eg ...` under a line: an item of its own, below that line.
                cut = arrow.end() if arrow else 0
                previous = builder.add_bullet(
                    tok.text[cut:], tok.start + cut, tok.line, indent=tok.indent
                )
                last_structure, previous_kind = i, "bullet"
                continue
        level = _marker_heading_level(tok, follower)
        if level:
            title = tok.text[2:] if tok.marker == "=>" else tok.text
            builder.open_section(
                title, builder.md_level + level, tok.start, tok.line, explicit=True
            )
            last_structure, previous, previous_kind = i, None, "heading"
            continue
        if kind == "bullet":
            numbered = tok.marker in ("1", "1.1")
            if numbered and _is_numbered_heading(tok, after_before, follower):
                # under the title above it (`A. BIOLOGICAL THEORIES` over `1) Lombroso …`),
                # beside the numbered title before it
                while builder.headings and not builder.headings[-1].section.explicit \
                        and not builder.headings[-1].section.numbered \
                        and not _is_caps_title(builder.headings[-1].section.title):
                    builder.headings.pop()  # (`Key dates at a glance` is beside `1. …`)
                top = builder.headings[-1] if builder.headings else None
                level = builder.md_level + 1
                if top is not None and top.level >= level:
                    level = top.level if top.section.numbered else top.level + 1
                builder.open_section(
                    tok.text, level, tok.start, tok.line, explicit=True, numbered=True,
                )
                last_structure, previous, previous_kind = i, None, "heading"
                continue
            previous = builder.add_bullet(
                tok.text, tok.start, tok.line, indent=tok.indent, numbered=numbered,
                sign={"+": "+", "-": "-", "–": "-"}.get(tok.marker, ""),
            )
            last_structure, previous_kind = i, kind
            continue

        # A plain line: part of the bullet above, a heading for the bullets below, or prose.
        text = tok.text
        arrow = _ARROW_LEAD.match(text) if tok.indent == 0 else None
        if arrow:
            # `-> rapid industrialisation` after a point: what it led to; after a title or
            # another such line: a point of its own, the arrow its mark
            if previous is not None and previous_kind in ("bullet", "para") \
                    and id(previous) not in arrow_led \
                    and len(builder.parts[id(previous)][-1].split()) >= 3:  # (not `3. Agriculture`)
                builder.parts[id(previous)].append(text)
                continue
            previous = builder.add_bullet(text[arrow.end():], tok.start + arrow.end(), tok.line,
                                          indent=tok.indent, prose=True, nested=False)
            arrow_led.add(id(previous))
            last_structure, previous_kind = i, "para"
            continue
        under_label = tok.indent > 0 and any(id(b) in builder.label_parents and at < tok.indent
                                             for at, b in builder.nest)
        if (
            top is not None
            and (tok.indent > top[0] or outline_by_indent and tok.indent > 0
                 and not _is_caps_title(text) or under_label)
            and not (text.endswith(":") and follower is not None and follower.indent > tok.indent)
        ):
            last = builder.parts[id(top[1])][-1].rstrip()
            titled = len(builder.parts[id(top[1])]) == 1 and _is_title_label(last) \
                and len(text.split()) >= 3 or under_label
            if titled:
                builder.label_parents.add(id(top[1]))  # `PLOTS` over its indented lines
            asked = builder.parts[id(top[1])][0].rstrip().endswith("?")  # (its answers)
            if (_STANDS_ALONE.match(text) and not asked or titled or outline_by_indent
                    and last.rsplit(None, 1)[-1] not in _OPEN_ENDINGS) \
                    and not last.endswith((",", "-", "+", "&", "(")):
                # `  hidden curriculum = the lessons …` under a line: a point of its own, and
                # in notes written as an outline by indentation alone, every line is one
                previous = builder.add_bullet(text, tok.start, tok.line, indent=tok.indent)
                last_structure, previous_kind = i, "bullet"
                continue
            parts = builder.parts[id(top[1])]
            if len(parts) >= 2 and parts[0].endswith("?") and parts[-1][-1:].isalnum():
                parts[-1] += ";"  # the points answering a question line, one by one
            parts.append(text)
            previous_kind = "bullet"
            continue
        after_blank = i == 0 or tokens[i - 1].kind in ("blank", "rule")
        if _is_paragraph_heading(
            tok,
            follower,
            immediate=follower is tokens[i + 1] if i + 1 < len(tokens) else False,
            after_blank=after_blank,
        ):
            if after_blank and after_before is not None and after_before.kind == "flat":
                # A flattened line's own sections end with it: a title set apart after
                # it stands beside them, not inside its last one.
                del builder.headings[flat_depth:]
            while builder.headings and builder.headings[-1].section.numbered \
                    and tok.indent == 0 and _is_caps_title(text):
                builder.headings.pop()  # `B. PSYCHOLOGICAL THEORIES` after `9) Freud …`
            said = _LAST_SENTENCE.search(text) if text.endswith(":") else None
            if _UNIT_LABEL.match(text):
                # `Part C - Depression`: a part of the whole notes, beside the one before it
                builder.open_section(text, builder.md_level + 1, tok.start, tok.line,
                                     explicit=True)
            elif said:
                # `Conformity is when … . Kelman (1958) said there are 3 types:`: the
                # statement before the title is a point of its own
                builder.add_bullet(text[: said.start() + 1], tok.start, tok.line, prose=True,
                                   nested=False)
                cut = said.end()
                builder.open_section(text[cut:], builder.explicit_level() + 1, tok.start + cut,
                                     tok.line, explicit=False)
            else:
                builder.open_section(
                    text, builder.explicit_level() + 1, tok.start, tok.line, explicit=False
                )
            last_structure, previous, previous_kind = i, None, "heading"
            continue
        if (
            previous is not None
            and previous_kind in ("bullet", "para")
            and _continues(builder.parts[id(previous)][-1], text, widths[i])
        ):
            builder.parts[id(previous)].append(text)
            continue
        previous = builder.add_bullet(
            text, tok.start, tok.line, indent=tok.indent, prose=True, nested=False
        )
        prose_tokens.append((i, previous))
        previous_kind = "para"

    sections = builder.outline.sections
    headed = (
        last_structure >= 0
        and tokens[last_structure].kind != "flat"
        and bool(sections)
        and sections[-1].line == tokens[last_structure].line
    )
    if last_structure >= 0 and not headed:
        # Prose after the last bullet, set apart by a blank line, is not part of the
        # notes (a web page's advert or footer, say): it gives no cards. Lines that
        # all read like facts (a number, a `term: meaning`) stay notes, and so does
        # prose under a heading: that is the section's text.
        gap = next(
            (
                k
                for k in range(last_structure + 1, len(tokens))
                if tokens[k].kind in ("blank", "rule")
            ),
            len(tokens),
        )
        trailing = [bullet for i, bullet in prose_tokens if i > gap]
        lines = [" ".join(builder.parts[id(bullet)]).rstrip() for bullet in trailing]
        if not all(_NOTE_LIKE.search(line) and line[-1:] not in "!?" for line in lines):
            for bullet in trailing:
                bullet.detached = True
    return builder.finish()


# The break before a title's last sentence (`… group pressure. Kelman (1958) said …:`)
_LAST_SENTENCE = re.compile(r"[a-z)][.!?]\s+(?=[A-Z][^.!?]*:$)")
# Signs that a line is notes, not page furniture: a number, or a term and its meaning.
_NOTE_LIKE = re.compile(r"[0-9]|[^\W_][:=]|\s[-–—=:→]\s|->|=>")
# An indented line that is a point of its own, not the line above run on: a term and its
# meaning, or a study and its finding.
_STANDS_ALONE = re.compile(r"[^\s=:,(][^=:,(]{1,39}?(?:\s=\s|:\s)|[a-z][a-z ]{2,30}\s[–—]\s"
                           r"|[A-Z][\w’'-]+(?:\s(?:\+|&|and)\s[A-Z][\w’'-]+)?(?:\set al\.?)?"
                           r"\s\(\d{4}\)")
_SUB_ARROW = re.compile(r"(?:->|→|=>|⇒)[ \t]*(?=\S)")
_EXAMPLE = re.compile(r"(?:e\.g\.|eg\b|e\.g\b)", re.IGNORECASE)
_MAX_TITLE_WORDS = 15
_MAX_NUMBERED_HEADING_WORDS = 10


def _title_index(tokens: list[_Token]) -> int:
    """The index of the file's title line, or -1.

    A first line that is no heading, bullet or table, set apart by a blank line from
    notes that have some structure (bullets, headings, a table), titles the file.
    """
    first = next((k for k, tok in enumerate(tokens) if tok.kind != "blank"), -1)
    if first < 0 or first + 1 >= len(tokens) or tokens[first + 1].kind != "blank":
        return -1
    tok = tokens[first]
    text = tok.text
    if (
        tok.kind != "para"
        or tok.marker
        or tok.indent > 3
        or len(text) > 100
        or len(text.split()) > _MAX_TITLE_WORDS
        or text[-1] in ".,;!?"
        or text[0] == "#"
        or text[0] == "(" and text[-1] == ")"  # (`(copied from a site - check!!)`: an aside)
        or _NOTE_LIKE_TITLE.search(text)
    ):
        return -1
    following = next((other for other in tokens[first + 1 :] if other.kind != "blank"), None)
    if (
        following is not None
        and following.marker != "1"  # a numbered line below may be a heading
        and _TERM_SEPARATOR.search(text)
        and _TERM_SEPARATOR.search(following.text)
    ):
        return -1  # `la maison - the house` above more pairs is the first of them
    structured = ("bullet", "row", "heading", "banner", "flat")
    if any(other.kind in structured for other in tokens[first + 2 :]):
        return first
    return -1


_NOTE_LIKE_TITLE = re.compile(r"[^\W_][:=]|\s=\s|->|=>|→")


def _is_numbered_heading(tok: _Token, before: _Token | None, follower: _Token | None) -> bool:
    """A numbered line that heads what follows it (`1. Animal and plant cells – the basics`).

    Not when it is one of a run of numbered items (the steps of a method), nor when it
    is too long or reads as a sentence to be a title.
    """
    text = tok.text.rstrip()
    if (
        not text
        or follower is None
        or tok.indent > 3
        or len(text) > 80
        or len(text.split()) > _MAX_NUMBERED_HEADING_WORDS
        or text[-1] in ".,;"
        or follower.kind not in ("bullet", "para", "row", "flat")
    ):
        return False
    if follower.kind == "bullet" and follower.marker == tok.marker \
            and follower.indent <= tok.indent:
        return False
    wrapped = follower.kind == "para" and follower.indent <= tok.indent
    if wrapped and _continues(text, follower.text):
        return False  # an item wrapped onto the next line, not a title
    run = before is not None and before.kind == "bullet" and before.marker == tok.marker == "1"
    return not (run and before.indent == tok.indent)


def _marker_heading_level(tok: _Token, follower: _Token | None) -> int:
    """1 or 2 if `tok` is a `=> Section` or `* Sub-topic` line of arrow-and-star notes, else 0.

    Some notes mark sections with `=>` and sub-topics with `*` at the start of a line,
    bullets with `-`. A `*` line counts as a heading only when `-` bullets follow it at
    the same indent, since in Markdown `*` is an ordinary bullet.
    """
    if follower is None or tok.marker not in ("=>", "*"):
        return 0
    if len(tok.text.split()) > _MAX_HEADING_WORDS:
        return 0
    if tok.marker == "=>" and tok.kind == "para" and tok.indent <= 3:
        opens = follower.kind in ("bullet", "flat") or follower.marker == "=>"
        return 1 if opens and _has_alnum(tok.text) else 0
    if tok.marker == "*" and tok.kind == "bullet":
        same_level = follower.kind == "bullet" and follower.indent == tok.indent
        return 2 if same_level and follower.marker in ("-", "•", "–") else 0
    return 0


def _next_content(tokens: list[_Token], i: int) -> _Token | None:
    for k in range(i + 1, min(i + 50, len(tokens))):
        if tokens[k].kind not in ("blank", "rule"):
            return tokens[k]
    return None


_UNIT_LABEL = re.compile(
    r"(?!.*\b(?:paper\s\d|section\s[A-Z]\b|revision|exam)\b)"
    r"(?:key\s)?(?:topic|unit|chapter|section|part|module|lesson|theme|paper|component)"
    r"\s(?:\d{1,2}|[IVX]{1,4}|[A-H])[a-z]?(?::|\s[-–—]|\.)?\s+[A-Z][^.!?]*$"
    # an essay plan's points: `POINT 2 - how a tax corrects it`, `(maybe) Para 5: …`
    r"|(?:\([a-z ]{2,12}\)\s)?(?:point|para(?:graph)?)\s\d{1,2}(?:\s?[-–—:]\s[^.!?]+)?$",
    re.IGNORECASE)


_EXAMPLE_LEAD = re.compile(r"(?:e\.g\.?|eg)\s", re.IGNORECASE)
_CODE_LINE = re.compile(r"(?:for|while|if|elif|else|def|class|try|except|with)\b[^:]*"
                        r"(?:\(|\b(?:in|range|==|!=|<|>)\b)[^:]*:\s*$|(?:else|try):\s*$")


def _is_paragraph_heading(
    tok: _Token, follower: _Token | None, *, immediate: bool, after_blank: bool = False
) -> bool:
    text = tok.text
    words = len(text.split())
    if _BOLD_LINE.match(text) and words <= _MAX_HEADING_WORDS and follower is not None:
        return True
    if follower is None or _CODE_LINE.match(text) or _EXAMPLE_LEAD.match(text) \
            or text[0] == "(" and text[-1] == ")":
        # (`for i in range(1, 6):` over its indented body: code; `e.g. (copied from
        # board):` leads an example, no title of what follows)
        return False
    aside = _TITLE_ASIDE.search(text)
    # (`Why did women get the vote in 1918? (6/12 marker - teacher says …)`: the title is
    # what comes before the student's aside)
    bare = text[: aside.start()] if aside and aside.start() > 0 else text
    bare_words = len(bare.split())
    if follower.kind != "heading" and words <= _MAX_TITLE_WORDS and _UNIT_LABEL.match(text):
        return True  # `Key Topic 1: The early settlement of the West`
    if follower.kind != "heading" and _is_caps_title(bare) and not _DOES_AFTER_DASH.search(bare):
        # (`GRAMMAR 2 - present subjunctive (grade 8/9 stuff, …)`, but not
        # `DELETE FROM - removes records (… lol)`: what a keyword does)
        return True
    if bare.endswith("?") and bare_words <= _MAX_TITLE_WORDS and follower.kind in (
            "bullet", "flat") and not _TERM_SEPARATOR.search(bare):
        return True  # a question the points under it answer
    if (after_blank and follower.kind == "para"
            and (1 <= bare_words <= 6 or bare.endswith("?") and bare_words <= _MAX_TITLE_WORDS)
            and bare[-1] not in ".,;:" and not _TERM_SEPARATOR.search(bare)
            and not re.search(r"[\d=]", bare) and len(follower.text.split()) >= 15):
        return True  # a short title, or a question, set apart above a paragraph about it
    if (
        text.endswith(":")
        and words <= _MAX_COLON_HEADING_WORDS
        and follower.kind in ("para", "row")
        and follower.indent >= tok.indent
    ):
        return True
    if (
        immediate
        and after_blank
        and follower.kind == "para"
        and words <= _MAX_COLON_HEADING_WORDS
        and text[-1] not in ".,;"
        and not _TERM_SEPARATOR.search(text)
        and "=" not in text
        and _TERM_SEPARATOR.search(follower.text)
    ):
        return True  # `where is it? (prepositions)` over lines of `term = meaning`
    if follower.kind not in ("bullet", "flat"):
        return False
    if text.endswith(":") and words <= 2 * _MAX_HEADING_WORDS:
        return True
    if (
        follower.kind == "bullet"
        and follower.indent > tok.indent
        and words <= _MAX_HEADING_WORDS
        and not _TERM_SEPARATOR.search(text)  # `rain: 341 mm` is a fact, not a title
    ):
        return True
    return (
        immediate
        and words <= 8
        and len(text) <= 80
        and text[-1] not in ".,;"
        and "=" not in text  # `tan θ = opp / adj` is a formula, not a title
        and not _TERM_SEPARATOR.search(text)  # nor is `rain: 341 mm` one
    )


_MAX_COLON_HEADING_WORDS = 8
# A student's remark after a title: `(6/12 marker - teacher says …)`, `(learn!!)`
_TITLE_REMARK = re.compile(r"\s*\([^()]*(?:\b(?:teacher|sir|miss|marks?|marker|mock|exam|revise"
                           r"|learn|don'?t|check|lol)\b|!|\?\?)[^()]*\)$", re.IGNORECASE)
_TITLE_ASIDE = re.compile(r"\s\([^()]*\)$")
_DOES_AFTER_DASH = re.compile(r"\s[-–—]\s[a-z]+s\b")
_CAPS_HEAD_END = re.compile(r"\s[-–—]\s|[(\[/:]")
_MIN_CAPS_LETTERS = 6


def _is_caps_title(text: str) -> bool:
    """An ALL CAPS title (`RIVERS + FLOODING (paper 1 physical)`), not an acronym and its meaning.

    The words before any bracket or dash are capitals: two words or more, or the
    whole line, so `IMAP – Internet Message Access Protocol` is not a title.
    """
    if len(text) > 80 or len(text.split()) > _MAX_NUMBERED_HEADING_WORDS or text[-1] in ".!?,;":
        return False
    if "=" in text or ":" in text.rstrip(":"):
        return False
    head = _CAPS_HEAD_END.split(text, maxsplit=1)[0]
    letters = [ch for ch in head if ch.isalpha()]
    # (`GRAMMAR 1 - deber + infinitive`: a numbered label counts its number as a word)
    words = sum(1 for word in head.split() if any(ch.isalnum() for ch in word))
    return (
        len(letters) >= _MIN_CAPS_LETTERS
        and all(ch.isupper() for ch in letters)
        and (words >= 2 or head.strip() == text.strip())
    )


# Words that leave a sentence open: a line after one of them carries it on.
_OPEN_ENDINGS = frozenset({
    "a", "an", "and", "as", "at", "but", "by", "for", "from", "in", "into", "of", "on", "or",
    "than", "that", "the", "to", "which", "who", "with",
})
_WRAP_SLACK = 15
_NEW_SENTENCE_END = re.compile(r"[a-z)][.!?]\s+[A-Z]?[\w’']+$")
_WRAP_WIDTH = 70
_WRAP_FIT = 2  # (a line wrapped by hand may stop a little short of the width)
_TERM_SEPARATOR = re.compile(r"\s[-–—=→]\s|[^\W_]:\s|\s->\s")


def _is_title_label(line: str) -> bool:
    """`PLOTS`, `Key people:`: a title of a word or two, over the lines indented under it."""
    text = line.strip().rstrip(":")
    return 0 < len(text.split()) <= 3 and (text.isupper() or line.strip().endswith(":")) \
        and _is_label(text)


def _is_label(line: str) -> bool:
    """A line of a few words that names what the lines under it are about."""
    text = line.strip()
    return 0 < len(text.split()) <= 5 and not _TERM_SEPARATOR.search(text) \
        and not re.search(r"[\d=,;.]", text)


def _is_indented_outline(tokens: list[_Token]) -> bool:
    """Notes written as an outline by indentation alone, with no bullet marks (a mind map
    typed with tabs): many short plain lines at three or more depths."""
    plain = [t for t in tokens if t.kind == "para"]
    indented = [t for t in plain if t.indent > 0]
    bullets = sum(1 for t in tokens if t.kind == "bullet")
    if len(indented) < 8 or bullets * 4 > len(plain):
        return False
    lengths = sorted(len(t.text) for t in plain)
    return len({t.indent for t in plain}) >= 3 and lengths[len(lengths) // 2] <= 60


def _block_widths(tokens: list[_Token]) -> list[int]:
    """For each line, the longest line of the block it stands in (lines between blank ones):
    the width a block wrapped at a fixed width was wrapped at, or wider."""
    widths = [0] * len(tokens)
    start = 0
    for i in range(len(tokens) + 1):
        if i == len(tokens) or tokens[i].kind in ("blank", "rule"):
            width = max((len(t.text) for t in tokens[start:i]), default=0)
            widths[start:i] = [width] * (i - start)
            start = i + 1
    return widths


def _continues(before: str, line: str, width: int = 0) -> bool:
    """A hard-wrapped line: the text before it runs on into a lowercase word.

    A line that holds a term and its meaning of its own (`la cuisine: kitchen`,
    `le lit - bed`) is an item of its own, unless the line before stopped mid-phrase.
    Where the block's `width` is known, text wrapped at a fixed width breaks a line only
    where its next word would not have fitted.
    """
    before = before.rstrip()
    if not before or before[-1] in ".?!:;":
        return False
    first = line.split()[0] if line.split() else ""
    if width and len(before) + 1 + len(first) <= width - _WRAP_FIT \
            and before.rsplit(None, 1)[-1] not in _OPEN_ENDINGS:
        return False  # (`… only partly oxidised` / `happens when …`: two lines, two points)
    if width and len(before) >= _WRAP_WIDTH and len(before.split()) >= 12 \
            and _TERM_SEPARATOR.search(before) is None and (
            line[:1] == "(" or line[:1].islower() and re.search(r"\s(?:->|=>|→)\s", line)):
        return True  # its first word did not fit: wrapped, even as `work -> this weakened …`
    if not line[:1].islower():
        # `… probably carried on a ship from Gascony. It` / `spread really quickly …`: a
        # paragraph wrapped at a fixed width runs on into a capital too
        # (the line before stops in a sentence it began: `… from Gascony. It`, `… of Saturn,`)
        return (len(before) >= _WRAP_WIDTH and line[:1].isupper()
                and (_NEW_SENTENCE_END.search(before) is not None or before[-1] == ","
                     or width > 0 and before.rsplit(None, 1)[-1] in _OPEN_ENDINGS)
                and _TERM_SEPARATOR.search(line) is None and len(before.split()) >= 12
                and len(line) <= len(before) + _WRAP_SLACK)
    if before.rsplit(None, 1)[-1] in _OPEN_ENDINGS:
        # (`sich freuen auf = to look forward to` over another pair: two items)
        return not (_TERM_SEPARATOR.search(line) and _TERM_SEPARATOR.search(before))
    # Text wrapped at a fixed width: a long line, then one no longer than it that
    # holds no meaning of its own. Shorter lines are items written one a line.
    return (
        len(before) >= _WRAP_WIDTH
        and _TERM_SEPARATOR.search(line) is None
        and len(line) <= len(before) + _WRAP_SLACK
    )


# ---------------------------------------------------------------------------- flattened


_Segment = tuple[str | None, int, int]  # a flattened line's piece: its marker, start, end
_GLOSS_NAME = re.compile(r"[A-Z][\w'’.&-]*"
                         r"(?:\s(?:[A-Z][\w'’.&-]*|of|the|de|and|\([^()]{1,20}\))){0,5}")
_GLOSS_PAIR = re.compile(r"[A-Z][\w'’.&-]*(?:\s(?:[A-Z][\w'’.&-]*|of|the|de|and)){0,4}"
                         r"\s[-–—]\s[a-z].+")
_GLOSS_TITLE = re.compile(r"(?P<title>.*\b[a-z][\w-]*)\s(?P<name>[A-Z][^a-z\s]?.*)$")
_MAX_GLUED_TITLE_WORDS = 4


def _glossary_pairs(content: str, segments: list[_Segment]) -> list[_Segment]:
    """A glossary run together on one line, each name kept with its meaning and a title
    glued to the first name split off: `Key people Oliver Cromwell - leader of … - John
    Pym - leader of …` (the pieces alternate a name and a lowercase meaning) or `Key words
    Royalist - supporter of the king • Regicide - the killing of a king` (each piece a
    pair)."""
    if len(segments) < 3 or segments[0][0] is not None or any(
            marker not in ("-", "•") for marker, _, _ in segments[1:]):
        return segments
    texts = [content[start:end].strip() for _, start, end in segments]
    first_start, first_end = segments[0][1], segments[0][2]
    if all(_GLOSS_PAIR.fullmatch(text) for text in texts[1:]):
        glued = _GLOSS_TITLE.match(texts[0].partition(" - ")[0])
        if glued is None or len(glued.group("title").split()) > _MAX_GLUED_TITLE_WORDS or \
                not _GLOSS_PAIR.fullmatch(texts[0][glued.start("name"):]):
            return segments
        at = first_start + content.index(texts[0][glued.start("name"):], first_start)
        return [(None, first_start, at), ("-", at, first_end), *segments[1:]]
    if len(segments) < 6 or len(segments) % 2:
        return segments
    glued = None if _GLOSS_NAME.fullmatch(texts[0]) else _GLOSS_TITLE.match(texts[0])
    if glued is not None:
        if len(glued.group("title").split()) > _MAX_GLUED_TITLE_WORDS:
            return segments
        texts[0] = glued.group("name")
    for name, meaning in zip(texts[::2], texts[1::2], strict=True):
        if not _GLOSS_NAME.fullmatch(name) or len(name.split()) > 6 or \
                not meaning[:1].islower() or len(meaning.split()) < 2:
            return segments
    if glued is None:
        return [("-", first_start, segments[1][2]), *[
            ("-", segments[k][1], segments[k + 1][2]) for k in range(2, len(segments), 2)]]
    at = first_start + content.index(texts[0], first_start)
    return [(None, first_start, at), ("-", at, segments[1][2]), *[
        ("-", segments[k][1], segments[k + 1][2]) for k in range(2, len(segments), 2)]]


def _read_flat_line(builder: _Builder, tok: _Token, marks: list[_Mark]) -> None:
    content, base = tok.text, tok.start
    has_dash = any(symbol in ("-", "•") for _, _, symbol in marks)
    segments: list[_Segment] = []
    if content[: marks[0][0]].strip():
        segments.append((None, 0, marks[0][0]))
    for k, (_, end, symbol) in enumerate(marks):
        stop = marks[k + 1][0] if k + 1 < len(marks) else len(content)
        if symbol == _SPACED_ARROW_MARK:
            following = marks[k + 1][2] if k + 1 < len(marks) else None
            if _opens_section(content[end:stop], following):
                symbol = "=>"
            elif segments:  # an arrow inside the bullet: `Cheka => OGPU`
                segments[-1] = (segments[-1][0], segments[-1][1], stop)
                continue
        segments.append((symbol, end, stop))

    if (
        segments[0][0] is None
        and len(segments) > 1
        and segments[1][0] == "=>"
        and not builder.outline.bullets
        and not builder.outline.sections
    ):
        # `COLD WAR 1945-91 revision => Origins* ...`: the text before the first
        # section of the file is its title.
        _, seg_start, seg_end = segments.pop(0)
        seg = content[seg_start:seg_end]
        lead = len(seg) - len(seg.lstrip())
        if len(seg.split()) <= _MAX_TITLE_WORDS and builder.open_section(
            seg, builder.md_level + 1, base + seg_start + lead, tok.line, explicit=True
        ):
            builder.md_level += 1
        else:
            segments.insert(0, (None, seg_start, seg_end))

    segments = _glossary_pairs(content, segments)
    dots = " • " in content
    section_level = builder.md_level + 1
    first = content[segments[0][1]:segments[0][2]]
    title, arrow, after = first.partition(" => ")
    if not arrow or len(title.split()) > _MAX_ARROW_TITLE_WORDS // 2:
        title, after = first, ""
    titled = (segments[0][0] is None and len(segments) > 2
              and all(marker in ("•", "-") for marker, _, _ in segments[1:])
              and len(title.split()) <= _MAX_ARROW_TITLE_WORDS)
    if titled:
        # `Kornilov Affair (Aug 1917) • Kornilov tried … • …`, `February Revolution 1917 =>
        # 23 Feb - …`: the points of a title
        _, seg_start, seg_end = segments.pop(0)
        lead = len(first) - len(first.lstrip())
        builder.nest.clear()
        builder.add_bullet(title.strip() + ":", base + seg_start + lead, tok.line)
        if after.strip():
            at = seg_start + len(title) + len(arrow)
            segments.insert(0, ("-", at, seg_end))
    # (under a title, a name is one of its points; after a name, beside it:
    # `Edgar Degas (1834-1917) - … • Camille Pissarro (1830-1903) - …`)
    names_beside = not titled or _is_name(title)
    named_at = -1  # the depth of the points of a name that `•` opened, if any
    for k, (marker, seg_start, seg_end) in enumerate(segments):
        seg = content[seg_start:seg_end]
        lead = len(seg) - len(seg.lstrip())
        seg = seg.strip()
        if not seg:
            continue
        if marker != "-":
            named_at = -1
        if marker == "•" and dots and k + 1 < len(segments) and segments[k + 1][0] == "-" \
                and _NAMED_POINTS.fullmatch(seg + " - ") and _is_name(seg):
            # `• Claude Monet (1840-1926) - painted … - …`: a name over its points
            named_at = _add_name(builder, seg, base + seg_start + lead, tok.line,
                                 beside=names_beside)
            continue
        if named_at >= 0:
            builder.add_bullet(seg, base + seg_start + lead, tok.line, indent=named_at)
            continue
        position = base + seg_start + lead
        cut = _glued_tail(seg)
        head, tail = (seg, "") if cut is None else (seg[:cut], seg[cut:])

        heading_level = 0
        if marker == "=>":
            heading_level = section_level
        elif marker == "*" and has_dash:
            heading_level = section_level + 1
        if heading_level and (len(head.split()) > _MAX_HEADING_WORDS
                              or marker == "*" and _STATES.search(head)):
            heading_level = 0  # too long for a title: a bullet that lost its own marker

        named = _NAMED_POINTS.match(head) if not heading_level and marker in ("•", None) \
            and dots and " - " in head else None
        if named and _is_name(named.group("name")) and (
                head.count(" - ") >= 2 or "(" in named.group("name")):
            # `• Claude Monet (1840-1926) - painted … - Women in the Garden (1866)`: a name
            # and the points about it, where `•` parts the names
            depth = _add_name(builder, named.group("name"), position, tok.line,
                              beside=names_beside)
            at = named.end("name")
            for piece in head[at:].split(" - "):
                if piece.strip():
                    offset = head.index(piece, at)
                    builder.add_bullet(piece.strip(), position + offset, tok.line, indent=depth)
                    at = offset + len(piece)
        elif heading_level:
            builder.open_section(head, heading_level, position, tok.line, explicit=True)
        elif titled:
            builder.add_bullet(head, position, tok.line, indent=2)
        else:
            builder.add_bullet(head, position, tok.line, prose=marker is None, nested=False)
        if tail:
            builder.open_section(
                tail, builder.explicit_level() + 1, position + cut, tok.line, explicit=False
            )


_MAX_ARROW_TITLE_WORDS = 8
_GAP_HEADING = re.compile(r"([^.:;=–—|]{3,60}?)[ ]{3,}(?=[A-Z])")
# (a title has no verb of its own: `External sources of finance`, not `Parliament is …`)
_GAP_TITLE = re.compile(r"[A-Z][a-z'’-]*"
                        r"(?:\s(?!(?:is|are|was|were|has|have|comes?)\b)[\w'’-]+){0,6}")


def _add_name(builder: _Builder, name: str, position: int, line: int, *, beside: bool) -> int:
    """A name over the points that follow it on a pasted line, as an intro bullet beside
    the names before it (`beside`) or one of its title's points; the indent its points
    take."""
    if beside:
        builder.nest.clear()
    depth = 0 if beside else 2
    builder.add_bullet(name + ":", position, line, indent=depth)
    return depth + 2


def _is_name(label: str) -> bool:
    """A person's (or a work's) name: two words or more, or a name with its dates."""
    return not _STATES.search(label) and (len(label.split()) >= 2 or "(" in label)

# a name of a few capitalised words, its dates in brackets, before its points
_NAMED_POINTS = re.compile(r"(?P<name>[A-Z][\w'’.-]*(?:\s(?:[A-Z][\w'’.-]*|de|van|von|da|of|la|le))"
                           r"{0,4}(?:\s\([^()]{2,30}\))?)\s-\s")
# A statement, not a title: an arrow, a term and its meaning, a verb
_STATES = re.compile(r"->|→|:\s|\s=\s|\s(?:is|are|was|were|has|have|provides|makes|keeps)\s"
                     r"(?!.*\?$)")


def _opens_section(text: str, following: str | None) -> bool:
    """Whether ` => text` opens a section rather than continuing a bullet with an arrow.

    A section title is short, starts with a capital or a number, reads as a title
    (`Berlin Blockade + Airlift 1948-49`, not `Castro moves closer to USSR`) and is
    followed straight away by a sub-topic (`* `) or another section marker.
    """
    text = text.strip()
    if following not in ("*", "=>") or not text or not (text[0].isupper() or text[0].isdigit()):
        return False
    words = [word for word in text.split() if _has_alnum(word)]
    if len(words) > _MAX_ARROW_TITLE_WORDS:
        return False
    capitalised = sum(1 for word in words if word[0].isupper() or word[0].isdigit())
    if len(words) <= 3 or 2 * capitalised >= len(words):
        return True
    # `Life cycle of a star * …`: a title in sentence case has no verb
    return following == "*" and len(words) <= 6 and not any(
        word[0].islower() and (word.endswith(("s", "ed")) or word in ("are", "were", "have"))
        for word in words[1:])


_TAIL_WINDOW = 80
_MAX_TAIL_WORDS = 5


def _glued_tail(seg: str) -> int | None:
    """Where a sub-heading glued onto the end of `seg` starts, if there is one.

    Copying lost the line break between a bullet and the next sub-heading, so the two
    ran together: `...than HitlerRevisionist Views`, `...shot.1938`, `power?Traditional
    View`. The join is a lowercase letter then a capitalised word (at least three
    letters before it, so `McDonald` and `iPhone` are safe), a letter or `.?!)` then a
    four-digit year, or `.?!` then a capitalised word.
    """
    n = len(seg)
    if n < 5:
        return None
    year = seg[n - 4 :]
    before = seg[n - 5]
    if (
        year.isascii()
        and year.isdigit()
        and 1000 <= int(year) <= 2100
        and (before.isalpha() or before in ".?!)")
    ):
        return n - 4 if _has_alnum(seg[: n - 4]) else None
    offset = max(0, n - _TAIL_WINDOW)
    joins = [offset + m.start() for m in _JOIN.finditer(seg[offset:])]
    for j in reversed(joins):
        if j < 2:
            break
        prev = seg[j - 1]
        if prev in ".?!":
            if not seg[j - 2].isalpha():
                continue
        else:
            k = j
            while k > 0 and j - k < 30 and seg[k - 1].isalpha():
                k -= 1
            prefix = seg[k:j]
            if len(prefix) < 3:
                continue
            if prefix[0].isupper() and " " not in seg[j:] and len(prefix) < 5:
                continue  # YouTube, GitHub: one camel-cased name, not two words
        tail = seg[j:]
        if len(tail.split()) > _MAX_TAIL_WORDS or tail[-1] in ".,;":
            return None
        return j if _has_alnum(seg[:j]) else None
    return None


# Cased letters of the Latin, Greek and Cyrillic scripts.
_UPPER = "A-ZÀ-ÖØ-ÞΆ-ΏΑ-ΫЀ-Я"
_LOWER = "a-zß-öø-ÿά-ώа-џ"
_JOIN = re.compile(rf"[{_UPPER}](?<=[{_LOWER}.?!].)(?=[{_LOWER}])")


def _has_alnum(text: str) -> bool:
    return _ALNUM.search(text) is not None


_ALNUM = re.compile(r"[^\W_]")  # what str.isalnum() accepts: \w without the underscore


# ---------------------------------------------------------------------------- pieces


@dataclass(frozen=True, slots=True)
class NotesPiece:
    """A stretch of a notes file that parses on its own exactly as it does in the whole
    file: `text` starts at a top-level heading (or the file's start) and ends with the
    top-level heading line that starts the next piece, kept as lookahead so the lines
    before it are read as they are in the whole file. `offset` and `first_line` place
    it in the file (pass them to `parse_notes`)."""

    text: str
    offset: int
    first_line: int


_TOP_HEADING = re.compile(r"^# ", re.MULTILINE)


def split_notes(text: str, parts: int, *, min_chars: int = 0) -> list[NotesPiece]:
    """Cut long Markdown notes into about `parts` pieces (each at least `min_chars`
    long) at `# ` headings, for parsing side by side.

    A `# ` heading closes every section and bullet above it, so nothing read after it
    depends on what came before, and nothing before it on what comes after except the
    heading line itself, which both pieces hold. Notes with fenced blocks (a heading
    inside one is not a heading) are left whole, as are notes with no such heading.
    """
    whole = [NotesPiece(text, 0, 1)]
    if parts < 2 or len(text) < 2 * min_chars or "```" in text or "~~~" in text:
        return whole
    starts = [0]
    for k in range(1, parts):
        at = _top_heading_from(text, max(k * len(text) // parts, starts[-1] + max(min_chars, 1)))
        if at is None or len(text) - at < min_chars:
            break
        starts.append(at)
    pieces = []
    first_line = 1
    for k, start in enumerate(starts):
        stop = len(text)
        if k + 1 < len(starts):  # through the end of the next piece's heading line
            line_end = text.find("\n", starts[k + 1])
            stop = stop if line_end < 0 else line_end + 1
        if k:  # each start follows a line break, so the lines before it add up
            first_line += len(text[starts[k - 1]:start].splitlines())
        pieces.append(NotesPiece(text[start:stop], start, first_line))
    return pieces


def _top_heading_from(text: str, pos: int) -> int | None:
    for m in _TOP_HEADING.finditer(text, pos):
        if _is_top_heading(text, m.start()):
            return m.start()
    return None


def _is_top_heading(text: str, at: int) -> bool:
    """Whether the line at `at` is read as a `# ` heading that opens a section."""
    end = text.find("\n", at)
    line = text[at : len(text) if end < 0 else end]
    if _CONTROL_SEARCH.search(line) or any(ch in line for ch in _LINE_BREAKS):
        return False
    if _flat_markers(line) is not None:
        return False  # read as a flattened line of markers, not as a heading
    m = _ATX.match(line)
    return bool(m) and len(m.group(1)) == 1 and _has_alnum(clean_text(_atx_title(line, m)))

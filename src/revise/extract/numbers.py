"""Dates and figures: finding them in a bullet, and the fill-in question for each.

A date or figure is asked as the bullet with it blanked (`Kirov murdered ____. When?`),
kept whole: a range, a fraction, a ratio, a number with its exponent or unit, and a date
with its day. A year in brackets after a figure is the year the figure was taken, not a
fact of its own, and a number inside a worked example or a formula is not asked at all.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable

from revise.extract import terms
from revise.extract.phrasing import (
    BLANK,
    blank_out,
    deed_base,
    has_words,
    is_plural,
    mid_sentence,
    past_base,
    shows,
    with_lead,
)

# ---------------------------------------------------------------------------- dates

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![^\W\d_])\.?"
)
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2}|2100)"
_YEAR_SPAN = (r"(?:" + _YEAR + r"(?:\s?[-–/]\s?(?:[0-9]{4}|[0-9]{2})(?![0-9]))?"
              r"|[0-9]{1,4}\s?(?:BCE|BC|CE|AD)\b)")  # (`15 March 44 BC`)
_ONE_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"
_DAY = rf"{_ONE_DAY}(?:\s?[-–]\s?{_ONE_DAY})?"  # `8-9 November 1923` is one date

_DECADE = r"(?:1[0-9]{2}|20[0-9])0(?:’|')?s"
_DATE = re.compile(
    rf"""(?=[0-9A-Z])(?<![\w$£€¥/~])(?<![0-9][.,])
    (?:
        (?P<dmy>{_DAY}\s(?:of\s)?{_MONTH},?\s{_YEAR_SPAN})
      | (?P<mdy>{_MONTH}\s{_DAY},?\s{_YEAR_SPAN})
      | (?P<my>{_MONTH}(?:\s?[-–/]\s?{_MONTH})?,?\s{_YEAR_SPAN})
      | (?P<season>(?:Spring|Summer|Autumn|Fall|Winter)\s(?:of\s)?{_YEAR_SPAN})
      | (?P<dm>{_DAY}\s{_MONTH}(?!,?\s[0-9]))
      | (?P<numeric>[0-9]{{1,2}}/[0-9]{{1,2}}/{_YEAR}|{_YEAR}-[01][0-9]-[0-3][0-9])
      | (?P<decades>{_DECADE}\s?[-–]\s?{_DECADE})
      | (?P<decade>{_DECADE})
      | (?P<era>(?:[0-9]{{1,4}}\s?[-–]\s?)?[0-9]{{1,4}}\s?(?:BCE|BC|CE|AD)|AD\s?[0-9]{{1,4}})
      | (?P<century>[0-9]{{1,2}}(?:st|nd|rd|th)[\s-]centur(?:y|ies))
      | (?P<year>{_YEAR_SPAN})
    )
    (?![0-9]|[.,][0-9]|[^\W\d_])""",
    re.VERBOSE,
)
_DIGIT = re.compile(r"[0-9]")
# A four-digit number followed by one of these is an amount, not a year.
_AMOUNT_AFTER = re.compile(
    r"\s?(?:%|per\s?cent|million|mill|mil|bn|billion|thousand|tons|tonnes|km|kg|miles)(?!\w)",
    re.IGNORECASE,
)
_EQUALS_A_NUMBER = re.compile(r"\s?=\s?\d")
_BACKWARDS = re.compile(r"(?:1[0-9]|20)(?P<a>[0-9]{2})\s?[-–/]\s?(?P<b>[0-9]{2})")
_VALUE_AROUND = re.compile(r"(?:=|(?<![^\W\d_])[x×*])\s?$")
_COUNTED_AFTER = re.compile(r"\s(?:bytes|bits|people|men|women|soldiers|troops|deaths|words|rows"
                            r"|students|pupils|participants|members|votes|seats|tanks|ships"
                            r"|planes|workers|children|cases)\b", re.IGNORECASE)
_DATE_ASK = {
    "dmy": "On what date?",
    "dm": "On what date?",
    "mdy": "On what date?",
    "numeric": "On what date?",
    "decade": "In what decade?",
    "century": "In what century?",
}


def find_dates(text: str) -> list[tuple[int, int, str]]:
    """Date spans in `text` as (start, end, kind), in order."""
    spans: list[tuple[int, int, str]] = []
    if not _DIGIT.search(text):
        return spans
    for m in _DATE.finditer(text):
        kind = m.lastgroup or "year"
        backwards = _BACKWARDS.fullmatch(m.group())
        if backwards and int(backwards.group("b")) <= int(backwards.group("a")):
            # `1918 - 13 days behind`: a year, then another number
            spans.append((m.start(), m.start() + 4, "year"))
            continue
        if kind == "year":
            if (_AMOUNT_AFTER.match(text, m.end())
                    or _VALUE_AROUND.search(text, max(0, m.start() - 3), m.start())
                    or _COUNTED_AFTER.match(text, m.end()) or _EQUALS_A_NUMBER.match(text, m.end())
                    or set(m.group()) <= {"0", "1"}):
                continue  # `1000 bytes`, `kibibyte = 1024`, `1101 = 13`: an amount or a code
            if not m.group().isdigit():
                kind = "range"
        spans.append((m.start(), m.end(), kind))
    return _spanned(text, spans)


_BETWEEN = re.compile(r"\b(?:between|from)\s(?:about\s|approx\.?\s|c\.\s?)?$", re.IGNORECASE)
_AND_TO = re.compile(r"\s(?:and|to)\s")


def _spanned(text: str, spans: list[tuple[int, int, str]]) -> list[tuple[int, int, str]]:
    """`between about 1750 and 1900`, `from 1874 to 1886`: the two years are one range."""
    merged: list[tuple[int, int, str]] = []
    for span in spans:
        if merged and _AND_TO.fullmatch(text, merged[-1][1], span[0]) \
                and _BETWEEN.search(text, max(0, merged[-1][0] - 20), merged[-1][0]):
            merged[-1] = (merged[-1][0], span[1], "range")
        else:
            merged.append(span)
    return merged


def _date_ask(kind: str) -> str:
    if kind == "year":
        return "In what year?"
    return _DATE_ASK.get(kind, "When?")


# ---------------------------------------------------------------------------- figures

# (`20 000 Hz`: thousands set apart by spaces, before a word)
_NUMBER = (r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]{2,3}(?:[ \u2009\u202f][0-9]{3})+(?=\s?[^\W\d_])"
           r"|[0-9]+)(?:\.[0-9]+)?")
_MAGNITUDE = r"(?:million|mill|mil|mn|billion|bn|trillion|thousand|[mkb])(?![^\W\d_]|/)"
_TIME_UNITS = (
    r"days?|weeks?|months?|years?|yrs?|hours?|hrs?|minutes?|mins?|seconds?"
    r"|secs?|decades?|centuries"
)
_MONEY_UNITS = r"dollars?|pounds?|euros?|roubles?|rubles?|francs?|marks?|yen|cents?|pence"
_UNIT = (
    rf"(?:{_TIME_UNITS}|{_MONEY_UNITS}|tons?|tonnes?|kg|kilograms?|grams?|g|km"
    r"|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|cm|mm|nm|µm|μm|ft|feet|inch(?:es)?|acres?"
    r"|hectares?|ha|lit(?:re|er)s?|ml|°[CF]|degrees?|mph|km/h|m/s²?|N/kg|N/m|kg m/s|kcal"
    r"|calories|kJ|kW|MW|GW|J|N|W|Pa|kPa|Hz|V|mol|moles?|ppm|cumecs|m³/s)[²³]?(?![^\W\d_/])"
)
_FIGURE = re.compile(
    rf"""(?=[0-9$£€¥])(?<![\w.,/$£€¥-])
    (?:
        (?P<science>{_NUMBER}\s?[x×]\s?10(?:\^\s?[-−]?[0-9]+|[⁻⁰¹²³⁴⁵⁶⁷⁸⁹]+)(?:\s?(?:{_UNIT}|m(?![^\W\d_])))?)
      | (?P<fraction>[0-9]+/[0-9]+)(?![0-9/])
      | (?P<ratio>[0-9]+:[0-9]+)(?![0-9:])
      | (?P<plusminus>{_NUMBER}\s?±\s?{_NUMBER}(?:\s?{_UNIT})?(?:\s(?:items|chunks|words|digits))?)
      | (?P<currency>[$£€¥]\s?)?
        (?P<number>{_NUMBER})(?:\s?(?P<first_unit>{_TIME_UNITS})(?=\s?[-–]\s?[0-9]))?(?P<range>\s?[-–]\s?{_NUMBER}|\s(?:to|or)\s{_NUMBER}(?![0-9]))?(?P<plus>\+)?
        (?:\s?(?P<percent>%|per\s?cent(?![^\W\d_])|percent(?![^\W\d_])))?
        (?:\s?(?P<magnitude>{_MAGNITUDE}))?
        (?:\s?(?P<unit>{_UNIT})|(?P<times>x|\stimes)(?![^\W\d_]))?
        (?P<per>\sper\s{_NUMBER}(?![0-9]))?
    )
    (?!\w)""",
    re.VERBOSE | re.IGNORECASE,
)
_FIGURE_START = re.compile(r"[0-9$£€¥]")
_FRACTION_HINT = re.compile("half|halves|third|quarter|fifth|tenth")
_WORD_FRACTION = re.compile(
    r"(?<!\w)(?:one|two|three|four|five|six|seven|eight|nine|a)[\s-]"
    r"(?:half|halves|thirds?|quarters?|fifths?|tenths?)(?!\w)",
    re.IGNORECASE,
)
# A bare number after one of these is a label (Round 1, Chapter 4), not an amount.
_LABEL_BEFORE = re.compile(
    r"\b(?:round|phase|stage|part|chapter|article|section|unit|lesson|step|no\.?|number|act"
    r"|grade|level|page|p\.|pp\.|table|figure|fig\.|question|q|version|vol\.?|volume|book"
    r"|paper|source|plan|model|type|class|war|ww|henry|louis|edward|george|pope|pius"
    r"|year|ph|room|route|flight|scene|sc|line|verse|bar|track|period|group|no)\s?[#(]?$",
    re.IGNORECASE,
)
_COUNT_BEFORE = re.compile(r"\b(?:no\.|number) of\b[^0-9]{0,30}$", re.IGNORECASE)
_WORD_AFTER = re.compile(r",?\s[^\W\d_]")


@dataclasses.dataclass(frozen=True, slots=True)
class Figure:
    """A number worth asking about: its span in the text and the question word for it."""

    start: int
    end: int
    ask: str
    bare: bool


_SECTION_NUMBER = re.compile(r"[0-9]{1,2}(?:\.[0-9]{1,2})+\.?\s[A-Z]")


def find_figures(text: str, taken: Iterable[tuple[int, int, str]] = ()) -> list[Figure]:
    """Numbers worth asking about in `text`, skipping spans already `taken` (dates)."""
    taken = sorted((s, e) for s, e, _ in taken)
    figures: list[Figure] = []
    matches: list[re.Match[str]] = []
    # Jump between likely starts rather than letting the full pattern try every position.
    candidate = _FIGURE_START.search(text)
    while candidate:
        m = _FIGURE.match(text, candidate.start())
        if m:
            matches.append(m)
        candidate = _FIGURE_START.search(text, m.end() if m else candidate.start() + 1)
    lowered = text.lower()
    if _FRACTION_HINT.search(lowered):
        matches = sorted(matches + list(_WORD_FRACTION.finditer(text)), key=lambda m: m.start())
    k = 0
    for m in matches:
        start, end = m.span()
        while k < len(taken) and taken[k][1] <= start:
            k += 1
        if k < len(taken) and taken[k][0] < end:
            continue
        if start == 0 and _SECTION_NUMBER.match(text):
            continue  # `2.4 Aediles – …`: the number of a part of the notes
        after = text[end : end + 2]
        if after[:1] == "_" or (after[:1] == "%" and (after[1:].isalnum() or after[1:] == "_")):
            continue  # `100%_done`: part of a name
        figure = _figure(m, text)
        if figure is not None:
            figures.append(figure)
    return figures


_CLOCK_BEFORE = re.compile(r"\b(?:at|starts?|ends?|finish(?:es)?|from|until|till|opens?|closes?"
                           r"|about|around)\s$", re.IGNORECASE)
_CLOCK_AFTER = re.compile(r"\s?(?:am|pm|a\.m\.|p\.m\.|o'clock|Uhr|h\b|hrs\b)", re.IGNORECASE)
_PEOPLE_BEFORE = re.compile(r"\b(?:men|women|boys|girls|children|people|adults|pupils|aged)\s$")
_NAME_BEFORE = re.compile(r"(?<=[a-z,;:(–-]\s)[A-Z][a-z]{2,}\s$")
_NOT_A_RATIO = re.compile(r"(?:\b(?:at|by|from|until|to)|[A-Z][a-z]+)\s$")


def _figure(m: re.Match[str], text: str) -> Figure | None:
    start, end = m.span()
    if m.re is _WORD_FRACTION or m.group("fraction"):
        return Figure(start, end, "What fraction?", bare=False)
    if m.group("ratio"):  # `3:1`, kept whole; not `John 3:16` nor `at 10:30`
        if _NOT_A_RATIO.search(text[max(0, start - 30):start]):
            return None
        return Figure(start, end, "What ratio?", bare=False)
    if m.group("science") or m.group("plusminus"):
        return Figure(start, end, "What value?" if m.group("science") else "How many?",
                      bare=False)
    number = m.group("number")
    if m.group("range") and re.fullmatch(r"[01]\sor\s[01]", m.group()):
        return None  # `a single binary digit (0 or 1)`: the two values, no amount
    percent, currency = m.group("percent"), m.group("currency")
    magnitude, unit, plus = m.group("magnitude"), m.group("unit"), m.group("plus")
    grouped = "," in number
    times = m.group("times")
    ranged = m.group("range")
    bare = not (percent or currency or magnitude or unit or plus or grouped or ranged or times)
    before = text[max(0, start - 40) : start]
    if (re.fullmatch(r"(?:[01]?\d|2[0-3])(?:[.:][0-5]\d)?", text[start:end])
            and (_CLOCK_BEFORE.search(before) and re.search(r"[.:]", text[start:end])
                 or _CLOCK_AFTER.match(text, end))):
        return Figure(start, end, "At what time?", bare=False)  # `starts about 7.45`, `13 Uhr`
    if bare and (_LABEL_BEFORE.search(before) or float(number) in (0.0, 1.0)
                 or _NAME_BEFORE.search(before)):
        return None  # (`Salvarsan 606`, `Apollo 11`: part of a name)
    if percent:
        ask = "What percentage?"
    elif times:
        ask = "How many times?"
    elif currency or (unit and re.fullmatch(_MONEY_UNITS, unit, re.IGNORECASE)):
        ask = "How much?"
    elif unit and re.fullmatch(_TIME_UNITS, unit, re.IGNORECASE):
        aged = plus or re.search(r"\bage[ds]?\s?$", before, re.IGNORECASE)
        ask = "What age?" if aged else "How old?" if re.match(r"\s?old\b", text[end:end + 5]) \
            else "How long?"
    elif ranged and _PEOPLE_BEFORE.search(before):
        ask = "What age?"  # `men 18-25 had to …`
    elif unit:
        ask = "What value?"
    elif magnitude or grouped or _WORD_AFTER.match(text, end) or _COUNT_BEFORE.search(before):
        ask = "How many?"
    else:
        ask = "What value?" if "." in number else "How many?"
    return Figure(start, end, ask, bare=bare)




# ---------------------------------------------------------------------------- cards

_MAX_BODY = 240  # characters of a bullet shown around a blank before it is cut to a clause
_CLAUSE_END = re.compile(r";|[.!?](?=\s)")
# `801,000 (1925)`: the year a figure was taken, not a date worth a card of its own.
_AFTER_FIGURE = re.compile(r"(?:[0-9%]|[0-9]\s?\w{1,10})\s?\($")
_WORKED_EXAMPLE = re.compile(r"^(?:e\.?g\.?|eg|for example|example|worked example)\b",
                             re.IGNORECASE)


def number_cards(text: str, lead: str, *, asked: str = "", shown: str = "",
                 limit: int = 3) -> list[tuple[str, str, str]]:
    """(kind, question, answer) for the first `limit` dates and figures worth asking in
    `text` that `asked` (what the bullet's other cards answer) does not already hold, nor
    `shown` (the titles above the bullet: `1917` in a unit on 1917 is no question)."""
    if not _DIGIT.search(text) or _WORKED_EXAMPLE.match(text) or text.rstrip().endswith("?"):
        return []  # (`What is the weight of a 60 kg person?` asks; its numbers are given)
    if len(text) > _MAX_SCAN:  # a pasted page: its first numbers are enough to ask
        text = text[:text.rfind(" ", 0, _MAX_SCAN) + 1 or _MAX_SCAN]
    if _ROW_OF_VALUES.search(text):
        return []  # `128 64 32 16 8 4 2 1`: a row of values, each blank shown by the others
    if _CODE.search(text) or re.search(r"[=<>(]", text) and len(_KEYWORDS.findall(text)) >= 2:
        return []  # `SELECT Name FROM Students WHERE Age >= 15`: code, its numbers are examples
    made: list[tuple[str, str, str]] = []
    tried: set[str] = set()  # (a number seen once is judged once, however often it recurs)
    dates = find_dates(text)
    for start, end, kind in dates[:_MAX_TRIED]:
        if len(made) == limit:
            return made
        if text[start:end] in tried:
            continue
        tried.add(text[start:end])
        if _is_reference(text, start, end) or (asked and shows(asked, text[start:end])):
            continue
        if kind == "year" and _stands_in(shown, text[start:end]):
            continue  # `1917` in notes titled 1917
        card = _when_done(text, start, end) or _when_did(text, start, end, kind) or \
            _event_when(text, start, end) or _when_happened(text, start, end, kind) or \
            _when_after(text, start, end, kind) or \
            _blank_card(text, lead, start, end, _date_ask(kind))
        if card:
            made.append(("date", *card))
    figures = find_figures(text, dates)
    shares = sum(1 for f in figures if text[f.start:f.end].endswith("%"))
    quoted = '"' in text or "“" in text or "”" in text
    for figure in figures[:_MAX_TRIED]:
        if len(made) == limit:
            break
        if quoted and re.fullmatch(r"\d{1,2}\.\d{1,2}", text[figure.start:figure.end]):
            # `"Macbeth does murder sleep" (2.2)`: an act and scene, not a value
            figure = dataclasses.replace(figure, ask="Which act and scene?")
        if text[figure.start:figure.end] in tried:
            continue
        tried.add(text[figure.start:figure.end])
        if (_in_aside(text, figure.start) or _trivial(text, figure)
                or (asked and shows(asked, text[figure.start:figure.end]))
                or _shown_by_the_rest(text, figure) or shares >= 3 and
                text[figure.start:figure.end].endswith("%")):
            continue
        card = _how_many(text, figure) or _counted(text, lead, figure) or \
            _share_of(text, lead, figure) or _how_many_won(text, figure) or \
            _blank_card(text, lead, figure.start, figure.end, figure.ask)
        if card:
            made.append(("figure", *card))
    return made


_DONE_WHEN = re.compile(r"(?P<subject>(?:[Tt]he\s)?[A-Z][\w’'&. -]{1,50}?)\s(?P<be>was|were)\s"
                        r"(?P<done>(?:\w+ed|set up|built|founded|made|held|won|signed|written"
                        r"|begun|taken|given|born|killed|shot|chosen|sent|brought)"
                        r"(?:\s[A-Z][\w’'-]*(?:\s[A-Z][\w’'-]*)*)?)\s(?:in|on)\s$")
_HAS_COUNT = re.compile(r"(?P<subject>(?:(?:[Tt]he|[Aa]n?|[Ee]ach|[Ee]very)\s)?[\w’'-]+"
                        r"(?:\s[\w’'-]+)?)\s(?P<has>has|have|contains?)\s"
                        r"(?:approx\.?\s|about\s|around\s)?$")


def _when_done(text: str, start: int, end: int) -> tuple[str, str] | None:
    """`The NAACP was founded in 1909`: "When was the NAACP founded?"."""
    m = _DONE_WHEN.fullmatch(text[:start])
    if m is None or len(m.group("subject").split()) > 6:
        return None
    return f"When {m.group('be')} {mid_sentence(m.group('subject'))} {m.group('done')}?", \
        text[start:end]


_DID_WHEN = re.compile(r"(?P<subject>[A-Z][\w’'&.-]*(?:\s(?:[A-Z][\w’'&.-]*|of|the|and|\+)){0,4})"
                       r"\s(?P<verb>[a-z]+ed)\s(?P<object>[^,;:()]{2,60}?)\s(?:in|on)\s$")
_TITLE_HELD = re.compile(r"(?:Chancellor|President|Prime Minister|PM|King|Queen|Pope|Emperor"
                         r"|Tsar|Kaiser|Führer|Fuhrer|leader|head of state)", re.IGNORECASE)
_SENTENCE_ENDS = re.compile(r"\s*(?:$|[.;,]\s|\s[-–—]\s|\s\()")


def _when_did(text: str, start: int, end: int, kind: str) -> tuple[str, str] | None:
    """`Edward Jenner developed the smallpox vaccine in 1796`: "In what year did Edward
    Jenner develop the smallpox vaccine?"."""
    head = text.rfind(". ", 0, start)
    m = _DID_WHEN.fullmatch(text, head + 2 if head >= 0 else 0, start)
    base = deed_base(m.group("verb")) if m else None
    if m is None or base is None or not _SENTENCE_ENDS.match(text, end) or \
            _TITLE_HELD.fullmatch(m.group("object")):
        # (`Hitler appointed Chancellor 30 Jan 1933` was appointed: no one is asked)
        return None
    subject = m.group("subject")
    if subject.split()[0] in ("A", "An", "In", "By", "After", "Before", "At", "On"):
        return None
    subject = mid_sentence(subject)  # `The Nazis banned …`: "… did the Nazis ban …"
    ask = "In what year" if kind == "year" else "When"
    return f"{ask} did {subject} {base} {m.group('object')}?", text[start:end]


# The clause a date closes, from the last break before it: `…, murdered Dec 1916`,
# `… → fell from power 1529`, `Cattle industry - Joseph McCoy set up … in 1867`.
_CLAUSE_BEFORE_DATE = re.compile(r"(?:^|[,;:]\s|\.\s|\s(?:[-–—→]|->|=>)\s)"
                                 r"(?P<clause>(?:(?!\s-\s)[^,;:.\d→–—]){2,80}?)"
                                 r"(?:\s(?:in|on))?\s$")
# How far back that clause can start: its break, 80 characters and ` in ` (searching only
# there keeps a long pasted line from being scanned from every position)
_CLAUSE_REACH = 90
_LINE_NAME = re.compile(r"^(?P<name>[A-Z][\w'’-]*(?:\s(?:[A-Z][\w'’-]*|of|the|de|von|&|\+|and"
                        r"|I{1,3}|VI{0,3}|IV|IX|X)){0,4})(?:\s\(|\s[-–—]\s|:\s|,\s)")
# Pasts that take no object (`died 1934`), and their base for "When did … die?".
_NO_OBJECT = {"died": "die", "arrived": "arrive", "resigned": "resign", "retired": "retire",
              "abdicated": "abdicate", "returned": "return", "emigrated": "emigrate",
              "landed": "land", "fell": "fall", "fled": "flee", "rose": "rise", "came": "come",
              "became": "become", "began": "begin", "ended": "end", "started": "start",
              "collapsed": "collapse", "surrendered": "surrender", "converted": "convert"}
# Pasts done to someone named before them: `William Cecil: made Lord Burghley 1571`.
_DONE_TO = frozenset("made crowned appointed elected named proclaimed knighted sentenced "
                     "promoted exiled imprisoned executed murdered assassinated".split())
_PARTICIPLE = frozenset("built born written held won taken given shot chosen sent brought "
                        "begun sunk put set made found founded killed".split())
_AFTER_DONE = frozenset("by as at in into from on under up down out off over".split())
_PARTICLES = frozenset("up down out off".split())
_GIVEN = frozenset("given sent shown taught told paid".split())  # (`given land`: done to them)
_NOT_A_DOER = frozenset("a an and but so which who that then also it they he she this these "
                        "when if after before as while because since was were is are had has "
                        "have to for with last first next not".split())
_NOT_AT_THE_END = frozenset("the a an his her its their from since until till after before "
                            "by to for between of during".split())
_NOT_A_DEED = frozenset("red bed need seed speed feed shed based called used led united hundred "
                        "advanced developed limited mixed related required closed".split())
# (`William – said Edward promised him the throne in 1051`: the date is the promise's)
_REPORTED = frozenset("said told thought felt knew meant claimed argued believed".split())


def _event_when(text: str, start: int, end: int) -> tuple[str, str] | None:
    """`Revolt of the Northern Earls, Nov 1569`, `Constituent Assembly elections Nov 1917`:
    a named event just before its date, asked by its name."""
    before = re.sub(r"(?:,|\s\(|\s[-–—])?\s?$", "", text[:start]) + " "
    m = _CLAUSE_BEFORE_DATE.search(before, max(0, len(before) - _CLAUSE_REACH))
    words = m.group("clause").split() if m else []
    if m is None or text[end:end + 1] not in ("", " ", ")", ",", ".", ";", ":") or \
            words[0].lower() in _NOT_A_DOER or words[-1].lower() in _NOT_AT_THE_END or \
            any(_is_past(w, first=False) for w in words[1:]):
        return None  # (`BUT the Elections Act 2022`, `The war lasted from 1642`)
    dated = terms.event_date(f"{m.group('clause')} ({text[start:end]})")
    return (dated.question, dated.answer) if dated else None


def _when_happened(text: str, start: int, end: int, kind: str) -> tuple[str, str] | None:
    """The date of what the clause before it tells: `Rasputin …, murdered Dec 1916` →
    "When was Rasputin murdered?", `Stresemann died 3 October 1929` → "On what date did
    Stresemann die?", `Trade unions banned May 1933` → "When were trade unions banned?"."""
    before = re.sub(r"\s?\([^()]*\)", "", text[:start])  # (`Cheka (secret police) set up`)
    m = _CLAUSE_BEFORE_DATE.search(before, max(0, len(before) - _CLAUSE_REACH))
    if m is None:
        return None
    words = m.group("clause").split()
    at = next((i for i, w in enumerate(words[:5]) if _is_past(w, first=i == 0)), None)
    be = words[at - 1].lower() if at and words[at - 1].lower() in ("was", "were") else ""
    if at is None or len(words) - at > 7 or before.count("(") > before.count(")") or \
            any(w.lower() in _NOT_A_DOER or not w[:1].isalnum()
                for w in words[:at - 1 if be else at]) or \
            words[-1].lower() in _NOT_AT_THE_END or be and (at < 2 or not words[0][:1].isupper()):
        return None  # (`was` or `when` in the doer, `the 2005 floods`, `from 1929`)
    if be:  # `Charles II was crowned King of Scotland in 1651`
        if not (words[at].endswith("ed") or words[at].lower() in _PARTICIPLE) or any(
                w.lower() in _NOT_A_DOER for w in words[at + 1:]):
            return None  # (`… was invited back and the monarchy was restored in 1660`)
        subject = mid_sentence(" ".join(words[:at - 1]))
        told = " ".join(words[at:])
        return f"{_date_ask(kind)[:-1]} {be} {subject} {told}?", text[start:end].strip()
    doer, verb, rest = words[:at], words[at].lower(), words[at + 1:]
    if len(rest) >= 2 and rest[0] in _PARTICLES:
        verb, rest = f"{verb} {rest[0]}", rest[1:]  # `set up the cow town of Abilene`
    head = before[:m.start("clause")].rstrip(" :-–—")
    label = head if 0 < len(head.split()) <= 4 and not re.search(r"[,;.]", head) else ""
    if doer:
        if doer[0].lower() in _NOT_A_DOER or len(doer) > 4 or doer[0][:1].islower() and not (
                len(doer) <= 3 and (m.start("clause") == 0 or label)):
            return None
        subject = " ".join(doer)
    else:
        named = _LINE_NAME.match(text)
        if named is None or named.end() > m.start("clause") or verb in _AFTER_DONE:
            return None
        subject, label = named.group("name"), ""
    label = label if subject[:1].islower() else ""
    first, *_ = verb.split()
    base = _NO_OBJECT.get(first)
    if base is None and rest and rest[0] not in _AFTER_DONE and first not in _DONE_TO:
        base = deed_base(first) or (past_base(first) if first not in _GIVEN else None)
        if base is None:
            return None  # `The government tried to stop this …`: no base known to ask with
    if base is not None:
        base = base + verb[len(first):]
    elif not (first.endswith("ed") or first in _PARTICIPLE) or not rest and not doer and \
            first not in _DONE_TO:
        return None  # (`Birling … sank 1912`; `Gregor Mendel – published 1866`: whose work)
    if subject[:1].islower() and not subject.startswith(("the ", "a ")) and \
            not is_plural(subject):
        subject = "the " + subject
    subject = mid_sentence(subject)
    ask, told = _date_ask(kind)[:-1], (" " + " ".join(rest)) if rest else ""
    if base is not None:
        question = f"{ask} did {subject} {base}{told}?"
    else:
        question = f"{ask} {'were' if is_plural(subject) else 'was'} {subject} {verb}{told}?"
    if label:
        question = f"{label}: {question[0].lower()}{question[1:]}"
    return question, text[start:end].strip()


_DATE_LEADS = re.compile(r"(?:^|[.;:!?•]\s|\s[-–—]\s)(?:[Ii]n|[Oo]n)\s$")
_CLAUSE_AFTER_DATE = re.compile(r",?\s(?P<clause>[^,;:.()\d]{4,120}?)"
                                r"(?=$|[,;:.(]|\s[-–—]\s|\s(?:and|but|which|who|so)\s)")


def _when_after(text: str, start: int, end: int, kind: str) -> tuple[str, str] | None:
    """`In 1645 Parliament created the New Model Army`: "In what year did Parliament
    create the New Model Army?"; `In 1641 the Grand Remonstrance was passed`: "In what
    year was the Grand Remonstrance passed?"."""
    if start and not _DATE_LEADS.search(text, max(0, start - 6), start):
        return None  # (a date that opens the line leads what follows it too)
    after = re.sub(r"\s?\([^()]*\)", "", text[end:])  # (`the Five Members (five MPs …)`)
    m = _CLAUSE_AFTER_DATE.match(after)
    if m is None:
        return None
    words = m.group("clause").split()
    at = next((i for i, w in enumerate(words[:6]) if i and _is_past(w, first=False)), None)
    if at is None or len(words) - at > 9 or words[0].lower() in _NOT_A_DOER - {"the"}:
        return None
    doer, verb, rest = words[:at], words[at], " ".join(words[at + 1:])
    told = f" {rest}" if rest else ""
    ask = _date_ask(kind)[:-1]
    if doer[-1].lower() in ("was", "were") and len(doer) > 1 and (
            verb.endswith("ed") or verb in _PARTICIPLE):
        subject = mid_sentence(" ".join(doer[:-1]))
        return f"{ask} {doer[-1].lower()} {subject} {verb}{told}?", text[start:end].strip()
    if any(w.lower() in _NOT_A_DOER - {"the"} for w in doer) or not (
            doer[0][:1].isupper() or doer[0] == "the"):
        return None
    base = _NO_OBJECT.get(verb) or deed_base(verb) or past_base(verb)
    if base is None or verb in _REPORTED or not rest and verb not in _NO_OBJECT:
        return None  # (`SS units arrested and shot Röhm`: arrested whom, the clause cut off)
    return f"{ask} did {mid_sentence(' '.join(doer))} {base}{told}?", text[start:end].strip()


def with_doer(text: str, doer: str) -> str:
    """`Born 100 BC, …`, `Jan 49 BC crossed the Rubicon` under `Julius Caesar`: the line
    with its title as the doer its past verb leaves out, so its date can be asked of it
    ("When was Julius Caesar born?"); else the line as it is."""
    dated = find_dates(text[:24])
    at = dated[0][1] + 1 if dated and dated[0][0] == 0 else 0
    words = text[at:].split(maxsplit=1)
    if not words or not (at or words[0][:1].isupper()) or not _is_past(words[0], first=True):
        return text
    verb = words[0].lower()
    be = "was " if verb in _DONE_TO_THE_DOER else ""  # (`Born 100 BC`: he was born)
    return f"{text[:at]}{doer} {be}{verb} {words[1] if len(words) > 1 else ''}".rstrip()


# Pasts that a line without its doer tells of the title, not by it
_DONE_TO_THE_DOER = frozenset(
    "born made elected appointed crowned named assassinated killed exiled executed murdered"
    " arrested captured imprisoned sentenced deposed overthrown knighted awarded".split())


def _is_past(word: str, *, first: bool) -> bool:
    w = word.lower() if first else word
    if w in _REPORTED:
        return False
    return (w in _NO_OBJECT or w in _PARTICIPLE or w in _DONE_TO or past_base(w) is not None
            or len(w) >= 5 and w.endswith("ed") and w.isalpha() and w.islower()
            and w not in _NOT_A_DEED)


def _how_many(text: str, figure: Figure) -> tuple[str, str] | None:
    """`the heart has 4 chambers`: "How many chambers does the heart have?"."""
    m = _HAS_COUNT.fullmatch(text[:figure.start])
    noun = re.match(r"\s([a-z]+s)\b", text[figure.end:])
    number = text[figure.start:figure.end]
    if m is None or noun is None or not number.isdigit() or \
            text[figure.end + noun.end():].strip(" .,;"):
        return None
    subject = m.group("subject")
    subject = subject[0].lower() + subject[1:] if subject.split()[0] in (
        "The", "A", "An", "Each", "Every") else subject
    do = "do" if m.group("has") == "have" else "does"
    return f"How many {noun.group(1)} {do} {subject} have?", number


# `about 65% of divorce petitions come from women`: the share, asked of what it is of
_SHARE_OF = re.compile(r"\sof\s(?P<what>(?:the\s)?[a-z][\w'’ -]{2,50}?)\s"
                       r"(?P<done>(?:is|are|was|were|have|has|had|live|lived|come|came|work|worked"
                       r"|voted|vote|die|died|own|owned|use|used|get|got|go|went|[a-z]{3,}ed)\b"
                       r"[^,;:()]{0,60}?)(?=$|[,;:(]|\.(?:\s|$)|\s[-–—]\s)")
_SHARE_BEFORE = re.compile(r"(?:^|[:;.]\s|\s[-–—]\s)(?:[Oo]nly\s|[Jj]ust\s)?"
                           r"(?:(?:[Aa]bout|[Aa]pprox\.?|[Aa]pproximately|[Aa]round|[Rr]oughly"
                           r"|[Nn]early|[Aa]lmost|[Oo]ver|[Uu]nder|[Ll]ess than|[Mm]ore than)\s)?$")


def _share_of(text: str, lead: str, figure: Figure) -> tuple[str, str] | None:
    """`about 65% of divorce petitions come from women`: "What percentage of divorce
    petitions come from women?"."""
    hedge = _SHARE_BEFORE.search(text, max(0, figure.start - 40), figure.start) \
        if figure.ask == "What percentage?" else None
    m = _SHARE_OF.match(text, figure.end) if hedge else None
    if m is None:
        return None
    label = text[:hedge.start()].strip(" :-–—")  # what stands before the share and its hedge
    question = f"What percentage of {m.group('what')} {m.group('done').strip()}?"
    context = label if 0 < len(label.split()) <= 4 and not re.search(r"[\d,;]", label) \
        else lead
    if context and not shows(question, context):
        question = f"{context}: {question[0].lower()}{question[1:]}"
    return question, text[figure.start:figure.end]


# `the Nazis won 288 seats`: how many, asked of who won them
_WON = re.compile(r"(?P<doer>(?:[Tt]he\s)?[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,2})\s(?P<verb>won|lost"
                  r"|gained|got|received|sold|captured|killed|took|sent|employed|had)\s"
                  r"(?:about\s|approx\.?\s|around\s|over\s|nearly\s|almost\s|just\s|only\s)?$")


def _how_many_won(text: str, figure: Figure) -> tuple[str, str] | None:
    """`Labour won 411 seats on just 33.7% of the vote`: "How many seats did Labour win?"."""
    number = text[figure.start:figure.end]
    if figure.ask != "How many?" or not re.fullmatch(r"[\d,.]+(?:\s(?:million|billion))?",
                                                     number):
        return None
    m = _WON.search(text, max(0, figure.start - 60), figure.start)
    noun = re.match(r"\s(?P<noun>[a-z]{3,}s)\b", text[figure.end:])
    if m is None or noun is None or m.end() != figure.start:
        return None
    base = past_base(m.group("verb")) or deed_base(m.group("verb"))
    if base is None:
        return None
    return f"How many {noun.group('noun')} did {mid_sentence(m.group('doer'))} {base}?", number


_COUNTED = re.compile(r"\s(?P<noun>(?:[a-z]{3,}\s)?(?:[a-z]+s|people|men|women|children|Jews"
                      r"|[A-Z][a-z]+(?:ans|ists|s)))"
                      r"\s(?P<were>(?:were|was|had been)\s)?(?P<verb>[a-z]{3,}ed|died|fled|left"
                      r"|lost|made|took part|fought|went|came|joined|voted|starved|led)"
                      r"(?P<rest>(?:\s(?!and\b|but\b|so\b)[\w'’-]+){0,6})")
# Words after a past that show it was done to the counted (`elected every 5 years`)
_PASSIVE_FOLLOWERS = frozenset(
    "by in at on for during and each every per from with before after under into across as"
    " within since until when while daily yearly annually between without".split())
_INTRANSITIVE = frozenset("died fled starved emigrated migrated returned survived protested"
                          " marched arrived went came voted".split())
_ACTIVE = _INTRANSITIVE | frozenset("left lost made fought joined".split())
_HEDGE_BEFORE = re.compile(r"(?:^|\s)(?:about|approx\.?|approximately|roughly|around|over|nearly"
                           r"|almost|c\.|up to|at least)?\s?$", re.IGNORECASE)
_LINE_SUBJECT = re.compile(r"^(?P<subject>[A-Z][\w'’]*(?:\s[\w'’]+){0,4}?)"
                           r"(?:\s\(|\s[-–—]\s|:\s|,\s)")


def _counted(text: str, lead: str, figure: Figure) -> tuple[str, str] | None:
    """`Hungarian Uprising, crushed by Soviet tanks, about 20,000 Hungarians killed`:
    "Hungarian Uprising: how many Hungarians were killed?"."""
    number = text[figure.start:figure.end]
    if figure.ask != "How many?" or not re.fullmatch(r"[\d,.]+(?:\s(?:million|billion|k))?",
                                                     number):
        return None
    m = _COUNTED.match(text, figure.end)
    opens = not text[:figure.start].strip() or text[:figure.start].rstrip().endswith(":")
    if m is None or not (opens or _HEDGE_BEFORE.search(text[max(0, figure.start - 15):
                                                             figure.start])):
        return None  # (a count that opens its line or clause, or a hedged one)
    verb = m.group("verb")
    rest = re.sub(r"\s\($", "", m.group("rest"))
    joined = re.match(r"\sand\s(?:[a-z]{3,}ed|[A-Z][a-z]+)\b", text[m.end():])
    if joined:  # `17 leading Communists tried and executed`, `led by Brutus and Cassius`
        rest += joined.group()
    following = (rest.split() or [""])[0]
    acts = verb in _INTRANSITIVE or bool(following) and following not in _PASSIVE_FOLLOWERS \
        or verb in _ACTIVE and not following
    were = m.group("were") or ("" if acts else "were ")  # (`72 kids watched adult …` act)
    question = f"how many {m.group('noun')} {were}{verb}{rest}?"
    subject = _LINE_SUBJECT.match(text)
    context = lead or (subject.group("subject") if subject and subject.end() <= figure.start
                       else "")
    if context and not shows(question, context):
        return f"{context}: {question}", number
    return question[0].upper() + question[1:], number


_MAX_TRIED = 40  # dates or figures looked at in one bullet: a pasted page has thousands
_MAX_SCAN = 20_000  # characters of one bullet searched for them


def _stands_in(titles: str, year: str) -> bool:
    """Whether `year` stands alone in `titles` (not as one end of `1928-29`)."""
    at = titles.find(year)
    while at >= 0:
        before = titles[at - 1] if at else " "
        after = titles[at + len(year)] if at + len(year) < len(titles) else " "
        if not (before.isdigit() or before in "–-" or after.isdigit() or after in "–-"):
            return True
        at = titles.find(year, at + 1)
    return False


_CODE = re.compile(r"[<>!=]=|:=|\+=|\(\)|;\s*$")
_KEYWORDS = re.compile(r"\b(?:SELECT|FROM|WHERE|INSERT|UPDATE|DELETE|VALUES|ORDER|JOIN|SET|PRINT"
                       r"|INPUT|OUTPUT|WHILE|ENDIF|ENDWHILE|RETURN|THEN|ELSE)\b")
_ROW_OF_VALUES = re.compile(r"(?<![\w.])(?:\d+(?:\.\d+)?(?:\s+|,\s?)){3,}\d")


_ASIDE = re.compile(r"\((?:some|also|not|usually|just|this|which|new|i\.?e\.?|eg|e\.g\.)\b[^()]*$"
                    r"|\b(?:eg|e\.g\.)\s[^;()]*$", re.IGNORECASE)


_PLURAL_AFTER = re.compile(r"\s(?:[A-Za-z]+ )?[A-Za-z]{2,}s\b")


_EXAM_MARKS = re.compile(r"\d+\s?marks?\b", re.IGNORECASE)
_EXAM = re.compile(r"\b(?:SPaG|Q\d+|mark\s?q|questions?|essay|exam|paper\s\d)\b", re.IGNORECASE)
_NUMBERED = re.compile(r"\b(?:clause|article|section|amendment|chapter|page|paper|question|step"
                       r"|stage|rule|commandment|pillar|psalm|verse|figure|table|unit)\s$",
                       re.IGNORECASE)


def _trivial(text: str, figure: Figure) -> bool:
    """A bare single digit that counts nothing named (`a tie joins 2 notes` counts notes,
    but `federation of 4 Republics` and `9 members` are facts; `Act 1` is a label)."""
    number = text[figure.start : figure.end]
    if number.isdigit() and _NUMBERED.search(text, max(0, figure.start - 12), figure.start):
        return True  # `Clause 39`, `Paper 2`: a label's number, not a value
    if _EXAM_MARKS.match(text, figure.start) and _EXAM.search(text):
        return True  # `(12 marks, SPaG +3)`: how a question is marked, no fact
    return (figure.bare and number.isdigit() and int(number) < 10
            and not _PLURAL_AFTER.match(text, figure.end))


_TWIN = re.compile(r"\s?(?:[^\W\d_]+\s)?\((?:approx\s)?(?!(?:1\d{3}|20\d{2})\b)\d[\d,.–-]*\s?\w*\)")
_COUNT_WORDS = re.compile(r"\b(?:pairs?|triplets?|trios?|doubles?|twins?|dozens?|quartets?"
                          r"|single|both)\b", re.IGNORECASE)
_LISTED = re.compile(r"(?:\s?[\w-]+){0,6}\s?[:=–-]\s?((?:[^,;:()]{1,40},\s?)+[^,;:()]{1,40})$")


def _shown_by_the_rest(text: str, figure: Figure) -> bool:
    """A blank the line gives away: `23 pairs (46 total)` each shows the other, `triplet
    of 3 bases` says its count, `4 bases: A, T, C, G` lists what it counts."""
    number = text[figure.start:figure.end]
    parts = re.fullmatch(r"(\d+)\s?:\s?(\d+)", number)
    if parts:  # `3:1 (3 black : 1 white)`: the ratio's parts are shown beside it
        rest = _STANDALONE_NUMBER.findall(text[:figure.start] + " " + text[figure.end:])
        return parts.group(1) in rest and parts.group(2) in rest
    digits = _LEADING_NUMBER.match(number)
    if digits and _STANDALONE_NUMBER.findall(text).count(digits.group()) > 1:
        return True  # `dauert 45 Minuten = lasts 45 mins`, `grades go 1-6, 1 = sehr gut`
    if _TWIN.match(text, _word_end(text, figure.end)) or (
            re.fullmatch(r"[\d,]+", number) and not _YEARISH.fullmatch(number)
            and _AFTER_A_NUMBER.search(text[max(0, figure.start - 40):figure.start])):
        return True
    if not number.isdigit() or int(number) > 12:
        return False
    if _COUNT_WORDS.search(text[max(0, figure.start - 30):figure.end + 30]):
        return True
    rest = _TRAILING_ASIDE.sub("", text[:figure.end + 200])  # (`… belief (ACIB lol)`)
    listed = _LISTED.match(rest, _word_end(text, figure.end))
    return listed is not None and len(listed.group(1).split(",")) == int(number)


_YEARISH = re.compile(r"1\d{3}|20\d{2}")
_LEADING_NUMBER = re.compile(r"\d+(?:[.,]\d+)?(?![/:]\d)")
_STANDALONE_NUMBER = re.compile(r"(?<![\d.,/:])\d+(?:[.,]\d+)?(?![\d.,/:])")
_TRAILING_ASIDE = re.compile(r"\s*\([^()]*\)\s*$")
_AFTER_A_NUMBER = re.compile(r"\d[\w,.]*\s?\w*\s?\((?:approx\s)?$")


def _word_end(text: str, at: int) -> int:
    """Past the word that follows a number (`23 pairs`), where an aside would start."""
    m = re.match(r"\s?[^\W\d_]+", text[at:])
    return at + m.end() if m else at


def _in_aside(text: str, at: int) -> bool:
    """Whether `at` is inside a bracketed aside or an example (`eg …`), not a fact."""
    return _ASIDE.search(text, max(0, at - 120), at) is not None


def _is_reference(text: str, start: int, end: int) -> bool:
    if start == 0 or text[start - 1] != "(" or text[end : end + 1] != ")":
        return False
    before = text[:start]
    if _LIFESPAN.fullmatch(text[start:end]) and re.search(r"[A-Z][a-z]+\s\($", before):
        return True  # `Immanuel Kant (1724-1804)`: a lifespan, not an event
    return bool(_AFTER_FIGURE.search(before))


_LIFESPAN = re.compile(r"1?\d{3}\s?[-–]\s?1?\d{3,4}")


def _blank_card(text: str, lead: str, start: int, end: int, ask: str) -> tuple[str, str] | None:
    answer = text[start:end].strip()
    if _written_twice(text, answer):
        return None  # `the 1905 Revolution (Jan 1905 …)`: which 1905 is asked?
    body = _excerpt(text, start, end)
    if _SUBJECT.match(text) and _SUBJECT.match(text).end() <= start:
        lead = ""  # `Kirov, party boss: murdered ____`: the line names its own subject
    if len(body.split()) > _MAX_WORDS:
        body, lead = _clause_around(text, start, end, lead)
        named = _NAME_AND_BLANK.fullmatch(body)
        dated = terms.event_date(f"{named.group('name')} ({answer})") if named else None
        if dated and ask in _DATE_ASKS:
            # `Sand Creek Massacre 1864 - Colonel Chivington attacked …`: the event's date
            return dated.question, answer
        if lead and not has_words(body.replace(BLANK, ""), 1):
            dated = terms.event_date(f"{lead} ({answer})") if ask in _DATE_ASKS else None
            if dated:
                return dated.question, answer  # `Reichstag Fire - 27 Feb 1933. A Dutch …`
            body, lead = f"{lead} - {body}", ""
    body = _balanced(body)
    if not has_words(body.replace(BLANK, ""), 1):
        return None
    lead = "" if shows(lead, answer) else lead
    if not lead and (_BARE_PRONOUN.match(body.lstrip("…- "))
                     or _PRONOUN_SOON.match(body.lstrip("…- "))):
        return None  # `It needed a ____ majority`, `By ____ this had risen to 55%`: what
        # "it" or "this" is, the line before says
    question = with_lead(lead, _sentence(body, ask))
    question = blank_out(question, answer) if shows(question, answer) else question
    if shows(question, answer) or not has_words(question.replace(BLANK, ""), 1):
        return None
    return question, answer


_PRONOUN_SOON = re.compile(r"(?:\S+\s){1,3}(?:(?:this|they|these)\s(?:had|has|have|was|were|is|are"
                           r"|rose|fell|grew|dropped|reached|went)|it\s(?:had\s(?:risen|fallen|grown)"
                           r"|rose|fell|grew|dropped|reached|was\s(?:over|under|about|around)))\b")
_BARE_PRONOUN = re.compile(r"(?:It|He|She|They|This|These|Those|Its|His|Her|Their)\s")
_NAME_AND_BLANK = re.compile(rf"(?P<name>[A-Z][\w'’-]*(?:\s(?:of|the|de|[A-Z][\w'’-]*)){{0,5}})"
                             rf"\s\(?{BLANK}\)?")
_WORD = re.compile(r"\w+")
_DATE_ASKS = frozenset(("In what year?", "When?", "On what date?"))


def _written_twice(text: str, answer: str) -> bool:
    """Whether `answer` stands on its own more than once in `text` (not inside `1/4`,
    `24-25` or a longer number)."""
    found, at = 0, text.find(answer)
    while at >= 0 and found < 2:
        before = text[at - 1] if at else " "
        after = text[at + len(answer)] if at + len(answer) < len(text) else " "
        if not (before.isalnum() or before in "./:–-_" or after.isalnum() or after in "/:_"):
            found += 1
        at = text.find(answer, at + 1)
    return found > 1


_MAX_WORDS = 18  # a question longer than this pastes the notes; cut it to the clause
_SUBJECT = re.compile(r"^[^:;,]{2,60}?(?::\s|\s[–—-]\s)")
_CLAUSE = re.compile(r",\s|;\s?|\s(?:->|=>|→|[-–—•])\s|\.\s")


def _clause_around(text: str, start: int, end: int, lead: str) -> tuple[str, str]:
    """The clause of a long bullet that holds text[start:end], blanked, and the context
    to show before it: the bullet's subject (`Peterson & Peterson (1959)`) if it has one."""
    lo = max(0, start - _MAX_BODY)
    for m in _CLAUSE.finditer(text, lo, start):
        lo = m.end()
    if 0 < lo < start and text[lo - 1].isalnum():  # never start mid-word
        space = text.find(" ", lo, start)
        lo = space + 1 if space >= 0 else lo
    hi = end
    before = len(_WORD.findall(text, lo, start))
    for m in _CLAUSE.finditer(text, end, end + _MAX_BODY):
        hi = m.start()
        if 0 < before < 3 and before + len(_WORD.findall(text, end, hi)) < 3 \
                or before == 0 and not _WORD.search(text, end, hi):
            continue  # `JJ Thomson (____) – discovered …`, `1926 – ‘left’ defeated …`
        if len(text[end:hi].split()) >= 3 or not m.group().startswith(","):
            break  # `Estonia, Latvia & Lithuania occupied`: a list goes on past its commas
    else:
        hi = min(len(text), end + _MAX_BODY)
    clause = _balanced((text[lo:start] + BLANK + text[end:hi]).strip())
    subject = _SUBJECT_BEFORE.match(text)
    if subject and _LABEL_SUBJECT.match(subject.group(1)):
        # `Case study: Rio de Janeiro (NEE) Rio is …`: the label's subject is what it names
        named = _NAMED.match(text, subject.end())
        subject = _SUBJECT_BEFORE.match(text, subject.end()) if named is None else named
    if lo > 0 and subject and not (_SENTENCE_BREAK.search(text, subject.end(), lo + 1)
                                   and _FINITE.search(subject.group(1))):
        # (`Women were expected to … . The Law … gave loans of ____`: a sentence of its
        # own is no subject of the next one)
        lead = subject.group(1).strip()
        defined = terms.sentence_pair(lead)
        if defined:  # `A megacity is a city with … - in 1950 there were only two`: megacity
            lead = terms.decapitalised(re.sub(r"^(?:an?|the)\s", "", defined[0], flags=re.I))
    return clause, lead


# `Kelman (1958): …`, `Peterson & Peterson (1959) – …`, and a name before ` = ` (`William
# Cecil = Secretary of State 1558, made Lord Burghley 1571`)
_SUBJECT_BEFORE = re.compile(r"([^:;,]{2,60}?(?=:\s|\s[–—-]\s)"
                             r"|[A-Z][\w'’-]*(?:\s[A-Z][\w'’-]*){0,3}(?=\s=\s))"
                             r"(?::\s|\s[–—=-]\s)")
_NAMED = re.compile(r"([A-Z][\w'’-]*(?:\s(?:de|of|the|[A-Z][\w'’-]*)){0,4})")
_LABEL_SUBJECT = re.compile(r"(?:case study|example|e\.?g\.?|note|fact|key (?:fact|point)|stats?)$",
                            re.IGNORECASE)


def _balanced(clause: str) -> str:
    """`(OSI model has ____ layers` → `OSI model has ____ layers`; `the body had ____ humours
    (blood, phlegm` → `the body had ____ humours`: a bracket the cut left open is closed by
    dropping it, or what it opened."""
    closed = clause.find(")")
    if closed >= 0 and clause.find("(", 0, closed) < 0:
        # `approx ____), Delhi, Shanghai`: the cut began inside a bracket
        clause = clause[:closed].rstrip() if BLANK in clause[:closed] else clause[closed + 1:]
    opened = clause.rfind("(")
    if opened < 0 or clause.find(")", opened) >= 0:
        return clause
    if opened == 0:
        return clause[1:]
    if BLANK in clause[opened:]:
        return clause[:opened] + clause[opened + 1:]
    return clause[:opened].rstrip()


_SENTENCE_BREAK = re.compile(r"[.!?]\s+[A-Z]")
_FINITE = re.compile(r"\b(?:is|are|was|were|has|have|had)\b|\s\w+ed\b")


def _sentence(body: str, ask: str) -> str:
    body = body.rstrip().rstrip(",;:").rstrip()
    return f"{body} {ask}" if body[-1:] in ".?!…" else f"{body}. {ask}"


def _excerpt(text: str, start: int, end: int) -> str:
    """The bullet with text[start:end] blanked; a long bullet is cut to the clause around it."""
    lo, hi = 0, len(text)
    if hi > _MAX_BODY:
        for m in _CLAUSE_END.finditer(text, max(0, start - _MAX_BODY), start):
            lo = m.end()
        m = _CLAUSE_END.search(text, end, end + _MAX_BODY)
        hi = m.start() + 1 if m else len(text)
        half = _MAX_BODY // 2
        if start - lo > half:
            space = text.find(" ", start - half, start - 1)
            lo = space + 1 if space >= 0 else lo
        if hi - end > half:
            space = text.rfind(" ", end + 1, end + half)
            hi = space if space >= 0 else end + half // 2
    body = text[lo:start] + BLANK + text[end:hi]
    return ("…" if lo > 0 else "") + body.strip() + ("…" if hi < len(text) else "")

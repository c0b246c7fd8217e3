"""Outline → card drafts.

This module owns the rules that turn bullets into question/answer cards: dates,
figures, causes (`A => B`, "led to", "because"...), `Term: definition` bullets and
lists (a short section whose title asks or names a set). It works on the `Outline`
from `revise.notes` and is pure and offline: regular expressions and string rules only.

Every question shows its topic path for context, blanks its answer out wherever it
appears, and ends by asking for the kind of answer wanted ("In what year?", "How
many?"). Answers are always the student's own words: a span of the bullet, or for a
list the bullets themselves.
"""

from __future__ import annotations

import dataclasses
import re
from collections.abc import Iterable, Iterator

from revise.models import TOPIC_SEPARATOR, CardDraft, Kind
from revise.notes import Bullet, NotesPiece, Outline, Section, parse_notes, trim_ends

__all__ = [
    "BLANK",
    "Figure",
    "extract_cards",
    "extract_from_outline",
    "extract_piece",
    "unique_pieces",
    "find_dates",
    "find_figures",
]

BLANK = "____"
LIST_SEPARATOR = "\n"

_MAX_FACTS_PER_KIND = 50  # per bullet; more is not notes, and would flood the deck
_MAX_BODY = 300  # characters of bullet shown in a question before it is cut to a clause
_MAX_SIDE_WORDS = 30
_MAX_ANSWER = 400  # characters; a longer "definition" or cause is a paragraph, not an answer
_MAX_SOURCE = 2000  # characters of a giant bullet kept as a card's source, around its answer
_LIST_SIZES = range(2, 9)


def extract_cards(text: str, deck: str) -> list[CardDraft]:
    """Cards for `deck` from notes `text`, deduplicated, in file order."""
    return extract_from_outline(parse_notes(text), deck)


def extract_from_outline(outline: Outline, deck: str) -> list[CardDraft]:
    """Cards for `deck` from a parsed outline, deduplicated, in file order."""
    return _unique(_drafts(outline, deck))


def extract_piece(piece: NotesPiece, deck: str) -> list[CardDraft]:
    """The cards of one piece of a notes file (see `notes.split_notes`) in file order,
    not yet deduplicated: `unique_pieces` does that across the whole file."""
    return _drafts(parse_notes(piece.text, offset=piece.offset, first_line=piece.first_line),
                   deck)


def unique_pieces(drafts_by_piece: Iterable[list[CardDraft]]) -> Iterator[list[CardDraft]]:
    """Each piece's cards as the whole file keeps them, a piece at a time (together,
    exactly what `extract_cards` gives for the whole text): a card that repeats an
    earlier one is dropped or renumbered, never the earlier one, so a piece's cards are
    final as soon as it is read."""
    seen: tuple[set, set] = (set(), set())
    for drafts in drafts_by_piece:
        yield _unique(drafts, seen)


def _drafts(outline: Outline, deck: str) -> list[CardDraft]:
    drafts: list[CardDraft] = []
    for section in outline.sections:
        drafts.extend(_section_list(section, deck))
    for bullet in outline.bullets:
        if not bullet.detached:
            drafts.extend(_bullet_cards(bullet, deck))
    drafts.sort(key=lambda d: d.position)
    return drafts


def _unique(drafts: Iterable[CardDraft],
            seen: tuple[set[tuple[str, str]], set[str]] | None = None) -> list[CardDraft]:
    """`drafts` against the cards already kept (here, and in `seen`, which this adds
    to): a repeated question and answer is dropped; a repeated id takes the next slot."""
    seen_pairs, seen_ids = (set(), set()) if seen is None else seen
    cards: list[CardDraft] = []
    for draft in drafts:
        pair = (draft.question, draft.answer)
        if pair in seen_pairs:
            continue
        while draft.id in seen_ids:
            # Same bullet, topic and answer but a different question (a different parent
            # bullet, say): keep both, with distinct ids.
            draft = dataclasses.replace(draft, slot=draft.slot + 1, id="")
        seen_pairs.add(pair)
        seen_ids.add(draft.id)
        cards.append(draft)
    return cards


# ---------------------------------------------------------------------------- context


def _context(bullet: Bullet) -> str:
    parts = list(bullet.topic)
    parent = bullet.parent
    if parent is not None and not parent.intro and parent.text:
        parts.append(_snippet(parent.text))
    return TOPIC_SEPARATOR.join(parts)


def _snippet(text: str, words: int = 8) -> str:
    split = text.split(maxsplit=words)
    if len(split) <= words:
        return text
    return " ".join(split[:words]) + "…"


def _lead(context: str) -> str:
    if not context:
        return ""
    return context + (" " if context[-1] in "?:" else ": ")


def _sentence(body: str, ask: str) -> str:
    body = body.rstrip().rstrip(",;:").rstrip()
    if not body:
        return ask
    return f"{body} {ask}" if body[-1] in ".?!…" else f"{body}. {ask}"


def _contains(question: str, answer: str) -> bool:
    return answer.casefold() in question.casefold()


def _blank_out(question: str, answer: str) -> str:
    """`question` with every whole-word occurrence of `answer` replaced by the blank."""
    folded, target = question.lower(), answer.lower()
    if not target or len(folded) != len(question) or len(target) != len(answer):
        # Lowercasing changed a length (a dotted İ, say): fall back to the regex engine.
        pattern = re.compile(r"(?<!\w)" + re.escape(answer) + r"(?!\w)", re.IGNORECASE)
        return pattern.sub(BLANK, question)
    pieces: list[str] = []
    done = 0
    at = folded.find(target)
    while at >= 0:
        end = at + len(target)
        if not _is_word_char(folded, at - 1) and not _is_word_char(folded, end):
            pieces += (question[done:at], BLANK)
            done = end
            at = folded.find(target, end)
        else:
            at = folded.find(target, at + 1)
    return "".join(pieces) + question[done:]


def _is_word_char(text: str, i: int) -> bool:
    return 0 <= i < len(text) and (text[i].isalnum() or text[i] == "_")


# ---------------------------------------------------------------------------- dates

_MONTH = (
    r"(?:Jan(?:uary)?|Feb(?:ruary)?|Mar(?:ch)?|Apr(?:il)?|May|June?|July?|Aug(?:ust)?"
    r"|Sep(?:t(?:ember)?)?|Oct(?:ober)?|Nov(?:ember)?|Dec(?:ember)?)(?![^\W\d_])\.?"
)
_YEAR = r"(?:1[0-9]{3}|20[0-9]{2}|2100)"
_YEAR_SPAN = _YEAR + r"(?:\s?[-–/]\s?(?:[0-9]{4}|[0-9]{2})(?![0-9]))?"
_DAY = r"(?:[12][0-9]|3[01]|0?[1-9])(?:st|nd|rd|th)?"

_DATE = re.compile(
    rf"""(?=[0-9A-Z])(?<![\w$£€¥])(?<![0-9][.,])
    (?:
        (?P<dmy>{_DAY}\s(?:of\s)?{_MONTH},?\s{_YEAR_SPAN})
      | (?P<mdy>{_MONTH}\s{_DAY},?\s{_YEAR_SPAN})
      | (?P<my>{_MONTH}(?:\s?[-–/]\s?{_MONTH})?,?\s{_YEAR_SPAN})
      | (?P<season>(?:Spring|Summer|Autumn|Fall|Winter)\s(?:of\s)?{_YEAR_SPAN})
      | (?P<numeric>[0-9]{{1,2}}/[0-9]{{1,2}}/{_YEAR}|{_YEAR}-[01][0-9]-[0-3][0-9])
      | (?P<decade>(?:1[0-9]{{2}}|20[0-9])0(?:’|')?s)
      | (?P<era>[0-9]{{1,4}}\s?(?:BCE|BC|CE|AD)|AD\s?[0-9]{{1,4}})
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
_DATE_ASK = {
    "dmy": "On what date?",
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
        if kind == "year":
            if _AMOUNT_AFTER.match(text, m.end()):
                continue
            if not m.group().isdigit():
                kind = "range"
        spans.append((m.start(), m.end(), kind))
    return spans


def _date_ask(kind: str) -> str:
    if kind == "year":
        return "In what year?"
    return _DATE_ASK.get(kind, "When?")


# ---------------------------------------------------------------------------- figures

_NUMBER = r"(?:[0-9]{1,3}(?:,[0-9]{3})+|[0-9]+)(?:\.[0-9]+)?"
_MAGNITUDE = r"(?:million|mill|mil|mn|billion|bn|trillion|thousand|[mkb])(?![^\W\d_])"
_TIME_UNITS = (
    r"days?|weeks?|months?|years?|yrs?|hours?|hrs?|minutes?|mins?|seconds?"
    r"|secs?|decades?|centuries"
)
_MONEY_UNITS = r"dollars?|pounds?|euros?|roubles?|rubles?|francs?|marks?|yen|cents?|pence"
_UNIT = (
    rf"(?:{_TIME_UNITS}|{_MONEY_UNITS}|tons?|tonnes?|kg|kilograms?|grams?|g|km"
    r"|kilomet(?:re|er)s?|miles?|met(?:re|er)s?|cm|mm|ft|feet|inch(?:es)?|acres?"
    r"|hectares?|ha|lit(?:re|er)s?|ml|°[CF]|degrees?|mph|km/h|kcal|calories|kJ|kW|MW|GW"
    r"|mol|moles?|ppm)[²³]?(?![^\W\d_])"
)
_FIGURE = re.compile(
    rf"""(?=[0-9$£€¥])(?<![\w.,/$£€¥-])
    (?:
        (?P<fraction>[0-9]{{1,2}}/[0-9]{{1,2}})(?![0-9/])
      | (?P<currency>[$£€¥]\s?)?
        (?P<number>{_NUMBER})(?P<range>\s?[-–]\s?{_NUMBER})?(?P<plus>\+)?
        (?:\s?(?P<percent>%|per\s?cent(?![^\W\d_])|percent(?![^\W\d_])))?
        (?:\s?(?P<magnitude>{_MAGNITUDE}))?
        (?:\s?(?P<unit>{_UNIT})|(?P<times>x|\stimes)(?![^\W\d_]))?
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
    r"|year|ph|room|route|flight)\s?[#(]?$",
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
        figure = _figure(m, text)
        if figure is not None:
            figures.append(figure)
    return figures


def _figure(m: re.Match[str], text: str) -> Figure | None:
    start, end = m.span()
    if m.re is _WORD_FRACTION or m.group("fraction"):
        return Figure(start, end, "What proportion?", bare=False)
    number = m.group("number")
    percent, currency = m.group("percent"), m.group("currency")
    magnitude, unit, plus = m.group("magnitude"), m.group("unit"), m.group("plus")
    grouped = "," in number
    times = m.group("times")
    ranged = m.group("range")
    bare = not (percent or currency or magnitude or unit or plus or grouped or ranged or times)
    before = text[max(0, start - 40) : start]
    if bare and (_LABEL_BEFORE.search(before) or float(number) in (0.0, 1.0)):
        return None
    if percent:
        ask = "What percentage?"
    elif times:
        ask = "How many times?"
    elif currency or (unit and re.fullmatch(_MONEY_UNITS, unit, re.IGNORECASE)):
        ask = "How much?"
    elif unit and re.fullmatch(_TIME_UNITS, unit, re.IGNORECASE):
        aged = plus or re.search(r"\bage[ds]?\s?$", before, re.IGNORECASE)
        ask = "What age?" if aged else "How long?"
    elif unit:
        ask = "How much?"
    elif magnitude or grouped or _WORD_AFTER.match(text, end) or _COUNT_BEFORE.search(before):
        ask = "How many?"
    else:
        ask = "What figure?"
    return Figure(start, end, ask, bare=bare)


# ---------------------------------------------------------------------------- bullets


def _bullet_cards(bullet: Bullet, deck: str) -> Iterator[CardDraft]:
    text = bullet.text
    context = _context(bullet)

    def card(kind: Kind, question: str, answer: str, slot: int) -> CardDraft:
        return CardDraft(
            deck=deck,
            topic=bullet.topic,
            kind=kind,
            question=question,
            answer=answer,
            source=_source(text, answer),
            position=bullet.position,
            line=bullet.line,
            slot=slot,
        )

    if not bullet.prose or bullet.topic:
        definition = _definition(text)
        if definition is not None:
            term, answer = definition
            names = term[:1].isupper() and _NAMES.fullmatch(answer)
            ask = "Who were" if names else "What about"
            question = f"{_lead(context)}{ask} “{term}”?"
            if not _contains(question, answer):
                yield card(Kind.DEFINITION, question, answer, 0)

    dates = find_dates(text)
    slot = 0
    for start, end, kind in dates[:_MAX_FACTS_PER_KIND]:
        made = _blanked_card(bullet, context, start, end, _date_ask(kind), extend=False)
        if made is not None:
            yield card(Kind.DATE, *made, slot)
            slot += 1

    slot = 0
    for figure in find_figures(text, dates)[:_MAX_FACTS_PER_KIND]:
        made = _blanked_card(
            bullet, context, figure.start, figure.end, figure.ask, extend=figure.bare
        )
        if made is not None:
            yield card(Kind.FIGURE, *made, slot)
            slot += 1

    slot = 0
    for cause, effect in _causes(text)[:_MAX_FACTS_PER_KIND]:
        forward = f"{_lead(context)}What did “{cause}” lead to?"
        backward = f"{_lead(context)}What led to “{effect}”?"
        if not _contains(forward, effect):
            yield card(Kind.CAUSE, forward, effect, slot)
        if not _contains(backward, cause):
            yield card(Kind.CAUSE, backward, cause, slot + 1)
        slot += 2

    if bullet.intro:
        items = [child.text for child in bullet.children if not child.prose]
        if len(items) in _LIST_SIZES:
            topic = (*bullet.topic, text)
            question = _list_question(TOPIC_SEPARATOR.join(topic), len(items))
            yield CardDraft(
                deck=deck,
                topic=topic,
                kind=Kind.LIST,
                question=question,
                answer=LIST_SEPARATOR.join(items),
                source=text,
                position=bullet.position,
                line=bullet.line,
            )


def _blanked_card(
    bullet: Bullet, context: str, start: int, end: int, ask: str, *, extend: bool
) -> tuple[str, str] | None:
    """(question, answer) for the fact at text[start:end], or None if it cannot be asked.

    The answer must not show in the question. When a short number also sits inside a
    longer one around it (`4` in a `1924 Constitution` heading), the answer grows to
    take its noun (`4 Republics`); failing that, topic titles holding it are left out.
    """
    text = bullet.text
    ends = [end]
    if extend:
        m = _NEXT_WORD.match(text, end)
        if m:
            ends.append(m.end())
    for trim_topic in (False, True):
        for stop in ends:
            answer = text[start:stop]
            body = _excerpt(text, start, stop)
            if not (context or _has_words(body.replace(BLANK, ""))):
                return None
            ctx = _without(context, answer) if trim_topic else _hide_years(context, answer)
            if ctx is None:
                continue
            question = _blank_out(_lead(ctx) + _sentence(body, ask), answer)
            if not _contains(question, answer):
                return question, answer
    return None


_YEAR_IN_ANSWER = re.compile(rf"(?<!\d){_YEAR}(?!\d)")
_PARENTHESES = re.compile(r"\s*\([^()]*\)")


def _hide_years(context: str, answer: str) -> str:
    """The context with the answer's years taken out of topic titles, so a heading like
    `Kirov’s murder, 1934` or `Round 3 – Right(1928-29)` does not give the answer away.
    A title that would still show one is left out; other titles are kept whole."""
    years = _YEAR_IN_ANSWER.findall(answer)
    if not years or not context:
        return context
    shows = re.compile(rf"(?<!\d)(?:{'|'.join(years)})(?!\d)")
    kept = []
    for title in context.split(TOPIC_SEPARATOR):
        if shows.search(title):
            title = _PARENTHESES.sub(lambda m: "" if shows.search(m.group()) else m.group(),
                                     title)
            title = re.sub(rf"[\s,]*{shows.pattern}(?:[-–/]\d{{2,4}}|’s|'s|s)?", "", title)
            title = title.strip(" ,;:–-")
            if not title or shows.search(title):
                continue
        kept.append(title)
    return TOPIC_SEPARATOR.join(kept)


# Two or more capitalised names: `Tomsky, Rykov & Bukharin`.
_NAME = r"[A-Z][\w’'-]+(?: [A-Z][\w’'-]+)*"
_NAMES = re.compile(rf"{_NAME}(?:(?:, | & | and ){_NAME})+")
_NEXT_WORD = re.compile(r"\s[^\W\d_][\w’'-]*")


def _without(context: str, answer: str) -> str | None:
    folded = answer.casefold()
    parts = [p for p in context.split(TOPIC_SEPARATOR) if folded not in p.casefold()]
    trimmed = TOPIC_SEPARATOR.join(parts)
    return trimmed if trimmed != context else None


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
            # Cut at a space if there is one near; inside a giant word if not.
            space = text.find(" ", start - half, start - 1)
            lo = space + 1 if space >= 0 else start - half // 2
        if hi - end > half:
            space = text.rfind(" ", end + 1, end + half)
            hi = space if space >= 0 else end + half // 2
    body = text[lo:start] + BLANK + text[end:hi]
    return ("…" if lo > 0 else "") + body.strip() + ("…" if hi < len(text) else "")


_CLAUSE_END = re.compile(r";|[.!?](?=\s)")


def _source(text: str, answer: str) -> str:
    """The bullet as a card's source; for a giant one, the stretch around the answer."""
    if len(text) <= _MAX_SOURCE:
        return text
    at = text.find(answer)
    lo = max(0, at - (_MAX_SOURCE - len(answer)) // 2)
    return text[lo : lo + _MAX_SOURCE]


def _has_words(text: str) -> bool:
    """At least three letters: enough to be a word rather than marker junk."""
    return _THREE_LETTERS.search(text) is not None


# a letter, then two more, anything between
_THREE_LETTERS = re.compile(r"[^\W\d_][\W\d_]*+[^\W\d_][\W\d_]*+[^\W\d_]")


# ---------------------------------------------------------------------------- definitions

# fmt: off
_TERM_VERBS = frozenset((
    "had", "has", "have", "was", "were", "is", "are", "did", "does", "do", "been", "being",
    "will", "would", "could", "should", "can", "may", "might", "must",
))
# fmt: on
_MONTH_OR_SEASON = re.compile(
    rf"(?:{_MONTH}|Spring|Summer|Autumn|Fall|Winter)(?:\s?[-–/]\s?{_MONTH})?", re.IGNORECASE
)
_ARROWS = ("=>", "->", "→", "⇒", "⟹")
_ARROW_HINT = re.compile("|".join(map(re.escape, _ARROWS)))


def _definition(text: str) -> tuple[str, str] | None:
    """(term, definition) for a `Term: definition` bullet, else None."""
    colon = text.find(":")
    if colon < 1:
        return None
    raw_term, body = text[:colon], text[colon + 1 :]
    if raw_term[-1:].isdigit() and body[:1].isdigit():
        return None  # a time, 10:30
    term = trim_ends(raw_term)
    words = term.split()
    if not words or len(term) > 50 or any(c in term for c in ",;.!?"):
        return None
    if any(arrow in term for arrow in _ARROWS) or not any(c.isalpha() for c in term):
        return None
    limit = 4 if words[0][0].islower() else 6
    if len(words) > limit or words[0].casefold() in _TERM_VERBS:
        return None
    if _DATE.fullmatch(term) or _MONTH_OR_SEASON.fullmatch(term):
        return None  # `1928: ...` is a dated event, not a definition
    answer = trim_ends(body)
    if len(answer) > _MAX_ANSWER:
        return None
    if not _has_words(answer):
        return None
    return term, answer


# ---------------------------------------------------------------------------- causes

_ARROW = re.compile(r"\s?(?:=>|->|→|⇒|⟹)\s?")
_BOUNDARY = re.compile(r";|[.!?](?=\s+[^\W_a-z])")
_CAUSE_WORDS = re.compile(
    r"(?P<forward>\s(?:led to|leads to|lead to|leading to|resulted in|results in|resulting in"
    r"|caused|causes|(?:is|are|was|were)\s(?:a\s|an\s|the\s|one of the\s)?(?:\w+\s)?"
    r"causes?\sof)|,\s(?:therefore|thus|hence|so))"
    r"|(?P<backward>\s(?:because of|because|due to|as a result of|owing to"
    r"|(?:was|were|is|are) caused by))\s",
    re.IGNORECASE,
)
# A cheap check that rules out most bullets before the full pattern runs.
_CAUSE_HINT = re.compile("lead|led|result|caus|because|due|owing|therefore|thus|hence|, so ")
_CAUSE_REACH = 2000  # characters either side of a linking word searched for its clauses
# fmt: off
_EMPTY_SIDES = frozenset((
    "it", "this", "that", "these", "those", "they", "he", "she", "there", "which", "who",
    "what", "and", "or", "but", "then",
))
# fmt: on


def _causes(text: str) -> list[tuple[str, str]]:
    """(cause, effect) pairs stated in `text`: `A => B` arrows and linking words."""
    pairs: list[tuple[str, str]] = []
    has_arrow = _ARROW_HINT.search(text) is not None
    arrows = list(_ARROW.finditer(text)) if has_arrow else []
    for k, arrow in enumerate(arrows):
        if len(pairs) >= _MAX_FACTS_PER_KIND:
            break
        left_start = arrows[k - 1].end() if k else 0
        right_end = arrows[k + 1].start() if k + 1 < len(arrows) else len(text)
        cause = _last_clause(text[left_start : arrow.start()])
        effect = _first_clause(text[arrow.end() : right_end])
        _add_pair(pairs, cause, effect)
    lowered = text.lower()
    linked = _CAUSE_HINT.search(lowered) is not None
    for n, m in enumerate(_CAUSE_WORDS.finditer(text) if linked else ()):
        if n >= _MAX_FACTS_PER_KIND:
            break
        before = text[max(0, m.start() - _CAUSE_REACH) : m.start()]
        after = text[m.end() : m.end() + _CAUSE_REACH]
        if any(arrow in before or arrow in after for arrow in _ARROWS):
            continue  # the arrows already split this bullet into causes and effects
        first, last = _last_clause(before), _first_clause(after)
        if m.group("forward"):
            _add_pair(pairs, first, last)
        else:
            _add_pair(pairs, last, first)
    return pairs


def _last_clause(text: str) -> str:
    start = 0
    for m in _BOUNDARY.finditer(text):
        start = m.end()
    clause = text[start:]
    # A label before a colon (`June 1941: Germany invades`) is not part of the cause.
    colon = clause.rfind(":")
    if colon >= 0 and _has_words(clause[colon + 1 :]):
        clause = clause[colon + 1 :]
    return trim_ends(clause)


def _first_clause(text: str) -> str:
    m = _BOUNDARY.search(text)
    return trim_ends(text[: m.start()] if m else text)


def _add_pair(pairs: list[tuple[str, str]], cause: str, effect: str) -> None:
    for side in (cause, effect):
        words = side.split()
        if len(side) > _MAX_ANSWER or len(words) > _MAX_SIDE_WORDS or not _has_words(side):
            return
        if all(w.casefold().strip(",.") in _EMPTY_SIDES for w in words):
            return
    if cause.casefold() in effect.casefold() or effect.casefold() in cause.casefold():
        return
    pairs.append((cause, effect))


# ---------------------------------------------------------------------------- lists

# fmt: off
_SET_WORDS = frozenset((
    "why", "what", "how", "which", "who", "reasons", "reason", "causes", "effects",
    "consequences", "results", "aims", "aim", "objectives", "goals", "features", "types",
    "kinds", "impact", "impacts", "factors", "characteristics", "advantages", "disadvantages",
    "benefits", "problems", "methods", "examples", "stages", "steps", "functions", "roles",
    "properties", "uses", "outcomes", "strengths", "weaknesses", "successes", "failures",
    "limitations", "achievements", "motives", "interpretations", "arguments", "criticisms",
    "changes", "components", "symptoms", "treatments", "products", "reactants", "requirements",
    "ways", "policies", "points", "differences", "similarities",
))
# fmt: on
_QUESTION_WORDS = frozenset(["why", "what", "how", "which", "who", "when", "where"])


def _section_list(section: Section, deck: str) -> Iterator[CardDraft]:
    items = [b.text for b in section.bullets if not b.prose]
    if len(items) not in _LIST_SIZES:
        return
    words = {w.strip("?:()…,.'’‘“”").casefold() for w in section.title.split()}
    if not (section.intro or words & _SET_WORDS):
        return
    path = list(section.path)
    first = path[-1].split(maxsplit=1)[0].casefold()
    if first in _QUESTION_WORDS and not path[-1].endswith("?"):
        path[-1] += "?"
    question = _list_question(TOPIC_SEPARATOR.join(path), len(items))
    yield CardDraft(
        deck=deck,
        topic=section.path,
        kind=Kind.LIST,
        question=question,
        answer=LIST_SEPARATOR.join(items),
        source=section.title,
        position=section.position,
        line=section.line,
    )


def _list_question(context: str, count: int) -> str:
    if context.endswith("?"):
        return f"{context} Name the {count} points."
    return f"{context}: name the {count} points."

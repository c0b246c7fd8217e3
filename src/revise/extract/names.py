"""Names: the people, places, plans and acronyms a bullet mentions, asked as the bullet
with the name blanked (`____ told Stalin about the atomic bomb. Who?`).

A name is a run of capitalised words (`Imre Nagy`, `Bay of Pigs`, `Checkpoint Charlie`)
or an acronym (`NATO`, `GDR`). A capitalised word that merely starts the bullet is a name
only when it is not a common sentence opener, and words written in capitals for
emphasis (`NOT`, `CHECK`) are not names.
"""

from __future__ import annotations

import re

from revise.extract.phrasing import (
    BLANK,
    blank_out,
    has_words,
    past_base,
    shows,
    verb_base,
    with_lead,
)

_MAX_NAMES = 1  # per bullet: more would turn one line into a quiz of its own

_WORD = r"(?:[A-Z][a-zà-ÿ-]+(?:[’'][a-z]+)?|[A-Z]{2,6}s?|[A-Z]\.)"
_NAME = re.compile(
    rf"(?<![\w’'-]){_WORD}(?:\s(?:of|the|de|von|van|da|du|la|le|bin|al|v)\s[A-Z][\w-]+"
    rf"|\s{_WORD})*(?![\w-])")
_MONTHS = re.compile(r"^(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?$")
# fmt: off
_OPENERS = frozenset("""
    the a an in on at after before during when if this these those most some many all both
    each every no not new old first second third last only also but and or so then why how
    what who which there here it he she they we you i his her their our its big small high
    low main key other more less few lots much very over under between within without
    against for from to by with as because since until while although however therefore thus
    hence eg ie approx around about up down out off led set made used both one two three
    four five six seven eight nine ten once later early late soon next even still yet just
    may might can could should would will must shall did does do was were is are had has
    have been being become became get got give gave take took make keep kept let put go went
    come came see saw say said tell told think thought know knew want wanted use find found
    need needed called known seen shown
""".split())
_EMPHASIS = frozenset("""
    NOT ONLY AND OR ALL NO CHECK BOTH NEVER ALWAYS MUST IS ARE DONT ALSO VERY ANY NB PTO KEY
    LEARN NOTE BUT THE OF IN ON TO A AN IF SO IT DO DOES DID WAS WERE HAS HAVE HAD CAN WILL
""".split())
# fmt: on
_VERB_AFTER = re.compile(r"^\s(?P<verb>[a-z]+)\b")
_EVENT_WORDS = re.compile(r"\b(?:Plan|Act|Treaty|Pact|Doctrine|Crisis|War|Conference|Speech|"
                          r"Spring|Airlift|Blockade|Olympics|Model|Theory|Law|Bay|Wall|"
                          r"Telegram|Curtain)s?\b")


def find_names(text: str) -> list[tuple[int, int]]:
    """Spans of the names in `text`, in order."""
    spans = []
    for m in _NAME.finditer(text):
        name = m.group()
        words = name.split()
        if any(_MONTHS.match(w) for w in words):
            continue
        if words[-1].endswith(("’s", "'s")):  # `Kennan's` → `Kennan`
            words[-1] = words[-1][:-2]
            m_end = m.end() - 2
        else:
            m_end = m.end()
        if len(words) == 1:
            word = words[0]
            if word.upper() == word and (word.rstrip("s") in _EMPHASIS or len(word) > 6) or \
                    len(word) < 2:
                continue
            if word.lower() in _OPENERS:
                continue
        else:
            while words and words[0].lower() in _OPENERS:  # `After Stalin` → `Stalin`
                words = words[1:]
            if not words:
                continue
            start = m_end - len(" ".join(words))
            spans.append((start, m_end))
            continue
        spans.append((m.start(), m_end))
    return spans


def name_cards(text: str, lead: str, taken: str, *,
               historical: bool = False) -> list[tuple[str, str, str]]:
    """(kind, question, answer) for the names in `text` not already an answer (`taken`).
    In `historical` notes a capitalised word starting the line and doing something in the
    past (`Kerensky armed the Red Guards`) is a person."""
    cards: list[tuple[str, str, str]] = []
    if len(text.split()) > 15:
        return cards  # only `____ told Stalin about the atomic bomb`: a doer, asked "Who?"
    # The most specific name first: a longer one, then one later in the line.
    spans = sorted(find_names(text), key=lambda span: (-len(text[span[0]:span[1]].split()),
                                                       -span[0]))
    for start, end in spans:
        name = text[start:end]
        if not _is_subject(text, start, end, name, historical):
            continue  # (the quickest test, and the one most names fail)
        if shows(taken, name) or shows(lead, name) or len(name) < 2:
            continue
        rest = text[:start] + BLANK + text[end:]
        if not has_words(rest.replace(BLANK, ""), 3):
            continue
        ask = "Who?"
        question = with_lead(lead, f"{_clause(rest)} {ask}")
        question = blank_out(question, name)
        if shows(question, name):
            continue
        cards.append(("fact", question, name))
        if len(cards) == _MAX_NAMES:
            break
    return cards


def _is_subject(text: str, start: int, end: int, name: str, historical: bool = False) -> bool:
    """A person-like name doing the verb after it: `Truman told Stalin …`."""
    if _EVENT_WORDS.search(name) or name.isupper():
        return False
    before = text[:start].rstrip()
    if before and before[-1] not in ",;:(" and not before.endswith(("=>", "->", "→", "–", "-")):
        return False
    m = _VERB_AFTER.match(text[end:])
    if not m:
        return False
    verb = m.group("verb")
    past = bool(past_base(verb) or (verb.endswith("ed") and len(verb) > 3))
    if start == 0 and " " not in name and not (historical and past and not name.endswith("s")):
        return False  # a capitalised first word may just start the sentence
    if verb in ("was", "were") and re.match(r"\s(?:was|were)\san?\s", text[end:]):
        return True  # `Tsar Nicholas II was an autocrat`
    return bool(verb_base(verb) or past)


def _clause(text: str) -> str:
    """The sentence or clause around the blank: what a student needs to fill it."""
    at = text.find(BLANK)
    lo = max(text.rfind(";", 0, at), text.rfind(". ", 0, at))
    hi_candidates = [i for i in (text.find(";", at), text.find(". ", at)) if i >= 0]
    hi = min(hi_candidates) if hi_candidates else len(text)
    clause = text[lo + 1 : hi].strip()
    return clause if clause.endswith((".", "?", "!")) else clause + "."


_DEEDS = (r"discovered|developed|invented|identified|published|proved|founded|introduced"
          r"|designed|created|wrote|investigated|isolated|proposed|described|observed"
          r"|classified|pioneered|coined|established|built|used|set up|tested|carried out"
          r"|conducted|ran|studied")
DEED = re.compile(rf"\s(?:{_DEEDS})\s")  # (a quick look for a deed before the full match)
# `Edward Jenner developed the smallpox vaccine in 1796`, `William Harvey - 1628 -
# discovered the circulation of the blood`: a person and the deed a teacher asks them for
_DOER = re.compile(
    r"^(?:In\s\d{4},?\s)?(?P<who>[A-Z][a-zà-ÿ'’-]+(?:\s[A-Z][a-zà-ÿ'’-]+){0,2}"
    r"|[A-Z][a-zà-ÿ-]+\s(?:and|&|\+)\s[A-Z][a-zà-ÿ-]+)"
    r"(?:\s\([A-Za-z]+\))?(?:\s[-–—]\s(?:c\.?\s?)?\d{4}\s[-–—])?\s(?:also\s)?"
    rf"(?P<verb>{_DEEDS})\s(?P<what>.+)$")
_COMMON_SUBJECTS = frozenset("""
    he she it they we you people someone scientists doctors students researchers government
    parliament police church king queen army navy teacher
""".split())
_DEED_END = re.compile(r"\s(?:in|on|at|by)\s(?:c\.?\s?)?\d{4}\b|\s\(|,\s|;\s|\s[-–—]\s|\s->\s"
                       r"|\s→\s|\s(?:when|so|which|because|b/c|after|before|but)\s|\.\s|\.$")
_MAX_DEED_WORDS = 12


def doer_facts(sentence: str) -> list[tuple[str, str, str]]:
    """(kind, question, answer): "Who discovered the circulation of the blood?" →
    `William Harvey`, from a line that starts with the person and their deed."""
    m = _DOER.match(sentence.strip())
    if m is None or m.group("who").split()[0].lower() in _OPENERS:
        return []
    who = m.group("who")
    if " " not in who and (who.endswith("s") or who.lower() in _COMMON_SUBJECTS):
        return []  # `Doctors followed …`, `Students tested …`: no one in particular
    cut = _DEED_END.search(m.group("what"))
    deed = m.group("what")[: cut.start()] if cut else m.group("what")
    deed = re.sub(r"^(?:his|her|their)\s", "the ", deed.strip().rstrip("."))
    if re.match(r"(?:with|by|as|in|at|for|to)\b", deed):
        return []  # `Hyde described with animal imagery`: Hyde is described, he does nothing
    if not 1 <= len(deed.split()) <= _MAX_DEED_WORDS or shows(deed, m.group("who")):
        return []
    return [("person", f"Who {m.group('verb')} {deed}?", m.group("who"))]

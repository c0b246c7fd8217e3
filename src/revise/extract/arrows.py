"""Arrows and linking words: what an arrow means decides the card it gives.

In notes an arrow is a cause (`low interest rates -> cheaper borrowing`), a step of a
sequence (`source → upper course → … → mouth`), a new name (`Germany invades USSR =>
Operation Barbarossa`), an example (`=> eg rigged elections`) or a result stated after
an event. Causes are asked forwards only ("What did … lead to?"); linking words
(`because`, `due to`, `b/c`) give "Why …?"; a chain of short steps gives "What comes
after …?" and, when the notes name it, the whole order once.
"""

from __future__ import annotations

import re

from revise.extract.phrasing import has_words, quoted, shows, why_question
from revise.extract.terms import Fact
from revise.notes import trim_ends

ARROW = re.compile(r"\s?(?:=>|->|→|⇒|⟹)\s?")
_STEP = re.compile(r"^[^\s,;:]+(?:\s[^\s,;:]+){0,5}$")
_NAME = re.compile(r"^(?:[A-Z][\w’'-]*|of|the|and|in|de|v)(?:\s(?:[A-Z][\w’'-]*|of|the|and|in|de|v|\d+))*$")
_EXAMPLE = re.compile(r"^(?:e\.?g\.?|eg|for example|such as)\s", re.IGNORECASE)
_PREPOSITION = re.compile(r"^(?:in|on|at|to|into|from|with|by|of|for|as)\b", re.IGNORECASE)
_BECAUSE = re.compile(r"\s(?:because of|because|b/c|bc|due to|as a result of|owing to|since)\s",
                      re.IGNORECASE)
_LED_TO = re.compile(r"\s(?:led to|leads to|resulted in|results in|caused|causes)\s",
                     re.IGNORECASE)
_MAX_SIDE = 16


def has_arrow(text: str) -> bool:
    return ARROW.search(text) is not None


def arrow_facts(text: str, label: str = "", *, past: bool = False, lead: str = "") -> list[Fact]:
    """Cards for the arrows in `text`; `label` names the chain when the notes do
    (`long profile: source → …`)."""
    if ";" in text:  # `fastest flow outside → erosion; slowest inside → deposition`
        return [f for piece in text.split(";")
                for f in arrow_facts(piece, label, past=past, lead=lead)]
    parts = [trim_ends(p) for p in ARROW.split(text)]
    if len(parts) < 2 or not all(parts):
        return []
    facts: list[Fact] = []
    if len(parts) >= 3 and all(_STEP.match(p) for p in parts):
        for before, after in zip(parts, parts[1:], strict=False):
            where = f" in {label}" if label else ""
            facts.append(Fact("sequence", f"What comes after {quoted(before)}{where}?", after))
        if label:
            facts.append(Fact("sequence", f"Give the order of {label}, from {quoted(parts[0])}.",
                              " → ".join(parts[1:])))
        return _clean(facts)
    did = "did" if past else "does"
    for before, after in zip(parts, parts[1:], strict=False):
        cause = _last_clause(before)
        effect = _first_clause(after)
        if not cause or not effect or len(cause.split()) > _MAX_SIDE:
            continue
        if _EXAMPLE.match(effect):
            example = _EXAMPLE.sub("", effect)
            facts.append(Fact("cause", f"Give an example of {quoted(cause)}.", example))
            continue
        if (_PREPOSITION.match(effect) or len(effect.split()) > _MAX_SIDE
                or effect[:1].isdigit() or not has_words(effect, 2)):
            continue
        if _NAME.match(effect) and not _NAME.match(cause) and len(cause.split()) >= 2:
            facts.append(Fact("cause", f"What was {quoted(cause)} called?", effect))
            continue
        if _NAME.match(effect) and _NAME.match(cause):
            facts.append(Fact("sequence", f"What came after {cause}?", effect))
            continue
        if not has_words(cause) or not has_words(effect):
            continue
        question = f"What {did} {quoted(cause)} lead to?"
        facts.append(Fact("cause", f"{lead}: {question[0].lower()}{question[1:]}" if lead
                          else question, effect))
    return _clean(facts)


def linked_facts(text: str) -> list[Fact]:
    """`X because Y` → "Why X?"; `X led to Y` → "What did X lead to?"."""
    facts: list[Fact] = []
    m = _BECAUSE.search(text)
    if m:
        effect, cause = _last_clause(text[: m.start()]), _first_clause(text[m.end() :])
        question = why_question(effect) if effect else None
        if question and cause and len(cause.split()) <= _MAX_SIDE:
            facts.append(Fact("cause", question, cause))
    m = _LED_TO.search(text)
    if m:
        cause, effect = _last_clause(text[: m.start()]), _first_clause(text[m.end() :])
        if cause and effect and len(cause.split()) <= _MAX_SIDE:
            facts.append(Fact("cause", f"What did {quoted(cause)} lead to?", effect))
    return _clean(facts)


_BOUNDARY = re.compile(r";|[.!?](?=\s+[^\W_a-z])|:\s")


def _last_clause(text: str) -> str:
    start = 0
    for m in _BOUNDARY.finditer(text):
        start = m.end()
    return trim_ends(text[start:])


def _first_clause(text: str) -> str:
    m = _BOUNDARY.search(text)
    return trim_ends(text[: m.start()] if m else text)


def _clean(facts: list[Fact]) -> list[Fact]:
    kept = []
    for fact in facts:
        if fact.answer and not shows(fact.question, fact.answer):
            kept.append(fact)
    return kept

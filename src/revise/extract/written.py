"""Cards a student writes in the notes on purpose, in the notations other flashcard tools
made familiar: `question :: answer`, `question ::: answer` (both ways), `Q: …` then
`A: …`, and cloze deletions `==hidden words==` or `{{c1::hidden words}}`. A bullet that
holds one gives exactly the cards written, and no rule-made ones."""

from __future__ import annotations

import re

from revise.extract.phrasing import BLANK, capitalised, shows
from revise.extract.terms import Fact
from revise.notes import trim_ends

_BOTH_WAYS = re.compile(r"^(?P<front>.+?)\s?:::\s?(?P<back>.+)$")
_ONE_WAY = re.compile(r"^(?P<front>.+?)\s?::\s?(?P<back>.+)$")
_QUESTION = re.compile(r"^Q\s?[:.)]\s*(?P<question>.+?)(?:(?:\s+A\s?[:.)]|\s(?:->|→))\s*"
                       r"(?P<answer>.+))?$")
_ANSWER = re.compile(r"^A\s?[:.)]\s*(?P<answer>.+)$")
_CLOZE = re.compile(r"\{\{c(?P<group>\d+)::(?P<hidden>.+?)(?:::(?P<hint>.*?))?\}\}")
_HIGHLIGHT = re.compile(r"==(?P<hidden>[^=]+?)==")


def written_facts(text: str) -> list[Fact] | None:
    """The cards `text` writes out, or None when it writes none."""
    facts = _written(text)
    if facts is None:
        return None
    return [f for f in facts if _has_text(f.question) and _has_text(f.answer)
            and not shows(f.question, f.answer)]


def _has_text(text: str) -> bool:
    return any(c.isalnum() for c in text)


def _written(text: str) -> list[Fact] | None:
    if "{{c" in text and _CLOZE.search(text):
        return _cloze_groups(text)
    if "==" in text and _HIGHLIGHT.search(text):
        if "::" not in text:
            return _highlights(text)
        text = _HIGHLIGHT.sub(r"\g<hidden>", text)  # `Antigen:: a ==protein== …`: the card
    if ":::" in text:
        m = _BOTH_WAYS.match(text)
        if m:
            front, back = trim_ends(m.group("front")), trim_ends(m.group("back"))
            return [Fact("basic", front, back), Fact("basic", back, front)]
    if "::" in text:
        m = _ONE_WAY.match(text)
        if m:
            return [Fact("basic", trim_ends(m.group("front")), trim_ends(m.group("back")))]
    m = _QUESTION.match(text)
    if m and m.group("answer"):
        return [Fact("basic", capitalised(m.group("question").strip()),
                     trim_ends(m.group("answer")))]
    return None


def question_line(text: str) -> str | None:
    """The question of a `Q: …` line whose answer is on the `A:` line after it."""
    m = _QUESTION.match(text)
    return capitalised(m.group("question").strip()) if m and not m.group("answer") else None


def answer_line(text: str) -> str | None:
    m = _ANSWER.match(text)
    return trim_ends(m.group("answer")) if m else None


def _cloze_groups(text: str) -> list[Fact]:
    """`{{c1::Paris}} is the capital of {{c2::France}}`: a card per group number, its
    deletions blanked (with their hint, if any), the other groups shown."""
    groups = sorted({int(m.group("group")) for m in _CLOZE.finditer(text)})
    facts = []
    for group in groups:
        hidden: list[str] = []

        def show(m: re.Match[str], group: int = group, hidden: list[str] = hidden) -> str:
            if int(m.group("group")) != group:
                return m.group("hidden")
            hidden.append(m.group("hidden"))
            return f"{BLANK} ({m.group('hint')})" if m.group("hint") else BLANK

        question = _CLOZE.sub(show, text)
        facts.append(Fact("cloze", question, ", ".join(hidden)))
    return facts


def _highlights(text: str) -> list[Fact]:
    """`The ==mitochondria== release ==energy==`: each highlight a card of its own."""
    facts = []
    spans = list(_HIGHLIGHT.finditer(text))
    for k, m in enumerate(spans):
        question = "".join(
            (BLANK if j == k else other.group("hidden")) + _between(text, spans, j)
            for j, other in enumerate(spans))
        question = text[: spans[0].start()] + question
        facts.append(Fact("cloze", question, m.group("hidden")))
    return facts


def _between(text: str, spans: list[re.Match[str]], j: int) -> str:
    end = spans[j + 1].start() if j + 1 < len(spans) else len(text)
    return text[spans[j].end() : end]

"""Markdown worksheet for a class: numbered questions under topic headings, then the
answers, numbered the same way, after a rule (a page to hand out, a page to keep).

The file is read as plain text as often as it is rendered, so only markup that would
change the rendering is escaped: the blanks of a cloze question stay `____`.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from pathlib import Path

from revise.exporters import atomic_output, topic_path

NO_TOPIC = "General"

# what could open emphasis or code: `*` and backticks anywhere, `_` at a word's edge
# (a blank of three or more, or `_` inside a word, prints as written)
_EMPHASIS = re.compile(r"[*`]|(?<![_\w])_{1,2}(?!_)|(?<!_)_{1,2}(?![_\w])")
_HTML_TAG = re.compile(r"<(?=[A-Za-z/!?])")
_BACKSLASH = re.compile(r"\\(?=[!-/:-@\[-`{-~])")
_LINE_START = re.compile(r"^([#>])", re.MULTILINE)


def escape(text: str) -> str:
    """Markdown that prints the text as written, with a backslash only where a character
    would otherwise be taken as markup; line breaks are kept."""
    text = _BACKSLASH.sub(r"\\\\", text)
    text = _EMPHASIS.sub(lambda match: "".join("\\" + mark for mark in match.group()), text)
    text = _HTML_TAG.sub(r"\\<", text)
    if "[" in text and "]" in text:
        text = text.replace("[", "\\[").replace("]", "\\]")
    text = _LINE_START.sub(r"\\\1", text.replace("\r\n", "\n"))
    return text.replace("\n", "  \n   ")


def without_topic(question: str, topic: list[str] | tuple[str, ...]) -> str:
    """The question without the topic it opens with ("Purges: When …?" → "When …?"),
    for a sheet that shows the topic as the heading above it."""
    head, colon, rest = question.partition(": ")
    if not colon or not rest.strip() or not head:
        return question
    titles = [topic_path(topic), *topic]
    for title in titles:
        # the whole title, or the title before its bracketed dates ("Round 3 – Right(1928-29)")
        if title.startswith(head) and title[len(head):len(head) + 1] in ("", "(", " "):
            rest = rest.strip()
            return rest[0].upper() + rest[1:] if rest[0].islower() else rest
    return question


def sections(cards: list[dict]) -> Iterator[tuple[str, list[tuple[int, str]]]]:
    """(heading, [(number, question)]) per topic in order of first appearance: the
    heading is the topic path (with its deck when the cards come from several)."""
    decks = list(dict.fromkeys(card["deck"] for card in cards))
    groups: dict[tuple[str, str], list[tuple[int, str]]] = {}
    for number, card in enumerate(cards, start=1):
        topic = card.get("topic") or []
        key = (card["deck"], topic_path(topic) or NO_TOPIC)
        groups.setdefault(key, []).append((number, without_topic(card["question"], topic)))
    for (deck, topic), numbered in groups.items():
        yield (f"{deck} › {topic}" if len(decks) > 1 else topic), numbered


def title_of(cards: list[dict], title: str | None = None) -> str:
    return title or "Worksheet: " + ", ".join(dict.fromkeys(card["deck"] for card in cards))


def render(cards: list[dict], title: str | None = None, *, answers: bool = True) -> str:
    lines = [f"# {escape(title_of(cards, title))}", "",
             f"{len(cards)} questions. Name: ____________________", ""]
    for heading, numbered in sections(cards):
        lines += [f"## {escape(heading)}", ""]
        lines += [f"{number}. {escape(question)}" for number, question in numbered]
        lines.append("")
    if answers:
        lines += ["---", "", "## Answers", ""]
        lines += [f"{number}. {escape(card['answer'])}" for number, card in enumerate(cards, 1)]
        lines.append("")
    return "\n".join(lines)


def write(cards: list[dict], path: Path, *, answers: bool = True) -> None:
    with atomic_output(path, encoding="utf-8") as out:
        out.write(render(cards, answers=answers))

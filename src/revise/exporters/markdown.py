"""Markdown worksheet for a class: numbered questions under topic headings, then the
answers, numbered the same way, after a rule (a page to hand out, a page to keep)."""

from __future__ import annotations

import re
from pathlib import Path

from revise.exporters import atomic_output, topic_path

NO_TOPIC = "General"


def escape(text: str) -> str:
    """Markdown that prints the text as written: markup characters are backslashed and
    line breaks kept."""
    text = re.sub(r"([\\`*_\[\]<>#|])", r"\\\1", text)
    return text.replace("\r\n", "\n").replace("\n", "  \n   ")


def render(cards: list[dict], title: str | None = None) -> str:
    decks = list(dict.fromkeys(card["deck"] for card in cards))
    title = title or "Worksheet: " + ", ".join(decks)
    groups: dict[tuple[str, str], list[tuple[int, dict]]] = {}
    for number, card in enumerate(cards, start=1):
        key = (card["deck"], topic_path(card["topic"]) or NO_TOPIC)
        groups.setdefault(key, []).append((number, card))
    lines = [f"# {escape(title)}", "", f"{len(cards)} questions. Name: ____________________", ""]
    for (deck, topic), numbered in groups.items():
        heading = f"{deck} › {topic}" if len(decks) > 1 else topic
        lines += [f"## {escape(heading)}", ""]
        lines += [f"{number}. {escape(card['question'])}" for number, card in numbered]
        lines.append("")
    lines += ["---", "", "## Answers", ""]
    lines += [f"{number}. {escape(card['answer'])}" for number, card in enumerate(cards, 1)]
    return "\n".join(lines) + "\n"


def write(cards: list[dict], path: Path) -> None:
    with atomic_output(path, encoding="utf-8") as out:
        out.write(render(cards))

"""JSON export: every card with its notes fields and its scheduling state."""

from __future__ import annotations

import json
from pathlib import Path

from revise.exporters import atomic_output

FIELDS = (
    "id", "deck", "topic", "kind", "question", "answer", "source", "position", "line",
    "reps", "lapses", "state", "due", "stability", "difficulty", "last_review",
    "suspended", "retired",
)


def card_record(card: dict) -> dict:
    return {name: card.get(name) for name in FIELDS}


def write(cards: list[dict], path: Path) -> None:
    with atomic_output(path, encoding="utf-8") as out:
        json.dump([card_record(card) for card in cards], out, ensure_ascii=False, indent=2)
        out.write("\n")

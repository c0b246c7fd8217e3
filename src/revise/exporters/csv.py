"""CSV export for spreadsheets: one row per card, its text and its scheduling state.

UTF-8 with a byte-order mark, which spreadsheet programs need to read accents and
dashes correctly; `revise import` reads the file back.
"""

from __future__ import annotations

import csv
from pathlib import Path

from revise.exporters import anki_tags, atomic_output, topic_path

COLUMNS = (
    "question", "answer", "deck", "topic", "kind", "tags", "id", "state", "due", "stability",
    "difficulty", "reps", "lapses", "last_review", "suspended",
)


def row(card: dict) -> dict:
    values = {name: card.get(name) for name in COLUMNS}
    values["topic"] = topic_path(card["topic"])
    values["tags"] = " ".join(anki_tags(card))
    values["suspended"] = "yes" if card.get("suspended") else ""
    return {name: "" if value is None else value for name, value in values.items()}


def write(cards: list[dict], path: Path) -> None:
    with atomic_output(path, encoding="utf-8-sig", newline="") as out:
        table = csv.DictWriter(out, fieldnames=COLUMNS)
        table.writeheader()
        table.writerows(row(card) for card in cards)

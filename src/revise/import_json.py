"""revise's own JSON export read back as cards to import (`revise export -o cards.json`,
then `revise import cards.json` into another database). Each card keeps its id, deck,
topic and kind; retired cards stay out. Progress is not carried: an Anki package with
--with-scheduling is the format for that."""

from __future__ import annotations

import json
from pathlib import Path

from revise.importers import CARD_KINDS, ImportedCard, ImportFileError

# what every card revise exports holds
REQUIRED = {"deck", "question", "answer"}


def read_json(path: Path) -> list[ImportedCard]:
    try:
        data = json.loads(path.read_text(encoding="utf-8-sig"))
    except (UnicodeDecodeError, json.JSONDecodeError) as error:
        raise ImportFileError(f"{path} is not JSON that revise can read ({error})") from None
    if not isinstance(data, list) or not all(
            isinstance(card, dict) and card.keys() >= REQUIRED for card in data):
        raise ImportFileError(
            f"{path} is JSON but not cards as revise export writes them (a list of cards "
            f"with {', '.join(sorted(REQUIRED))}); import also reads .apkg, Anki text and "
            ".csv files")
    cards = []
    for number, card in enumerate(data, start=1):
        if card.get("retired"):
            continue
        topic = card.get("topic") or ()
        kind = card.get("kind") if card.get("kind") in CARD_KINDS else "basic"
        cards.append(ImportedCard(
            deck=str(card["deck"]), question=str(card["question"]),
            answer=str(card["answer"]), kind=kind,
            topic=tuple(str(title) for title in topic) if isinstance(topic, list) else (),
            source=str(card.get("source") or ""), id=str(card.get("id") or ""),
            line=card["line"] if isinstance(card.get("line"), int) else number))
    return cards

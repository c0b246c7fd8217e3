"""A small deck for the export, import and Anki tests, made without the extractor."""

from __future__ import annotations

import json
from datetime import UTC, datetime, timedelta
from pathlib import Path

from revise.models import CardDraft, Kind
from revise.store import Store
from revise.times import iso

NOW = datetime(2026, 11, 27, 12, 0, tzinfo=UTC)
NOTES = Path("/notes/stalin.txt")
TRICKY = 'Trotsky & "Left" <United Opposition> \'1926\''


def drafts(deck: str = "Stalin::Rise", *, answer_suffix: str = "") -> list[CardDraft]:
    rows = [
        (("Rise to power", "Round 1 – Trotsky"), Kind.DATE, "When did Lenin die?", "1924",
         "Lenin dies 1924"),
        (("Rise to power", "Round 2 – Left"), Kind.DEFINITION, "Who formed the United Opposition?",
         TRICKY, "1926 Trotsky, Zinoviev, Kamanev – ‘United Opposition’"),
        (("Purges",), Kind.FIGURE, "How many were executed in 1937?", "353,000",
         "353,000 executed"),
    ]
    return [CardDraft(deck=deck, topic=topic, kind=kind, question=question,
                      answer=answer + answer_suffix, source=source, position=index * 10,
                      line=index + 1)
            for index, (topic, kind, question, answer, source) in enumerate(rows)]


def seed(db_file: Path, *, now: datetime = NOW, **options) -> list[dict]:
    """Three cards in deck Stalin::Rise; returns them as `Store.cards` gives them."""
    with Store(db_file) as store:
        store.sync_cards(options.get("deck", "Stalin::Rise"), NOTES,
                         drafts(**options), now=now)
        return store.cards()


def review(db_file: Path, card_id: str, *, now: datetime = NOW) -> None:
    """Give a card two answers (Good while new, then Good as a review) and the state they
    leave it in: a review card, due in 12 days, with FSRS memory state."""
    first = now - timedelta(days=5)
    second = now - timedelta(days=2)
    due = now + timedelta(days=10)
    with Store(db_file) as store, store.transaction():
        store.db["reviews"].insert_all([
            {"card_id": card_id, "rating": 3, "reviewed_at": iso(first), "duration_ms": 5200,
             "state_before": json.dumps({"state": "new"}),
             "state_after": json.dumps({"state": "review", "due": iso(second)})},
            {"card_id": card_id, "rating": 3, "reviewed_at": iso(second), "duration_ms": 3100,
             "state_before": json.dumps({"state": "review"}),
             "state_after": json.dumps({"state": "review", "due": iso(due)})},
        ])
        store.db["cards"].update(card_id, {
            "state": "review", "due": iso(due), "last_review": iso(second), "reps": 2,
            "lapses": 0, "stability": 11.8, "difficulty": 4.6,
        })

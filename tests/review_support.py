"""Small decks for the scheduler, review and progress tests, made without the extractor."""

from __future__ import annotations

from datetime import UTC, datetime, timedelta
from pathlib import Path

from revise.models import CardDraft, Kind
from revise.store import Store
from revise.times import iso

NOW = datetime(2026, 11, 27, 10, 0, tzinfo=UTC)  # a Friday, 10:00 UTC


def drafts(count: int, *, deck: str = "history", per_bullet: int = 1,
           topics: int = 3) -> list[CardDraft]:
    """`count` bullets, each giving `per_bullet` cards; card (i, j) asks "Q i.j", answers
    "A i.j", and sits under topic "Topic i % topics"."""
    return [
        CardDraft(deck=deck, topic=("Stalin", f"Topic {index % topics}"), kind=Kind.DATE,
                  question=f"Q {index}.{slot}", answer=f"A {index}.{slot}",
                  source=f"bullet {index}", position=index * 100, line=index + 1, slot=slot)
        for index in range(count) for slot in range(per_bullet)
    ]


def add_cards(store: Store, count: int, *, deck: str = "history", per_bullet: int = 1,
              topics: int = 3, source: str = "notes.txt", now: datetime = NOW) -> list[str]:
    """Store the cards and return their ids in notes order."""
    plan = store.sync_cards(deck, Path(source), drafts(count, deck=deck, per_bullet=per_bullet,
                                                       topics=topics), now=now)
    return [plan.ids[draft.id] for draft in drafts(count, deck=deck, per_bullet=per_bullet,
                                                    topics=topics)]


class Clock:
    """A clock for sessions: starts at `start`, moves on `step` seconds each reading."""

    def __init__(self, start: datetime = NOW, step: float = 0.0):
        self.now = start
        self.step = timedelta(seconds=step)

    def __call__(self) -> datetime:
        current = self.now
        self.now = self.now + self.step
        return current

    def advance(self, **delta: float) -> None:
        self.now += timedelta(**delta)


def answer(store: Store, card_id: str, rating: int, at: datetime) -> int:
    """Rate a card at `at` as a session would (no fuzz); returns the review's id."""
    from revise.scheduler import DeckScheduler, schedule_of
    from revise.store import reviews

    row = reviews.review_card(store, card_id)
    schedule = schedule_of(row)
    after = DeckScheduler(desired_retention=row["desired_retention"], fuzz=False).rate(
        schedule, rating, at)
    review_id = reviews.record_rating(store, card_id, schedule, after, rating=rating,
                                 reviewed_at=iso(at), duration_ms=4000)
    assert review_id is not None
    return review_id

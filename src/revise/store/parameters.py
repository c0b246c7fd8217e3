"""Fitted FSRS parameters: the review history `revise optimize` fits them to, and the
parameters and replayed card schedules it keeps.

The log is streamed in card order, never loaded whole. Replaying leaves a card's state
different from what its latest review recorded, so each deck remembers the last review
it replayed (`decks.rescheduled_through`) and the doctor's log check starts after it.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator

from revise.models import SCHEDULE_COLUMNS
from revise.store.connection import Store
from revise.store.reviews import in_decks


def review_history(store: Store, deck_ids: list[int] | None = None
                   ) -> Iterator[tuple[str, int, str, int]]:
    """(card_id, rating, reviewed_at, review id) of every review of the decks' cards (all
    decks for None), ordered by card, then time; streamed, not loaded."""
    sql = "SELECT card_id, rating, reviewed_at, id FROM reviews"
    params: list = []
    if deck_ids is not None:
        sql += f" WHERE {in_decks(deck_ids, by_time=False)}"
        params = list(deck_ids)
    cursor = store.conn.execute(sql + " ORDER BY card_id, reviewed_at, id", params)
    try:
        yield from cursor
    finally:
        cursor.close()


def deck_parameters(store: Store, deck_ids: list[int] | None = None) -> dict[int, list | None]:
    """Each deck's fitted FSRS parameters (None where it uses the defaults)."""
    return {deck_id: json.loads(parameters) if parameters else None
            for deck_id, parameters in store.conn.execute("SELECT id, parameters FROM decks")
            if deck_ids is None or deck_id in deck_ids}


def store_fitted(store: Store, deck_ids: list[int], parameters: list[float],
                 schedules: Iterable[tuple[str, int, dict]]) -> int:
    """Give the decks `parameters` and set each (card_id, latest review id, schedule) card's
    scheduling columns, in one transaction. A card answered since its reviews were read (its
    latest review is another) keeps the state that answer gave it. Review rows are never
    changed. Returns the number of cards updated."""
    marks = ",".join("?" * len(deck_ids))
    assignments = ", ".join(f"{name} = ?" for name in SCHEDULE_COLUMNS)
    updated = 0
    with store.transaction():
        store.conn.execute(f"UPDATE decks SET parameters = ? WHERE id IN ({marks})",
                         [json.dumps(parameters), *deck_ids])
        sql = (f"UPDATE cards SET {assignments} WHERE id = ?"
               " AND (SELECT max(id) FROM reviews WHERE card_id = cards.id) = ?")
        through = 0
        for chunk in _batches(schedules, 5_000):
            through = max(through, *(review_id for _card, review_id, _schedule in chunk))
            before = store.conn.total_changes
            store.conn.executemany(sql, [
                [*(schedule[name] for name in SCHEDULE_COLUMNS), card_id, review_id]
                for card_id, review_id, schedule in chunk])
            updated += store.conn.total_changes - before
        store.conn.execute(f"UPDATE decks SET rescheduled_through = ? WHERE id IN ({marks})",
                           [through, *deck_ids])
    return updated


def _batches(rows: Iterable, size: int) -> Iterator[list]:
    batch: list = []
    for row in rows:
        batch.append(row)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def card_decks(store: Store, deck_ids: list[int] | None = None) -> dict[str, int]:
    """Each card's deck id, for the cards of these decks (all for None)."""
    if deck_ids is None:
        return dict(store.conn.execute("SELECT id, deck_id FROM cards"))
    return dict(store.conn.execute(
        f"SELECT id, deck_id FROM cards WHERE deck_id IN ({','.join('?' * len(deck_ids))})",
        deck_ids))


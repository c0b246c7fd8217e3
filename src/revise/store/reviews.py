"""Reviews: today's queue, answers (each in its own transaction, behind a guarded UPDATE),
undo, suspending, and the counts `revise due` shows.

The queries read active cards through the partial indexes the migrations make (the
`retired = 0 AND suspended = 0` in each is what lets SQLite use them) and aggregate in
SQL, so they stay fast on large decks.
"""

from __future__ import annotations

import json

from revise.models import CARD_STATES, SCHEDULE_COLUMNS, QueueCard
from revise.store.cards import decode_card
from revise.store.connection import Store, query
from revise.store.decks import deck_ids, reviewed_deck_ids

__all__ = ["bullets_reviewed_since", "checkpoint", "count_due", "deck_ids",
           "defer_checkpoints", "due_counts", "in_decks", "new_cards", "new_started_since",
           "next_due", "queue_cards", "queue_filters", "record_rating", "review_card",
           "reviewed_deck_ids",
           "suspend_card", "undo_rating"]

ACTIVE = "cards.retired = 0 AND cards.suspended = 0"


def queue_filters(deck_ids: list[int] | None, topic: str | None) -> tuple[str, list]:
    clauses, params = [ACTIVE], []
    if deck_ids is not None:
        clauses.append(f"cards.deck_id IN ({','.join('?' * len(deck_ids)) or 'NULL'})")
        params.extend(deck_ids)
    if topic:
        clauses.append("instr(lower(cards.topic), lower(?)) > 0")
        params.append(json.dumps(topic, ensure_ascii=False)[1:-1])
    return " AND ".join(clauses), params


# what each state makes a card in today's queue
QUEUE_KINDS = {"new": "new", "learning": "learning", "relearning": "learning",
               "review": "review"}


_QUEUE_COLUMNS = "id, deck_id, source_name, position, state, due"


def queue_cards(store: Store, *, states: tuple[str, ...], before: str,
                deck_ids: list[int] | None = None, topic: str | None = None,
                limit: int | None = None) -> list[QueueCard]:
    """Active cards in `states` due before `before`, soonest first, then by state and id
    (at most `limit`)."""
    where, params = queue_filters(deck_ids, topic)
    # One index range per state, each read in the index's own order (state, due, id):
    # SQLite merges them rather than sorting, so a small limit reads only a few entries.
    sql = " UNION ALL ".join(
        f"SELECT {_QUEUE_COLUMNS} FROM cards"
        f" WHERE {where} AND state = {_state_literal(state)} AND due < ?" for state in states)
    sql += " ORDER BY due, state, id"
    if limit is not None:
        sql += f" LIMIT {int(limit)}"
    # drawn on every answer: tuples straight from the cursor, not a dict per row
    return [_queue_card(*values)
            for values in store.conn.execute(sql, [*params, before] * len(states))]


def _queue_card(card_id: str, deck_id: int, source_name: str, position: int, state: str,
                due: str | None) -> QueueCard:
    return QueueCard(card_id, deck_id, (deck_id, source_name, position), QUEUE_KINDS[state],
                     due)


def count_due(store: Store, *, states: tuple[str, ...], before: str,
              deck_ids: list[int] | None = None, topic: str | None = None) -> int:
    where, params = queue_filters(deck_ids, topic)
    listed = ", ".join(map(_state_literal, states))
    sql = f"SELECT count(*) FROM cards WHERE {where} AND state IN ({listed}) AND due < ?"
    return store.conn.execute(sql, [*params, before]).fetchone()[0]


def _state_literal(state: str) -> str:
    """A card state written into the SQL: SQLite plans `state = 'review'` far better than
    `state = ?` here (tens of microseconds on every card drawn). Only known states."""
    if state not in CARD_STATES:
        raise ValueError(f"unknown card state {state!r}")
    return f"'{state}'"


def new_cards(store: Store, deck_id: int, *, limit: int, topic: str | None = None,
              skip_bullets: set[tuple[str, int]] = frozenset()) -> list[QueueCard]:
    """Up to `limit` new cards of a deck in notes order, one per bullet, leaving out
    bullets in `skip_bullets` (source_name, position)."""
    if limit <= 0:
        return []
    where, params = queue_filters([deck_id], topic)
    cursor = store.conn.execute(
        f"SELECT {_QUEUE_COLUMNS} FROM cards WHERE {where}"
        " AND state = 'new' ORDER BY deck_id, source_name, position, slot", params)
    found: list[QueueCard] = []
    taken = set(skip_bullets)
    for values in cursor:
        row = _queue_card(*values)
        bullet = row.bullet[1:]
        if bullet in taken:
            continue
        taken.add(bullet)
        found.append(row)
        if len(found) >= limit:
            break
    cursor.close()
    return found


def new_started_since(store: Store, since: str) -> dict[int, int]:
    """New cards first answered since `since`, by deck: what today's new-card limit has used."""
    rows = store.conn.execute(
        # CROSS JOIN keeps SQLite reading today's reviews first, not every card
        "SELECT cards.deck_id, count(*) FROM reviews CROSS JOIN cards"
        " ON cards.id = reviews.card_id"
        " WHERE reviews.reviewed_at >= ? AND reviews.state = 'new' GROUP BY cards.deck_id",
        [since]).fetchall()
    return dict(rows)


def bullets_reviewed_since(store: Store, since: str) -> set[tuple[int, str, int]]:
    """(deck_id, source_name, position) of every bullet with a card answered since `since`."""
    return {tuple(row) for row in store.conn.execute(
        "SELECT DISTINCT cards.deck_id, cards.source_name, cards.position FROM reviews"
        " CROSS JOIN cards ON cards.id = reviews.card_id WHERE reviews.reviewed_at >= ?",
        [since])}


def review_card(store: Store, card_id: str) -> dict | None:
    """One card with its deck's scheduling options, as the session shows and rates it."""
    rows = list(query(store.conn,
        "SELECT cards.*, decks.name AS deck, decks.desired_retention, decks.parameters"
        " FROM cards JOIN decks ON decks.id = cards.deck_id WHERE cards.id = ?", [card_id]))
    return decode_card(rows[0]) if rows else None


_RATE_CARD = (f"UPDATE cards SET {', '.join(f'{name} = ?' for name in SCHEDULE_COLUMNS)}"
              f" WHERE id = ? AND retired = 0 AND suspended = 0"
              f" AND {' AND '.join(f'{name} IS ?' for name in SCHEDULE_COLUMNS)}")


def record_rating(store: Store, card_id: str, before: dict, after: dict, *, rating: int,
                  reviewed_at: str, duration_ms: int | None) -> int | None:
    """Store one answer: the card's new state and its review row, in one transaction.

    `before` is the card's scheduling state when it was drawn. If the stored card no
    longer matches it (another session answered it meanwhile, or it was suspended or
    retired), nothing is written and None is returned; otherwise the review's id.
    """
    with store.transaction():
        # one statement both checks the card is still as drawn and changes it
        changed = store.conn.execute(_RATE_CARD, [
            *(after[name] for name in SCHEDULE_COLUMNS), card_id,
            *(before[name] for name in SCHEDULE_COLUMNS)]).rowcount
        if not changed:
            return None
        cursor = store.conn.execute(
            "INSERT INTO reviews (card_id, rating, reviewed_at, duration_ms, state,"
            " state_before, state_after) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [card_id, rating, reviewed_at, duration_ms, before["state"],
             json.dumps({name: before[name] for name in SCHEDULE_COLUMNS}),
             json.dumps({name: after[name] for name in SCHEDULE_COLUMNS})])
        return cursor.lastrowid


def undo_rating(store: Store, review_id: int) -> str | None:
    """Put a card back as it was before review `review_id` and delete that review, in one
    transaction. Returns the card's id, or None if the review is gone or the card has
    been answered again since."""
    with store.transaction():
        row = store.conn.execute(
            "SELECT card_id, state_before, state_after FROM reviews WHERE id = ?",
            [review_id]).fetchone()
        if row is None:
            return None
        card_id, before, after = row[0], json.loads(row[1]), json.loads(row[2])
        current = store.conn.execute(
            f"SELECT {', '.join(SCHEDULE_COLUMNS)} FROM cards WHERE id = ?",
            [card_id]).fetchone()
        if current is None or tuple(current) != tuple(after[name] for name in SCHEDULE_COLUMNS):
            return None
        store.conn.execute(
            f"UPDATE cards SET {', '.join(f'{name} = ?' for name in SCHEDULE_COLUMNS)}"
            " WHERE id = ?",
            [*(before[name] for name in SCHEDULE_COLUMNS), card_id])
        store.conn.execute("DELETE FROM reviews WHERE id = ?", [review_id])
        return card_id


def defer_checkpoints(store: Store) -> None:
    """Stop SQLite from copying its write-ahead log into the database file at the end of
    whichever commit fills it (a pause of tens of milliseconds after that answer): a
    review session calls `checkpoint` itself, while a question is on screen."""
    store.conn.execute("PRAGMA wal_autocheckpoint = 0")


def checkpoint(store: Store) -> None:
    """Copy committed pages from the write-ahead log into the database file, without
    waiting for other connections (what they hold is copied next time)."""
    store.conn.execute("PRAGMA wal_checkpoint(PASSIVE)").fetchall()


def suspend_card(store: Store, card_id: str, suspended: bool = True) -> None:
    with store.transaction():
        store.conn.execute("UPDATE cards SET suspended = ? WHERE id = ?",
                         [int(suspended), card_id])


def next_due(store: Store, after: str, *, deck_ids: list[int] | None = None,
             topic: str | None = None) -> str | None:
    """When the first active, already-studied card falls due after `after`."""
    where, params = queue_filters(deck_ids, topic)
    values = [store.conn.execute(
        f"SELECT min(due) FROM cards WHERE {where} AND state = {_state_literal(state)}"
        " AND due >= ?", [*params, after]).fetchone()[0]
        for state in ("learning", "review", "relearning")]
    values = [value for value in values if value]
    return min(values) if values else None


def due_counts(store: Store, *, now: str, day_end: str) -> list[dict]:
    """Per deck (but those built to hand out, which are not reviewed unless named),
    active cards by what today holds for them: new (not yet studied),
    learning (due before day_end), due (reviews due by now), later (reviews due later
    today) and cards (all active). Each count is one range of an index."""
    count = f"(SELECT count(*) FROM cards WHERE {ACTIVE} AND cards.deck_id = decks.id"
    return list(query(store.conn,
        "SELECT decks.id AS deck_id, decks.name AS deck, decks.new_per_day,"
        f" {count} AND state = 'new') AS new,"
        f" {count} AND state = 'learning' AND due < :end)"
        f" + {count} AND state = 'relearning' AND due < :end) AS learning,"
        f" {count} AND state = 'review' AND due <= :now) AS due,"
        f" {count} AND state = 'review' AND due > :now AND due < :end) AS later,"
        f" {count}) AS cards"
        " FROM decks WHERE built = 0 ORDER BY decks.name",
        {"now": now, "end": day_end}))


def in_decks(deck_ids: list[int], *, by_time: bool = True) -> str:
    """Reviews of cards in these decks. `by_time` keeps SQLite on the reviewed_at index
    (the unary + stops it using card_id's), which is faster for a range of days."""
    column = "+card_id" if by_time else "card_id"
    return (f"{column} IN (SELECT id FROM cards WHERE deck_id IN"
            f" ({','.join('?' * len(deck_ids))}))")

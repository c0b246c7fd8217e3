"""Queries for sharing: the cards and review history an export streams, and what an
import needs to know of the cards already stored."""

from __future__ import annotations

import json
from collections.abc import Iterable, Iterator
from functools import lru_cache

from revise.store.cards import card_filters, has_cards, tags_json
from revise.store.connection import Store, chunks

# A package export streams the cards and reviews it writes rather than holding them:
# a large collection has a hundred thousand cards and a million reviews.

_EXPORT_CONTENT = ("cards.id, decks.name AS deck, cards.question, cards.answer, cards.topic,"
                   " cards.tags, cards.source, cards.updated, cards.kind, cards.source_name,"
                   " cards.line")
_EXPORT_PROGRESS = (", cards.suspended, cards.state, cards.due, cards.last_review,"
                    " cards.stability, cards.difficulty, cards.reps, cards.lapses")


def export_decks(store: Store, *, deck: str | None = None, topic: str | None = None,
                 kind: str | None = None) -> dict[str, str]:
    """The decks holding the active cards that match, by name: name → description."""
    where, params = card_filters(deck=deck, topic=topic, kind=kind)
    # each deck looked up once, through the cards' deck index, rather than every card read
    return dict(store.conn.execute(
        "SELECT decks.name, decks.description FROM decks WHERE EXISTS (SELECT 1 FROM cards"
        f" WHERE cards.deck_id = decks.id AND {where}) ORDER BY decks.name", params))


def count_cards(store: Store, *, deck: str | None = None, topic: str | None = None,
                kind: str | None = None) -> int:
    """How many active cards match (as `export_card_rows` gives them)."""
    where, params = card_filters(deck=deck, topic=topic, kind=kind)
    return store.conn.execute(
        f"SELECT count(*) FROM cards JOIN decks ON decks.id = cards.deck_id WHERE {where}",
        params).fetchone()[0]


def export_card_rows(store: Store, *, deck: str | None = None, topic: str | None = None,
                     kind: str | None = None, progress: bool = False) -> Iterator[dict]:
    """The active cards that match, one at a time, in the order of `Store.cards`: their
    content (with topic and tags as tuples) and, with `progress`, their scheduling."""
    where, params = card_filters(deck=deck, topic=topic, kind=kind)
    # Sorting a large collection's cards is most of this query's work: SQLite's sorter
    # can share it with a second thread, and sorts in memory rather than through
    # temporary files.
    store.conn.execute("PRAGMA threads = 2")
    store.conn.execute("PRAGMA temp_store = MEMORY")
    cursor = store.conn.execute(
        f"SELECT {_EXPORT_CONTENT}{_EXPORT_PROGRESS if progress else ''} FROM cards"
        f" JOIN decks ON decks.id = cards.deck_id WHERE {where}"
        " ORDER BY decks.name, cards.source_name, cards.position, cards.kind, cards.slot",
        params)
    keys = [column[0] for column in cursor.description]
    for row in cursor:
        card = dict(zip(keys, row, strict=False))  # (a row is as long as its description)
        card["topic"] = _json_tuple(card["topic"])
        card["tags"] = _json_tuple(card["tags"] or "[]")
        yield card


@lru_cache(maxsize=4096)
def _json_tuple(text: str) -> tuple:
    # many cards share a topic and tags: decode each once (as tuples, safe to share)
    return tuple(json.loads(text))


def export_review_rows(store: Store, *, deck: str | None = None, topic: str | None = None,
                       kind: str | None = None, in_time_order: bool = False) -> Iterator[tuple]:
    """Reviews as (card id, reviewed at, rating, duration in ms, state before, state
    after, due after) tuples, the state after and its due date read from the review's
    JSON: in the order they were stored, which is time order unless some were stored
    late, or with `in_time_order` by time (and id). With a filter, those of the active
    cards that match; without, every review, which the caller sorts out faster than
    SQLite would."""
    sql = ("SELECT card_id, reviewed_at, rating, duration_ms, state,"
           " json_extract(nullif(state_after, ''), '$.state'),"
           " json_extract(nullif(state_after, ''), '$.due') FROM reviews")
    params: list = []
    if deck is not None or topic or kind is not None:
        where, params = card_filters(deck=deck, topic=topic, kind=kind)
        # `+`: match each review against the cards, rather than read the matching
        # cards' reviews through the card_id index, at random, when they are many
        sql += (" WHERE +card_id IN (SELECT cards.id FROM cards"
                f" JOIN decks ON decks.id = cards.deck_id WHERE {where})")
    # In stored order the table is read straight through; by time, through the
    # reviewed_at index, looking up each row.
    yield from store.conn.execute(
        sql + (" ORDER BY reviewed_at, id" if in_time_order else " ORDER BY id"), params)


def card_homes(store: Store, card_ids: Iterable[str]) -> dict[str, tuple[str, str]]:
    """Where cards with these ids already live: id → (deck name, source file name)."""
    homes: dict[str, tuple[str, str]] = {}
    for chunk in chunks(list(card_ids), 500) if has_cards(store) else ():
        marks = ",".join("?" * len(chunk))
        for row in store.conn.execute(
            "SELECT cards.id, decks.name, cards.source_name FROM cards"
            f" JOIN decks ON decks.id = cards.deck_id WHERE cards.id IN ({marks})",
            chunk,
        ):
            homes[row[0]] = (row[1], row[2])
    return homes


def set_card_tags(store: Store, tags: dict[str, list[str]]) -> None:
    """Record the tags imported cards came with. Call inside a transaction."""
    texts = ((tags_json(card_tags), card_id) for card_id, card_tags in tags.items())
    # one prepared statement, and no write where the tags are already these
    store.conn.executemany("UPDATE cards SET tags = ?1 WHERE id = ?2 AND tags IS NOT ?1",
                           texts)


def decks_with_source(store: Store, source_name: str) -> list[str]:
    """The decks holding cards from a file of this name, retired ones included."""
    return [row[0] for row in store.conn.execute(
        "SELECT DISTINCT decks.name FROM cards JOIN decks ON decks.id = cards.deck_id"
        " WHERE cards.source_name = ? ORDER BY decks.name", [source_name])]


def source_paths(store: Store, deck: str, source_name: str) -> set[str]:
    """The paths recorded for a deck's cards from files of this name."""
    return {row[0] for row in store.conn.execute(
        "SELECT DISTINCT source_path FROM cards JOIN decks ON decks.id = cards.deck_id"
        " WHERE decks.name = ? AND cards.source_name = ?", [deck, source_name])}

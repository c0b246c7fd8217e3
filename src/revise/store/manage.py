"""What a user does to cards by hand: finding them by a short id, suspending, editing,
deleting and restoring them, and adding cards no notes file gives.

Each of these keeps the card's review history: a deleted card stays in the database,
retired and marked deleted, so an extract does not bring it back and `restore_card`
can. An edited card holds the user's question and answer and is marked edited, so an
extract keeps them (see `revise.sync.plan_sync`).
"""

from __future__ import annotations

from datetime import datetime

from revise.errors import ReviseError
from revise.store.cards import card_filters, decode_card
from revise.store.connection import Store, chunks, query
from revise.store.decks import ensure_deck
from revise.times import iso

# A short id is at least this long, and longer where another card's id starts the same.
SHORT_ID_MIN = 6
# Fewer ids than this are shortened by looking up their neighbours, more by reading
# every id once.
FEW_IDS = 2_000
# An ambiguous prefix lists at most this many of the cards it fits.
CANDIDATES_SHOWN = 5
# The notes file name of cards added by hand: no extract syncs them.
ADDED = ""


class CardIdError(ReviseError):
    """An id that fits no card, or more than one."""


def short_ids(store: Store, card_ids: list[str]) -> dict[str, str]:
    """The shortest prefix of each id that no other card's id starts with (at least
    SHORT_ID_MIN characters), as git abbreviates commits."""
    if not card_ids:
        return {}
    if len(card_ids) < FEW_IDS:
        # each id's two neighbours in the id index
        neighbours = {card_id: [other for other in store.conn.execute(
            "SELECT (SELECT max(id) FROM cards WHERE id < :id),"
            " (SELECT min(id) FROM cards WHERE id > :id)", {"id": card_id}).fetchone()
            if other is not None] for card_id in card_ids}
    else:  # many: one pass over every id, in order, is quicker
        from bisect import bisect_left

        every = [row[0] for row in store.conn.execute("SELECT id FROM cards ORDER BY id")]
        neighbours = {}
        for card_id in card_ids:
            at = bisect_left(every, card_id)
            neighbours[card_id] = [every[index] for index in (at - 1, at + 1)
                                   if 0 <= index < len(every)]
    return {card_id: card_id[:max(SHORT_ID_MIN, 1 + max(
        (_common_length(card_id, other) for other in others), default=0))]
        for card_id, others in neighbours.items()}


def _common_length(one: str, other: str) -> int:
    length = 0
    for a, b in zip(one, other, strict=False):
        if a != b:
            break
        length += 1
    return length


def resolve_card_ids(store: Store, given: list[str]) -> list[str]:
    """The full id of the card each of `given` (a whole id or a unique prefix) names,
    in order and without repeats; a CardIdError naming the first that fits no card,
    or more than one (with the cards it fits)."""
    found: list[str] = []
    for text in given:
        prefix = text.strip()
        if not prefix:
            raise CardIdError("an empty card id: give the id `revise cards` shows")
        rows = _starting_with(store, prefix)
        if not rows and prefix.lower() != prefix:  # ids are lower case hex, mostly
            prefix = prefix.lower()
            rows = _starting_with(store, prefix)
        if not rows:
            raise CardIdError(f"no card has an id starting with {text.strip()!r}"
                              " (`revise cards` lists ids)")
        exact = [row for row in rows if row["id"] == prefix]
        if len(rows) > 1 and not exact:
            shown = short_ids(store, [row["id"] for row in rows[:CANDIDATES_SHOWN]])
            listed = "; ".join(f"{shown[row['id']]} ({row['deck']}: {_clip(row['question'])})"
                               for row in rows[:CANDIDATES_SHOWN])
            more = ", and more" if len(rows) > CANDIDATES_SHOWN else ""
            raise CardIdError(f"{text.strip()!r} fits several cards: {listed}{more};"
                              " give more of the id")
        card_id = (exact or rows)[0]["id"]
        if card_id not in found:
            found.append(card_id)
    return found


def _starting_with(store: Store, prefix: str) -> list[dict]:
    """The first few cards whose id starts with `prefix` (by the id's own index)."""
    return list(query(store.conn,
        "SELECT cards.id, cards.question, decks.name AS deck FROM cards"
        " JOIN decks ON decks.id = cards.deck_id"
        " WHERE cards.id >= ? AND cards.id < ? ORDER BY cards.id LIMIT ?",
        [prefix, prefix + "\U0010ffff", CANDIDATES_SHOWN + 1]))


def _clip(text: str, width: int = 40) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[:width - 1] + "…"


def card(store: Store, card_id: str) -> dict:
    rows = list(query(store.conn, "SELECT cards.*, decks.name AS deck FROM cards"
                      " JOIN decks ON decks.id = cards.deck_id WHERE cards.id = ?", [card_id]))
    if not rows:
        raise CardIdError(f"no card {card_id!r}")
    return decode_card(rows[0])


def matching_ids(store: Store, *, deck: str | None = None, topic: str | None = None,
                 kind: str | None = None, search: str | None = None) -> list[str]:
    """The ids of the active and suspended cards (not retired or deleted) that every
    filter given fits."""
    if deck is not None:
        from revise.store.decks import find_deck

        deck = find_deck(store, deck)["name"]
    where, params = card_filters(deck=deck, topic=topic, kind=kind, search=search)
    return [row[0] for row in store.conn.execute(
        f"SELECT cards.id FROM cards JOIN decks ON decks.id = cards.deck_id WHERE {where}",
        params)]


def set_suspended(store: Store, card_ids: list[str], suspended: bool) -> int:
    """Suspend (or unsuspend) these cards, in one transaction; how many changed. Their
    schedule and history stay as they are."""
    changed = 0
    with store.transaction():
        for chunk in chunks(card_ids, 500):
            marks = ",".join("?" * len(chunk))
            changed += store.conn.execute(
                f"UPDATE cards SET suspended = ? WHERE id IN ({marks}) AND suspended != ?",
                [int(suspended), *chunk, int(suspended)]).rowcount
    return changed


def edit_card(store: Store, card_id: str, *, question: str | None = None,
              answer: str | None = None, now: datetime) -> dict:
    """Give a card the user's own question and/or answer, marked edited so that an
    extract keeps them; the card as it is now."""
    values = {"question": question, "answer": answer}
    for name, value in values.items():
        if value is not None and not value.strip():
            raise ReviseError(f"the {name} cannot be empty")
    with store.transaction():
        before = card(store, card_id)
        question = before["question"] if question is None else question.strip()
        answer = before["answer"] if answer is None else answer.strip()
        if (question, answer) != (before["question"], before["answer"]):
            store.conn.execute("UPDATE cards SET question = ?, answer = ?, edited = 1,"
                               " updated = ? WHERE id = ?", [question, answer, iso(now), card_id])
        return card(store, card_id)


def delete_cards(store: Store, card_ids: list[str], *, now: datetime) -> int:
    """Take these cards out of review for good, keeping them and their history: retired
    and marked deleted, which no extract undoes. How many were not deleted already."""
    return _set_deleted(store, card_ids, True, now=now)


def restore_cards(store: Store, card_ids: list[str], *, now: datetime) -> int:
    """Bring deleted cards back into review, with their history; how many were deleted.
    A card whose bullet is gone from its notes is retired again by the next extract."""
    return _set_deleted(store, card_ids, False, now=now)


def _set_deleted(store: Store, card_ids: list[str], deleted: bool, *, now: datetime) -> int:
    changed = 0
    with store.transaction():
        for chunk in chunks(card_ids, 500):
            marks = ",".join("?" * len(chunk))
            changed += store.conn.execute(
                f"UPDATE cards SET deleted = ?, retired = ?, updated = ?"
                f" WHERE id IN ({marks}) AND deleted != ?",
                [int(deleted), int(deleted), iso(now), *chunk, int(deleted)]).rowcount
    return changed


def add_cards(store: Store, deck: str, pairs: list[tuple[str, str]], *,
              now: datetime) -> list[str]:
    """Add front/back cards (kind `basic`) to `deck` (created if new), in one
    transaction; their ids. They belong to no notes file, so no extract changes them."""
    import hashlib

    from revise.models import Kind

    for number, (question, answer) in enumerate(pairs, start=1):
        if not question.strip() or not answer.strip():
            where = f" (card {number})" if len(pairs) > 1 else ""
            raise ReviseError(f"a card needs a question and an answer{where}")
    stamp = iso(now)
    added = []
    with store.transaction():
        deck_id = ensure_deck(store, deck, now=now)
        position = store.conn.execute(
            "SELECT coalesce(max(position), -1) + 1 FROM cards WHERE deck_id = ?"
            " AND source_name = ?", [deck_id, ADDED]).fetchone()[0]
        for question, answer in pairs:
            question, answer = question.strip(), answer.strip()
            card_id = hashlib.blake2b(f"added\x1f{deck}\x1f{question}\x1f{answer}\x1f{stamp}"
                                      f"\x1f{position}".encode(), digest_size=8).hexdigest()
            store.conn.execute(
                "INSERT INTO cards (id, deck_id, source_name, source_path, kind, topic,"
                " question, answer, source, position, line, slot, created, updated)"
                " VALUES (?, ?, ?, '', ?, '[]', ?, ?, ?, ?, 1, 0, ?, ?)",
                [card_id, deck_id, ADDED, str(Kind.BASIC), question, answer, question,
                 position, stamp, stamp])
            added.append(card_id)
            position += 1
    return added


def review_count(store: Store, card_ids: list[str]) -> int:
    """How many answers the log holds for these cards."""
    total = 0
    for chunk in chunks(card_ids, 500):
        marks = ",".join("?" * len(chunk))
        total += store.conn.execute(
            f"SELECT count(*) FROM reviews WHERE card_id IN ({marks})", chunk).fetchone()[0]
    return total

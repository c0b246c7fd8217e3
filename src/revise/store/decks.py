"""Decks: their names, options (new cards a day, desired retention) and descriptions."""

from __future__ import annotations

from datetime import datetime

from revise.errors import StoreError
from revise.store.connection import Store, query
from revise.times import iso

DECK_OPTIONS = ("new_per_day", "desired_retention")


def ensure_deck(store: Store, name: str, *, now: datetime) -> int:
    """The id of deck `name`, created if new. Call inside a transaction."""
    row = store.conn.execute("SELECT id FROM decks WHERE name = ?", [name]).fetchone()
    if row:
        return row[0]
    # a new deck takes the options `revise config` set for every deck, if any
    return store.conn.execute(
        "INSERT INTO decks (name, created, new_per_day, desired_retention) VALUES (?, ?,"
        " coalesce((SELECT CAST(value AS INTEGER) FROM settings WHERE key = 'new_per_day'),"
        " 20), coalesce((SELECT CAST(value AS REAL) FROM settings"
        " WHERE key = 'desired_retention'), 0.9))", [name, iso(now)]).lastrowid


def decks(store: Store) -> list[dict]:
    return list(query(store.conn, "SELECT * FROM decks ORDER BY name"))


def deck(store: Store, name: str) -> dict | None:
    rows = list(query(store.conn, "SELECT * FROM decks WHERE name = ?", [name]))
    return rows[0] if rows else None


def deck_ids(store: Store, name: str | None) -> list[int] | None:
    """[id] of deck `name`, matched ignoring case (StoreError if there is none), or None
    for every deck."""
    if name is None:
        return None
    return [find_deck(store, name)["id"]]


def find_deck(store: Store, name: str) -> dict:
    """The deck called `name`: that exact name, else the one name that differs from it
    only in case; a StoreError listing the decks there are when none (or several) fit."""
    rows = list(query(store.conn, "SELECT * FROM decks WHERE name = ? COLLATE NOCASE"
                      " ORDER BY name = ? DESC, name", [name, name]))
    if rows and (rows[0]["name"] == name or len(rows) == 1):
        return rows[0]
    if rows:
        raise StoreError(f"deck name {name!r} fits {', '.join(row['name'] for row in rows)};"
                         " give its exact name")
    names = [each["name"] for each in decks(store)]
    known = f"; decks: {', '.join(names)}" if names else "; there are no decks yet"
    raise StoreError(f"no deck named {name!r}{known}")


def existing_name(store: Store, name: str) -> str:
    """The name of the deck `name` fits ignoring case, or `name` itself for a new deck
    (so `extract --deck stalin` adds to the deck Stalin)."""
    rows = [row[0] for row in store.conn.execute(
        "SELECT name FROM decks WHERE name = ? COLLATE NOCASE", [name])]
    return name if name in rows or len(rows) != 1 else rows[0]


def built_deck_names(store: Store) -> list[str]:
    """The decks built to hand out (see `mark_built`)."""
    return [row[0] for row in store.conn.execute(
        "SELECT name FROM decks WHERE built = 1 ORDER BY name")]


def reviewed_deck_ids(store: Store) -> list[int] | None:
    """The decks to review when none is named: all (None) but those built to hand out."""
    if not store.conn.execute("SELECT 1 FROM decks WHERE built = 1 LIMIT 1").fetchone():
        return None
    return [row[0] for row in store.conn.execute("SELECT id FROM decks WHERE built = 0")]


def set_deck_option(store: Store, column: str, value: float | int,
                    deck_ids: list[int] | None = None) -> int:
    """Set `column` (one of DECK_OPTIONS) on the given decks, or on all."""
    if column not in DECK_OPTIONS:
        raise ValueError(column)
    with store.transaction():
        if deck_ids is None:
            return store.conn.execute(f"UPDATE decks SET {column} = ?", [value]).rowcount
        marks = ",".join("?" * len(deck_ids))
        return store.conn.execute(f"UPDATE decks SET {column} = ? WHERE id IN ({marks})",
                                  [value, *deck_ids]).rowcount


def set_deck_description(store: Store, name: str, description: str, *, now: datetime) -> None:
    """Give deck `name` (created if new) a description. Call inside a transaction."""
    store.conn.execute("UPDATE decks SET description = ? WHERE id = ?",
                       [description, ensure_deck(store, name, now=now)])


def deck_card_counts(store: Store) -> list[dict]:
    """Every deck with its notes files and its cards by state: new, learning (learning
    or relearning), review, suspended (of the cards not retired), and whether it was
    built to hand out."""
    active = "retired = 0 AND suspended = 0"
    rows = list(query(store.conn,
        "SELECT decks.id, decks.name, decks.built,"
        f" sum({active} AND state = 'new') AS new,"
        f" sum({active} AND state IN ('learning', 'relearning')) AS learning,"
        f" sum({active} AND state = 'review') AS review,"
        " sum(retired = 0 AND suspended = 1) AS suspended"
        " FROM decks LEFT JOIN cards ON cards.deck_id = decks.id"
        " GROUP BY decks.id ORDER BY decks.name"))
    files: dict[int, list[str]] = {}
    for deck_id, path in store.conn.execute(
            "SELECT DISTINCT deck_id, source_path FROM cards WHERE retired = 0"
            " AND source_path != '' ORDER BY deck_id, source_path"):
        files.setdefault(deck_id, []).append(path)
    for row in rows:
        for name in ("new", "learning", "review", "suspended"):
            row[name] = row[name] or 0
        row["built"] = bool(row["built"])
        row["notes"] = files.get(row["id"], [])
    return rows


def rename_deck(store: Store, old: str, new: str) -> str:
    """Rename deck `old` (matched ignoring case) to `new`; its old name. Its cards keep
    their ids and history."""
    new = new.strip()
    if not new:
        raise StoreError("a deck's name cannot be empty")
    with store.transaction():
        found = find_deck(store, old)
        taken = store.conn.execute("SELECT name FROM decks WHERE name = ? COLLATE NOCASE"
                                   " AND id != ?", [new, found["id"]]).fetchone()
        if taken:
            raise StoreError(f"there is a deck named {taken[0]!r} already")
        store.conn.execute("UPDATE decks SET name = ? WHERE id = ?", [new, found["id"]])
    return found["name"]


def delete_deck(store: Store, name: str) -> tuple[str, int, int]:
    """Delete deck `name` (matched ignoring case) with its cards and their reviews, in
    one transaction: (its name, cards, reviews) deleted."""
    with store.transaction():
        found = find_deck(store, name)
        deck_id = found["id"]
        reviews = store.conn.execute(
            "DELETE FROM reviews WHERE card_id IN (SELECT id FROM cards WHERE deck_id = ?)",
            [deck_id]).rowcount
        cards = store.conn.execute("DELETE FROM cards WHERE deck_id = ?", [deck_id]).rowcount
        store.conn.execute("DELETE FROM extracts WHERE deck_id = ?", [deck_id])
        store.conn.execute("DELETE FROM review_tally WHERE deck_id = ?", [deck_id])
        store.conn.execute("DELETE FROM decks WHERE id = ?", [deck_id])
    return found["name"], cards, reviews


def mark_built(store: Store, name: str, *, now: datetime) -> None:
    """Mark deck `name` (created if new) as built to hand out: it stays out of its
    builder's own review unless asked for by name. Call inside a transaction."""
    store.conn.execute("UPDATE decks SET built = 1 WHERE id = ?",
                       [ensure_deck(store, name, now=now)])

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
    return store.conn.execute("INSERT INTO decks (name, created) VALUES (?, ?)",
                              [name, iso(now)]).lastrowid


def decks(store: Store) -> list[dict]:
    return list(query(store.conn, "SELECT * FROM decks ORDER BY name"))


def deck(store: Store, name: str) -> dict | None:
    rows = list(query(store.conn, "SELECT * FROM decks WHERE name = ?", [name]))
    return rows[0] if rows else None


def deck_ids(store: Store, name: str | None) -> list[int] | None:
    """[id] of deck `name` (StoreError if there is none), or None for every deck."""
    if name is None:
        return None
    row = store.conn.execute("SELECT id FROM decks WHERE name = ?", [name]).fetchone()
    if row is None:
        names = [each["name"] for each in decks(store)]
        known = f"; decks: {', '.join(names)}" if names else "; there are no decks yet"
        raise StoreError(f"no deck named {name!r}{known}")
    return [row[0]]


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

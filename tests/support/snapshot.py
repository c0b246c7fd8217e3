"""What a database holds that a user would miss if it changed, to compare before and
after: decks and their options, every card's words and schedule, the review log and the
settings (not when rows were written, nor the bookkeeping of unchanged notes); and
SQLite's own integrity check."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from revise.models import SCHEDULE_COLUMNS

QUERIES = {
    "decks": "SELECT name, description, new_per_day, desired_retention, parameters"
             " FROM decks ORDER BY name",
    "cards": "SELECT id, deck_id, kind, topic, question, answer, source, retired, suspended,"
             f" {', '.join(SCHEDULE_COLUMNS)} FROM cards ORDER BY id",
    "reviews": "SELECT * FROM reviews ORDER BY id",
    "settings": "SELECT * FROM settings ORDER BY key",
}


def snapshot(path: Path) -> dict[str, list[dict]]:
    """Each of those tables' rows, as dicts, in a fixed order."""
    with closing(sqlite3.connect(path)) as conn:
        conn.row_factory = sqlite3.Row
        return {table: [dict(row) for row in conn.execute(sql)]
                for table, sql in QUERIES.items()}


def integrity(path: Path) -> str:
    with closing(sqlite3.connect(path)) as conn:
        return conn.execute("PRAGMA integrity_check").fetchone()[0]

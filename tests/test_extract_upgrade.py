"""Upgrading keeps progress: notes extracted and reviewed by an earlier version of revise
(tests/fixtures/legacy-v5.db, schema 5, made from data/notes.txt and reviewed a third of
its cards) are extracted again by this one. Every card whose fact is still asked keeps
its id, and so its review history, even where its question is now worded differently."""

from __future__ import annotations

import shutil
import sqlite3
from pathlib import Path

from rapidfuzz import fuzz

from tests.conftest import NOTES

LEGACY = Path(__file__).resolve().parent / "fixtures" / "legacy-v5.db"


def rows(db: Path, sql: str) -> list[tuple]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def test_reextracting_after_an_upgrade_keeps_the_history_of_every_fact_still_asked(
        revise, tmp_path):
    db = tmp_path / "legacy.db"
    shutil.copy(LEGACY, db)
    reviewed = rows(db, "SELECT DISTINCT c.id, c.answer, c.source, c.question FROM reviews r"
                        " JOIN cards c ON c.id = r.card_id JOIN decks d ON d.id = c.deck_id"
                        " WHERE d.name = 'notes'")
    log_before = rows(db, "SELECT * FROM reviews ORDER BY id")
    assert len(reviewed) > 40

    result = revise("extract", NOTES, "--deck", "notes", db=db)
    assert result.exit_code == 0, result.output

    assert rows(db, "SELECT * FROM reviews ORDER BY id") == log_before
    active = rows(db, "SELECT c.id, c.answer, c.source, c.question FROM cards c"
                      " JOIN decks d ON d.id = c.deck_id WHERE d.name = 'notes' AND retired = 0")
    kept = lost = reworded = 0
    for card_id, answer, source, question in reviewed:
        same_fact = [row for row in active
                     if row[1] == answer and fuzz.ratio(row[2], source) >= 60]
        if not same_fact:
            continue  # a fact no longer asked (a reversed cause, the year a figure was taken)
        if any(row[0] == card_id for row in same_fact):
            kept += 1
            reworded += any(row[0] == card_id and row[3] != question for row in same_fact)
        else:
            lost += 1
    assert lost == 0
    assert kept >= 25 and reworded >= 10
